/**
 * Which document a JSON value is, told by the fields that only that kind has — the marks and the
 * labels alone, with no schema, so that any door (the bundle reader told a decrypted JSON, a door
 * given a document of another kind) can name what it was given without loading every schema.
 * `./detect.ts` pairs each kind with its schema for `jiebang check`.
 */

export type DocumentKind =
  | 'review-package'
  | 'score-sheet'
  | 'panel-decision'
  | 'task-book'
  | 'extension-request'
  | 'change-request'
  | 'acceptance'
  | 'milestone-assessment'
  | 'race-choice'
  | 'project-form'
  | 'inspection-assignment';

export interface DocumentMarks {
  kind: DocumentKind;
  label: string;
  /** Fields only this kind has (all present). */
  marks: readonly string[];
}

export const DOCUMENT_MARKS: readonly DocumentMarks[] = [
  { kind: 'review-package', label: '评审包', marks: ['applicants', 'rubric'] },
  { kind: 'score-sheet', label: '评分表', marks: ['expertId', 'scores'] },
  { kind: 'panel-decision', label: '专家组意见', marks: ['chairExpertId', 'recommendedIds'] },
  { kind: 'task-book', label: '任务书', marks: ['taskBookId', 'parties', 'milestones'] },
  // The documents after the award (src-shared/award), before the older request shapes they extend.
  {
    kind: 'milestone-assessment',
    label: '里程碑考核',
    marks: ['assessmentId', 'milestoneId', 'indicators'],
  },
  { kind: 'race-choice', label: '赛马择优', marks: ['choiceId', 'solvers', 'chosenId'] },
  {
    kind: 'project-form',
    label: '项目实施表单（变更、延期、终止/撤销、验收）',
    marks: ['formId', 'form', 'taskBookId'],
  },
  { kind: 'extension-request', label: '延期申请', marks: ['currentEnd', 'newEnd'] },
  { kind: 'change-request', label: '变更申请', marks: ['taskBookId', 'kind', 'requestedOn'] },
  { kind: 'acceptance', label: '验收申请', marks: ['appliedOn', 'materials'] },
  // The bureau's order to inspect (its report answers it, by `assignmentId` only).
  {
    kind: 'inspection-assignment',
    label: '实地考察任务',
    marks: ['assignmentId', 'team', 'reportTo', 'dueBy'],
  },
];

/**
 * The kind a JSON value claims to be by its fields, or null when it is none of them.
 *
 * A kind whose marks are all present wins (in the list's order). Otherwise a document that lost a
 * mark is still told by the rest — a sheet without `expertId` but with its `scores` is a 评分表 whose
 * schema then names the missing field, as `jiebang score` does — when exactly one kind has the most
 * marks present and at least half of its own; a tie, or too few marks, is null.
 */
export function documentKindOf(raw: unknown): DocumentMarks | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const whole = DOCUMENT_MARKS.find((k) => k.marks.every((m) => m in raw));
  if (whole) return whole;
  const partial = DOCUMENT_MARKS.map((k) => ({
    k,
    present: k.marks.filter((m) => m in raw).length,
  })).filter(({ k, present }) => present > 0 && present * 2 >= k.marks.length);
  const most = Math.max(0, ...partial.map((p) => p.present));
  const best = partial.filter((p) => p.present === most);
  return best.length === 1 && best[0] ? best[0].k : null;
}

/**
 * A JSON document of another kind than the one a door reads, in the documents' labels:
 * 「这是任务书，不是实地考察任务」 — null when the value is not told as another kind (then the
 * door's own schema names what is wrong with it).
 */
export function otherDocumentText(raw: unknown, wanted: DocumentKind): string | null {
  const found = documentKindOf(raw);
  if (!found || found.kind === wanted) return null;
  return `这是${found.label}，不是${documentLabel(wanted)}`;
}

/** A kind's label (「任务书」). */
export const documentLabel = (kind: DocumentKind): string =>
  DOCUMENT_MARKS.find((k) => k.kind === kind)?.label ?? kind;
