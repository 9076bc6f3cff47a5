import type { AwardDocument, MilestoneAssessmentForm } from './documents';

/**
 * The assessments of each milestone, in the order they count (第十二条（八）3: the latest is the
 * one that pays): by date, then the bureau's approval, then number — the same order whatever order
 * the documents are stored in. Keyed by milestone alone: after a race's choice only the chosen
 * solver is assessed (`checkAssessmentAfterRace`), so an `applicantId` does not make a second
 * milestone.
 */
export function assessmentsByMilestone(
  docs: readonly AwardDocument[],
): Map<string, MilestoneAssessmentForm[]> {
  const out = new Map<string, MilestoneAssessmentForm[]>();
  for (const d of docs) {
    if (d.type !== 'assessment') continue;
    const list = out.get(d.doc.milestoneId) ?? [];
    list.push(d.doc);
    out.set(d.doc.milestoneId, list);
  }
  // ISO dates and ids: code-unit order is their order.
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const list of out.values())
    list.sort(
      (x, y) =>
        text(x.assessedOn, y.assessedOn) ||
        text(x.approvedOn ?? '', y.approvedOn ?? '') ||
        text(x.assessmentId, y.assessmentId),
    );
  return out;
}
