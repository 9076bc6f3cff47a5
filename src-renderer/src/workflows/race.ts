/**
 * After the race stage of a horse race (第十三条（三））: each solver's milestone assessment and the
 * one chosen to continue, saved as entered; a pass/fail and the choice go on the record.
 */
import {
  blankAssessment,
  chooseToContinue,
  updateAssessment,
  type AssessmentPatch,
} from '../../../src-shared/decision';
import type { MilestoneAssessment } from '../../../src-shared/model';
import type { JiebangDB } from '../db/database';
import type { AuditRecord } from '../db/audit-actions';
import { commitChange, getMeta } from '../db/repo';
import type { Deps } from './deps';

export const loadAssessments = async (db: JiebangDB): Promise<MilestoneAssessment[]> =>
  (await getMeta(db, 'assessments')) ?? [];

export type AssessmentEdit =
  | { type: 'patch'; applicantId: string; patch: AssessmentPatch }
  | { type: 'choose'; applicantId: string };

/** The assessments with `edit` applied (pure): blank rows made for solvers not yet assessed. */
export function applyAssessmentEdit(
  rows: readonly MilestoneAssessment[],
  edit: AssessmentEdit,
  race: { packageId: string; solverIds: readonly string[]; today: string },
): MilestoneAssessment[] {
  const blank = (id: string) => blankAssessment(race.packageId, id, race.today);
  return edit.type === 'choose'
    ? chooseToContinue(rows, race.solverIds.map(blank), edit.applicantId)
    : updateAssessment(rows, blank(edit.applicantId), edit.patch);
}

/** Saves the assessments as edited; passing a solver and choosing one are on the record. */
export async function saveAssessments(
  deps: Deps,
  rows: readonly MilestoneAssessment[],
  edit: AssessmentEdit,
  actor: string,
): Promise<void> {
  const at = deps.now().toISOString();
  const audit: AuditRecord | null =
    edit.type === 'choose'
      ? { actor, action: 'race.choose', target: edit.applicantId, at }
      : edit.patch.passed !== undefined
        ? { actor, action: 'assessment.edit', target: edit.applicantId, at }
        : null;
  await commitChange(deps.db, { meta: { assessments: [...rows] } }, audit);
}
