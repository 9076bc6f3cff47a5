/**
 * The inspection checklist: the four findings an inspector writes (符合 / 基本符合 / 不符合 / 未检查,
 * plus 不适用), and the templates shipped in the app for each kind of inspection. An assignment may
 * carry its own checklist, which then replaces the template (第十二条（二）（五）（八）).
 */
import { InspectionAssignmentSchema, type InspectionAssignment } from '../bundle/documents';
import { SubjectSchema, type SubjectType } from '../bundle/terms';
import { z } from 'zod';
import type { InspectionFinding, InspectionReport } from '../model';

/** How a finding is written on the form and in the report: Chinese first, English second. */
export const FINDING_LABEL: Record<InspectionFinding, { zh: string; en: string }> = {
  met: { zh: '符合', en: 'met' },
  partly: { zh: '基本符合', en: 'largely met' },
  'not-met': { zh: '不符合', en: 'not met' },
  'not-checked': { zh: '未检查', en: 'not checked' },
  'n/a': { zh: '不适用', en: 'not applicable' },
};

/** The findings in the order the form offers them. */
export const FINDINGS: readonly InspectionFinding[] = [
  'met',
  'partly',
  'not-met',
  'not-checked',
  'n/a',
];

/** What an inspection looks at. */
export type InspectionPurpose = 'demand' | 'qualification' | 'progress';

export interface ChecklistTemplate {
  purpose: InspectionPurpose;
  title: string;
  /** The article the items come from. */
  article: string;
  items: readonly string[];
}

/** The templates shipped in the app, one per purpose. */
export const CHECKLIST_TEMPLATES: Record<InspectionPurpose, ChecklistTemplate> = {
  demand: {
    purpose: 'demand',
    title: '评榜：技术需求实地考察',
    article: '第十二条（一）（二）',
    items: [
      '技术需求真实存在（现场所见与需求材料一致）',
      '发榜方为技术需求的最终用户',
      '需求可行、技术条件成熟',
      '发榜方配套资金与应用场景已落实',
    ],
  },
  qualification: {
    purpose: 'qualification',
    title: '揭榜方资质条件实地核查',
    article: '第十二条（五）',
    items: [
      '揭榜方主体资格与申报材料一致',
      '研发场地、设备与申报材料一致',
      '首席专家与核心团队在岗',
      '联合体合作协议已签订、牵头方明确',
    ],
  },
  progress: {
    purpose: 'progress',
    title: '项目实施进度现场检查（里程碑）',
    article: '第十二条（八）3，第十四条',
    items: [
      '里程碑研究任务完成情况与任务书一致',
      '经费使用与资金使用方案一致',
      '首席专家负责制落实、团队稳定',
      '发榜方参与项目技术管理',
    ],
  },
};

/** The template a subject calls for when the assignment carries no checklist of its own. */
export function purposeOf(subject: SubjectType): InspectionPurpose {
  switch (subject) {
    case 'round':
    case 'demand':
      return 'demand';
    case 'package':
    case 'applicant':
      return 'qualification';
    case 'task-book':
      return 'progress';
    case 'year':
    case 'key':
      return 'demand';
    default: {
      const never: never = subject;
      return never;
    }
  }
}

/**
 * The checklist a visit starts from: the assignment's own items, or else the shipped template
 * for its subject; every item 未检查 until the inspector writes a finding.
 */
export function startChecklist(assignment: InspectionAssignment): InspectionReport['checklist'] {
  const items =
    assignment.checklist.length > 0
      ? assignment.checklist
      : CHECKLIST_TEMPLATES[purposeOf(assignment.subject.type)].items;
  return items.map((item) => ({ item, result: 'not-checked', note: '' }));
}

/** Counts by finding, for the report's cover and the bureau's list. */
export function tally(checklist: InspectionReport['checklist']): Record<InspectionFinding, number> {
  const out: Record<InspectionFinding, number> = {
    met: 0,
    partly: 0,
    'not-met': 0,
    'not-checked': 0,
    'n/a': 0,
  };
  for (const c of checklist) out[c.result] += 1;
  return out;
}

/** Why a checklist the bureau wrote is refused (nothing is signed then). */
export type ChecklistProblem =
  | { kind: 'empty'; article: string }
  | { kind: 'item'; item: number; message: string }
  | { kind: 'duplicate'; item: number; first: number; text: string }
  | { kind: 'list'; message: string };

/**
 * An assignment's own checklist as the bureau writes it, by the one rule every door applies — the
 * `checklist` field of InspectionAssignmentSchema, which `jiebang inspection assign` reads too:
 * each item normalised like every name (invisible characters dropped, trimmed, 1–200 characters,
 * control characters refused), at most 200 items, no item twice (after that normalisation: the
 * team would answer it twice). An empty list is refused with the article that asks for the check
 * (the subject's template: 第十二条（一）（二） for a demand), since the bureau sends a team to check
 * something. `item` and `first` are 1-based.
 */
export function assignmentChecklist(
  items: readonly unknown[],
  subject: SubjectType,
):
  | { ok: true; items: string[] }
  | { ok: false; problem: ChecklistProblem; problems: ChecklistProblem[] } {
  const refuse = (problems: [ChecklistProblem, ...ChecklistProblem[]]) => ({
    ok: false as const,
    problem: problems[0],
    problems,
  });
  if (items.length === 0)
    return refuse([{ kind: 'empty', article: CHECKLIST_TEMPLATES[purposeOf(subject)].article }]);
  const list = InspectionAssignmentSchema.shape.checklist.unwrap();
  const problems: ChecklistProblem[] = [];
  // The list's own bounds (its items' issues, with a path, are named one by one below).
  const whole = list.safeParse(items);
  if (!whole.success)
    for (const issue of whole.error.issues)
      if (issue.path.length === 0) problems.push({ kind: 'list', message: issue.message });
  // Each item by the schema's own rule for one item, then repeats among those it takes (compared
  // with full-width letters and digits folded: NFKC), so every problem is named at once.
  const seen = new Map<string, number>();
  const taken: string[] = [];
  for (const [i, raw] of items.entries()) {
    if (typeof raw !== 'string') {
      problems.push({ kind: 'item', item: i + 1, message: '应为文字' });
      continue;
    }
    const one = list.element.safeParse(raw);
    if (!one.success) {
      problems.push({ kind: 'item', item: i + 1, message: one.error.issues[0]?.message ?? '' });
      continue;
    }
    const text = one.data;
    const key = text.normalize('NFKC');
    const first = seen.get(key);
    if (first !== undefined) problems.push({ kind: 'duplicate', item: i + 1, first, text });
    else seen.set(key, i + 1);
    taken.push(text);
  }
  const [head, ...rest] = problems;
  return head ? refuse([head, ...rest]) : { ok: true, items: taken };
}

/**
 * The refusal of a checklist in the measures' words, for the doors that answer in Chinese text
 * (`signAssignment`: the command line and main); the desk words the same problem in the screen's
 * language from its `ChecklistProblem`.
 */
export function describeChecklistProblem(p: ChecklistProblem): string {
  switch (p.kind) {
    case 'empty':
      return `考察任务须列明至少一项检查项（${p.article}），未签发`;
    case 'item':
      return `检查项第 ${p.item} 项：${p.message}，未签发`;
    case 'duplicate':
      return `检查项第 ${p.item} 项与第 ${p.first} 项重复（“${p.text}”），未签发`;
    case 'list':
      return `检查项：${p.message}，未签发`;
  }
}

const RawChecklist = z.object({
  subject: z.object({ type: z.string() }).optional(),
  checklist: z.array(z.unknown()).default([]),
});

/**
 * The checklist of an assignment file before its schema is applied (`jiebang inspection assign`
 * reads a whole file): judged by `assignmentChecklist`, so the command line words a blank, a
 * repeated, a non-text or a 201st item as the desk does rather than by the schema's path, each
 * problem named. Empty when the list is accepted or the file has no list there (the schema then
 * says what is wrong).
 */
export function rawChecklistProblems(raw: unknown): ChecklistProblem[] {
  const r = RawChecklist.safeParse(raw);
  if (!r.success) return [];
  const type = SubjectSchema.options.find((o) => o.shape.type.value === r.data.subject?.type)?.shape
    .type.value;
  const judged = assignmentChecklist(r.data.checklist, type ?? 'demand');
  return judged.ok ? [] : judged.problems;
}
