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
  items: readonly string[],
  subject: SubjectType,
): { ok: true; items: string[] } | { ok: false; problem: ChecklistProblem } {
  if (items.length === 0)
    return {
      ok: false,
      problem: { kind: 'empty', article: CHECKLIST_TEMPLATES[purposeOf(subject)].article },
    };
  const parsed = InspectionAssignmentSchema.shape.checklist.safeParse(items);
  if (parsed.success) {
    const seen = new Map<string, number>();
    for (const [i, text] of parsed.data.entries()) {
      const first = seen.get(text);
      if (first !== undefined)
        return { ok: false, problem: { kind: 'duplicate', item: i + 1, first, text } };
      seen.set(text, i + 1);
    }
    return { ok: true, items: parsed.data };
  }
  const [issue] = parsed.error.issues;
  const at = issue?.path[0];
  return {
    ok: false,
    problem:
      typeof at === 'number'
        ? { kind: 'item', item: at + 1, message: issue?.message ?? '' }
        : { kind: 'list', message: issue?.message ?? '' },
  };
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
  checklist: z.array(z.string()),
});

/**
 * The checklist of an assignment file before its schema is applied (`jiebang inspection assign`
 * reads a whole file): judged by `assignmentChecklist`, so the command line words a blank, a
 * repeated or a 201st item as the desk does rather than by the schema's path. Null when the file
 * has no list of texts there (the schema then says what is wrong) or the list is accepted.
 */
export function rawChecklistProblem(raw: unknown): ChecklistProblem | null {
  const r = RawChecklist.safeParse(raw);
  if (!r.success) return null;
  const type = SubjectSchema.options.find((o) => o.shape.type.value === r.data.subject?.type)?.shape
    .type.value;
  const judged = assignmentChecklist(r.data.checklist, type ?? 'demand');
  return judged.ok ? null : judged.problem;
}
