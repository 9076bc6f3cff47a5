import { describe, expect, it } from 'vitest';
import { samplePackage } from '../sample-fixture';
import { ReviewPackageSchema, type ReviewPackage } from '.';

/** The schema's messages for the sample changed by `edit`, as `path：message`. */
function issuesOf(edit: (p: ReviewPackage) => void): string[] {
  const p = samplePackage();
  edit(p);
  const r = ReviewPackageSchema.safeParse(p);
  return (r.error?.issues ?? []).map((i) => `${i.path.join('.')}：${i.message}`);
}

describe('a review package names each expert, applicant and criterion once', () => {
  it('refuses an id given twice at the field (two experts E06 or two criteria C1 passed check and import)', () => {
    expect(
      issuesOf((p) => {
        const e = p.panel.experts[6];
        if (e) e.id = 'E06';
      }),
    ).toEqual(['panel.experts.6：专家编号中 E06 出现 2 次，每项只能列一次']);
    expect(
      issuesOf((p) => {
        const c = p.rubric.criteria[3];
        if (c) c.id = 'C1';
      }),
    ).toContain('rubric.criteria.3：评分指标编号中 C1 出现 2 次，每项只能列一次');
    expect(
      issuesOf((p) => {
        const a = p.applicants[2];
        if (a) a.id = 'A01';
      }),
    ).toEqual(['applicants.2：揭榜方编号中 A01 出现 2 次，每项只能列一次']);
  });
  it('refuses a tie-break order naming no criterion of the rubric, or one twice', () => {
    expect(
      issuesOf((p) => {
        p.aggregation.tieBreakOrder = ['C2', 'C9', 'C2'];
      }),
    ).toEqual([
      'aggregation.tieBreakOrder.2：并列排序依据中 C2 出现 2 次，每项只能列一次',
      'aggregation.tieBreakOrder.1：“C9”不是评分标准的指标',
    ]);
  });
  it('passes the sample', () => {
    expect(issuesOf(() => undefined)).toEqual([]);
  });
});
