/**
 * The inspection assignment's rules in the measures' words, with no imports: the schema
 * (./documents.ts, so every command) and the bureau desk's Chinese string table (which the first
 * screen loads, so it must not pull the schemas in) say the same sentences.
 */

/**
 * A repeated member in the measures' words: the one sentence, said by the schema (so by every
 * command) and by the bureau's desk (its Chinese table fills this with its placeholders).
 */
export function teamRepeatText(r: {
  member: number | string;
  first: number | string;
  name: string;
}): string {
  return `考察组第 ${r.member} 位成员与第 ${r.first} 位重复（${r.name}），每人只能列一次`;
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
  return `完成日期 ${a.dueBy} 早于签发日期 ${a.issuedOn}`;
}
