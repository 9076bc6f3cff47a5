/**
 * After the race stage of a horse race (第十三条（三））: each solver's milestone assessment, and
 * the one chosen to continue, edited as pure functions (checked by `checkHorseRaceSelection`).
 */
import type { MilestoneAssessment } from '../model';

/** A solver's race-stage assessment as first shown: assessed today, not yet passed. */
export function blankAssessment(
  packageId: string,
  applicantId: string,
  today: string,
): MilestoneAssessment {
  return {
    formatVersion: 1,
    taskBookId: `TB-${packageId}`.slice(0, 64),
    milestoneId: 'RACE',
    applicantId,
    assessedOn: today,
    passed: false,
    findings: '',
  };
}

export type AssessmentPatch = Partial<
  Pick<MilestoneAssessment, 'assessedOn' | 'passed' | 'findings' | 'continueReason'>
>;

/** The assessments with one solver's changed (its row made from `blank` when there was none). */
export function updateAssessment(
  rows: readonly MilestoneAssessment[],
  blank: MilestoneAssessment,
  patch: AssessmentPatch,
): MilestoneAssessment[] {
  const base = rows.find((r) => r.applicantId === blank.applicantId) ?? blank;
  return [...rows.filter((r) => r.applicantId !== blank.applicantId), { ...base, ...patch }];
}

/** `chosen` continues, every other solver does not (one continues, 第十三条（三）). */
export function chooseToContinue(
  rows: readonly MilestoneAssessment[],
  blanks: readonly MilestoneAssessment[],
  chosen: string,
): MilestoneAssessment[] {
  return blanks.reduce<MilestoneAssessment[]>(
    (acc, blank) =>
      updateAssessment(acc, blank, {}).map((r) =>
        r.applicantId === blank.applicantId ? { ...r, continues: r.applicantId === chosen } : r,
      ),
    [...rows],
  );
}
