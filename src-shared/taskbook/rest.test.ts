/**
 * One refused field does not hide the rules' findings on the rest: a fresh draft's five blocking
 * findings stay listed beside 2027-02-30 or a U+202E, and a period date that is no day leaves the
 * rules on every other part weighed.
 */
import { describe, expect, it } from 'vitest';
import { sampleDecision, samplePackage } from '../sample-fixture';
import { checkDraft, draftTaskBook, rulesOfTheRest, shapeOfDraft, type TaskBookDraft } from '.';

const rulesOf = (draft: TaskBookDraft) => {
  const checked = checkDraft(draft);
  const issues = checked.ok ? [] : checked.issues;
  return {
    issues: issues.map((i) => i.message),
    rules: rulesOfTheRest(shapeOfDraft(draft), issues, samplePackage(), sampleDecision()).map(
      (f) => f.rule,
    ),
  };
};

describe('rulesOfTheRest', () => {
  const fresh = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
  const before = rulesOf(fresh);

  it('a fresh draft: no format issue, the rules’ blocking findings', () => {
    expect(before.issues).toEqual([]);
    expect(before.rules).toContain('parties.representative');
    expect(before.rules).toContain('ip.ownership');
    expect(before.rules).toContain('ip.benefitSharing');
  });

  it('2027-02-30 in milestone 1: the format finding and every rule finding of the rest', () => {
    const [m, ...rest] = fresh.milestones;
    if (!m) throw new Error('the sample draft has milestones');
    const after = rulesOf({ ...fresh, milestones: [{ ...m, due: '2027-02-30' }, ...rest] });
    expect(after.issues).toEqual(['里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期']);
    expect(after.rules).toEqual(before.rules);
  });

  it('a U+202E in a representative: the format finding, the rest’s findings (that one’s “missing” no more)', () => {
    const parties = fresh.parties.map((p, i) =>
      i === 2 ? { ...p, representative: '王建国\u202E国建王' } : p,
    );
    const after = rulesOf({ ...fresh, parties });
    expect(after.issues).toHaveLength(1);
    expect(after.issues[0]).toContain('U+202E');
    expect(after.rules.filter((r) => r === 'parties.representative')).toHaveLength(
      before.rules.filter((r) => r === 'parties.representative').length - 1,
    );
    expect(after.rules).toContain('ip.ownership');
  });

  it('a period start that is no day: the rules read the rest (nothing about the period or milestone dates)', () => {
    const after = rulesOf({ ...fresh, period: { ...fresh.period, start: '2027-13-01' } });
    expect(after.issues).toHaveLength(1);
    expect(after.rules).toEqual(
      before.rules.filter((r) => !r.startsWith('period.') && r !== 'milestones.withinPeriod'),
    );
  });
});
