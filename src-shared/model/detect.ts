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
import {
  DOCUMENT_MARKS,
  documentKindOf,
  type DocumentKind,
  type DocumentMarks,
} from './document-kind';

const SCHEMAS: Record<DocumentKind, z.ZodType> = {
  'review-package': ReviewPackageSchema,
  'score-sheet': ScoreSheetSchema,
  'panel-decision': PanelDecisionSchema,
  'task-book': TaskBookSchema,
  'milestone-assessment': MilestoneAssessmentFormSchema,
  'race-choice': RaceChoiceSchema,
  'project-form': ProjectFormSchema,
  'extension-request': ExtensionRequestSchema,
  'change-request': ChangeRequestSchema,
  acceptance: AcceptanceEvaluationSchema,
  'inspection-assignment': InspectionAssignmentSchema,
};

/** Each kind (`./document-kind.ts`, its marks and label) with its schema. */
export const DOCUMENT_KINDS: readonly (DocumentMarks & { schema: z.ZodType })[] =
  DOCUMENT_MARKS.map((k) => ({ ...k, schema: SCHEMAS[k.kind] }));

/** The kind a JSON value claims to be by its fields (`documentKindOf`), with its schema. */
export function detectDocumentKind(raw: unknown): (typeof DOCUMENT_KINDS)[number] | null {
  const found = documentKindOf(raw);
  return DOCUMENT_KINDS.find((k) => k.kind === found?.kind) ?? null;
}
