/**
 * The inspection assignment's rules in the measures' words, importing only the assignment's field
 * labels (no schema): the schema (./documents.ts, so every command) and the bureau desk's Chinese
 * string table (which the first screen loads, so it must not pull the schemas in) say the same
 * sentences, the fields named as `ASSIGNMENT_LABELS` names them.
 */
import { ASSIGNMENT_LABELS } from '../model/labels/assignment';
import { fieldSentence, itemName } from '../model/labels/field';
import { formatDateZh } from '../text/date';

const { team, issuedOn, dueBy } = ASSIGNMENT_LABELS;

/**
 * A repeated member in the measures' words: the one sentence, said by the schema (so by every
 * command) and by the bureau's desk (its Chinese table fills this with its placeholders).
 */
export function teamRepeatText(r: {
  member: number | string;
  first: number | string;
  name: string;
}): string {
  return `${itemName(team, r.member)}与第 ${r.first} 位重复（${r.name}），每人只能列一次`;
}

/**
 * An inspection due before its day of issue (dates `YYYY-MM-DD`, so compared as text): refused at
 * every door — the bureau's desk, `jiebang inspection assign`, any reader of the assignment.
 */
export function dueBeforeIssue(a: { issuedOn: string; dueBy: string }): boolean {
  return a.dueBy < a.issuedOn;
}

/** `dueBeforeIssue` in the measures' words (the desk's Chinese table fills it with placeholders). */
export function dueBeforeIssueText(a: { issuedOn: string; dueBy: string }): string {
  return `${dueBy.label}${formatDateZh(a.dueBy)}早于${issuedOn.label}${formatDateZh(a.issuedOn)}`;
}

/**
 * A team member's name that holds more than one person, or may: a list separator inside it (a
 * JSON entry 「李检查，王核验」), or a space between two Chinese characters (「李检查 王核验」 typed
 * on the desk, where spaces do not separate members — Latin names such as 「Wang Li」 keep theirs).
 * Each member signs the report under their own key (第十二条（八）3), so such a name is refused at
 * every door with the question it raises; `null` for a name that is one person's.
 */
export function teamNameProblem(name: string): string | null {
  if (/[,，、;；]/u.test(name)) return `“${name}”含有分隔符：每位成员单列一项（一项只写一人）`;
  if (/\p{Script=Han}\s+\p{Script=Han}/u.test(name))
    return `“${name}”中间有空格：如是两人，请用逗号或顿号分开；如是一人，请删去空格`;
  return null;
}

/** `teamNameProblem` of the `member`-th (from 1) as the schema says it. */
export function teamNameText(member: number | string, why: string): string {
  return fieldSentence(itemName(team, member), why);
}
