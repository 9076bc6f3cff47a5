/**
 * One table of field labels per document kind (`DocumentKind`, model/document-kind.ts), for
 * `describeSchemaIssues` at every door.
 */
import type { DocumentKind } from '../document-kind';
import { ASSIGNMENT_LABELS } from './assignment';
import { ASSESSMENT_LABELS, PROJECT_FORM_LABELS, RACE_LABELS } from './award';
import { DECISION_LABELS } from './decision';
import { INSPECTION_REPORT_LABELS } from './inspection';
import type { FieldLabels } from './field';
import { PACKAGE_LABELS } from './package';
import { SHEET_LABELS } from './sheet';
import { TASKBOOK_LABELS } from './taskbook';

export { fieldName, fieldSentence, itemName, type FieldLabel, type FieldLabels } from './field';
export {
  ASSESSMENT_LABELS,
  ASSIGNMENT_LABELS,
  DECISION_LABELS,
  INSPECTION_REPORT_LABELS,
  PACKAGE_LABELS,
  PROJECT_FORM_LABELS,
  RACE_LABELS,
  SHEET_LABELS,
  TASKBOOK_LABELS,
};

/** No labels: every field said by its path (a file that is none of the documents, a calendar). */
export const PATHS_ONLY: FieldLabels = {};

export const FIELD_LABELS: Readonly<Record<DocumentKind, FieldLabels>> = {
  'review-package': PACKAGE_LABELS,
  'score-sheet': SHEET_LABELS,
  'panel-decision': DECISION_LABELS,
  'task-book': TASKBOOK_LABELS,
  'inspection-assignment': ASSIGNMENT_LABELS,
  // The older request shapes share the project form's fields (award.ts).
  'extension-request': PROJECT_FORM_LABELS,
  'change-request': PROJECT_FORM_LABELS,
  acceptance: PROJECT_FORM_LABELS,
  'milestone-assessment': ASSESSMENT_LABELS,
  'race-choice': RACE_LABELS,
  'project-form': PROJECT_FORM_LABELS,
};
