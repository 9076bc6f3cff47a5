/**
 * One table of field labels per document kind (`DocumentKind`, model/document-kind.ts), for
 * `describeSchemaIssues` at every door. A kind without its own table yet says its paths.
 */
import type { DocumentKind } from '../document-kind';
import { ASSIGNMENT_LABELS } from './assignment';
import { DECISION_LABELS } from './decision';
import type { FieldLabels } from './field';
import { PACKAGE_LABELS } from './package';
import { SHEET_LABELS } from './sheet';
import { TASKBOOK_LABELS } from './taskbook';

export { fieldName, fieldSentence, itemName, type FieldLabel, type FieldLabels } from './field';
export { ASSIGNMENT_LABELS, DECISION_LABELS, PACKAGE_LABELS, SHEET_LABELS, TASKBOOK_LABELS };

/** No labels: every field said by its path (a file that is none of the documents, a calendar). */
export const PATHS_ONLY: FieldLabels = {};

export const FIELD_LABELS: Readonly<Record<DocumentKind, FieldLabels>> = {
  'review-package': PACKAGE_LABELS,
  'score-sheet': SHEET_LABELS,
  'panel-decision': DECISION_LABELS,
  'task-book': TASKBOOK_LABELS,
  'inspection-assignment': ASSIGNMENT_LABELS,
  'extension-request': PATHS_ONLY,
  'change-request': PATHS_ONLY,
  acceptance: PATHS_ONLY,
  'milestone-assessment': PATHS_ONLY,
  'race-choice': PATHS_ONLY,
  'project-form': PATHS_ONLY,
};
