/**
 * Which document a JSON value is, told by the fields that only that kind has — so a document with
 * one bad field is still reported as that document, with the field named (issue 14, point 5),
 * never as "unknown" followed by a diff against another schema.
 */
import type { z } from 'zod';
import { InspectionAssignmentSchema } from '../bundle/documents';
import {
  MilestoneAssessmentFormSchema,
  ProjectFormSchema,
  RaceChoiceSchema,
} from '../award/documents';
import { PanelDecisionSchema } from './decision';
import {
  AcceptanceEvaluationSchema,
  ChangeRequestSchema,
  ExtensionRequestSchema,
} from './lifecycle';
import { ReviewPackageSchema } from './package';
import { ScoreSheetSchema } from './sheet';
import { TaskBookSchema } from './taskbook';

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

export const DOCUMENT_KINDS: readonly {
  kind: DocumentKind;
  label: string;
  /** Fields only this kind has (all present). */
  marks: readonly string[];
  schema: z.ZodType;
}[] = [
  {
    kind: 'review-package',
    label: '评审包',
    marks: ['applicants', 'rubric'],
    schema: ReviewPackageSchema,
  },
  { kind: 'score-sheet', label: '评分表', marks: ['expertId', 'scores'], schema: ScoreSheetSchema },
  {
    kind: 'panel-decision',
    label: '专家组意见',
    marks: ['chairExpertId', 'recommendedIds'],
    schema: PanelDecisionSchema,
  },
  {
    kind: 'task-book',
    label: '任务书',
    marks: ['taskBookId', 'parties', 'milestones'],
    schema: TaskBookSchema,
  },
  // The documents after the award (src-shared/award), before the older request shapes they extend.
  {
    kind: 'milestone-assessment',
    label: '里程碑考核',
    marks: ['assessmentId', 'milestoneId', 'indicators'],
    schema: MilestoneAssessmentFormSchema,
  },
  {
    kind: 'race-choice',
    label: '赛马择优',
    marks: ['choiceId', 'solvers', 'chosenId'],
    schema: RaceChoiceSchema,
  },
  {
    kind: 'project-form',
    label: '项目实施表单（变更、延期、终止/撤销、验收）',
    marks: ['formId', 'form', 'taskBookId'],
    schema: ProjectFormSchema,
  },
  {
    kind: 'extension-request',
    label: '延期申请',
    marks: ['currentEnd', 'newEnd'],
    schema: ExtensionRequestSchema,
  },
  {
    kind: 'change-request',
    label: '变更申请',
    marks: ['taskBookId', 'kind', 'requestedOn'],
    schema: ChangeRequestSchema,
  },
  {
    kind: 'acceptance',
    label: '验收申请',
    marks: ['appliedOn', 'materials'],
    schema: AcceptanceEvaluationSchema,
  },
  // The bureau's order to inspect (its report answers it, by `assignmentId` only).
  {
    kind: 'inspection-assignment',
    label: '实地考察任务',
    marks: ['assignmentId', 'team', 'reportTo', 'dueBy'],
    schema: InspectionAssignmentSchema,
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
export function detectDocumentKind(raw: unknown): (typeof DOCUMENT_KINDS)[number] | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const whole = DOCUMENT_KINDS.find((k) => k.marks.every((m) => m in raw));
  if (whole) return whole;
  const partial = DOCUMENT_KINDS.map((k) => ({
    k,
    present: k.marks.filter((m) => m in raw).length,
  })).filter(({ k, present }) => present > 0 && present * 2 >= k.marks.length);
  const most = Math.max(0, ...partial.map((p) => p.present));
  const best = partial.filter((p) => p.present === most);
  return best.length === 1 && best[0] ? best[0].k : null;
}
