import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, fmt2, type Dec } from '../money';
import type { ReviewPackage, ScoreSheet } from '../model';
import { samplePackage, sampleSheets } from '../sample-fixture';
import { aggregate, median, trimmedMean } from './aggregate';
import { proposeHorseRace } from './horse-race';
import { applicantTotal, validateSheet } from './sheet';

/** A figure as displayed; '—' where there is none (no valid sheet). */
const f2 = (value: Dec | null): string => (value === null ? '—' : fmt2(value));

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('fixture value missing');
  return value;
}

const byId = (agg: ReturnType<typeof aggregate>, id: string) => {
  const r = agg.results.find((x) => x.applicantId === id);
  if (!r) throw new Error(id);
  return r;
};

describe('aggregation of the sample panel (figures computed by hand)', () => {
  const pkg = samplePackage();
  const agg = aggregate(pkg, sampleSheets());

  it('computes mean, trimmed mean, median and spread exactly', () => {
    const a01 = byId(agg, 'A01'); // 88 86 90 85 87 89 84
    expect(f2(a01.mean)).toBe('87.00');
    expect(f2(a01.trimmedMean)).toBe('87.00'); // drops 90 and 84
    expect(f2(a01.median)).toBe('87.00');
    expect(f2(a01.spread)).toBe('6.00');
    const a02 = byId(agg, 'A02'); // 86 88 84 87 85 90 83 → mean 603/7
    expect(f2(a02.mean)).toBe('86.14');
    expect(f2(a02.trimmedMean)).toBe('86.00');
    expect(a02.experts.find((e) => e.expertId === 'E06')?.dropped).toBe('high');
    expect(a02.experts.find((e) => e.expertId === 'E07')?.dropped).toBe('low');
  });

  it('never counts a recused sheet', () => {
    const a03 = byId(agg, 'A03');
    expect(a03.recusedExpertIds).toEqual(['E05']);
    expect(a03.validSheets).toBe(6);
    expect(f2(a03.trimmedMean)).toBe('84.50'); // 85 84 86 83 (87, 82 dropped)
  });

  it("flags a deviating score and carries the expert's reason", () => {
    const e04 = byId(agg, 'A04').experts.find((e) => e.expertId === 'E04');
    expect(e04?.deviation && fmt2(e04.deviation)).toBe('-31.67'); // 40 − 430/6
    expect(e04?.deviationReason).toContain('MVR');
  });

  it('ranks by the final score and proposes a two-solver horse race with reasons', () => {
    expect(agg.results.map((r) => r.applicantId)).toEqual(['A01', 'A02', 'A03', 'A04']);
    const race = proposeHorseRace(pkg, agg);
    expect(race.candidateIds).toEqual(['A01', 'A02']);
    expect(race.isRecommended).toBe(true);
    expect(race.reasons.join('\n')).toContain('技术路线“陶瓷膜分离＋高级氧化”与已入选者相同');
  });

  it('reports missing experts', () => {
    const partial = aggregate(pkg, sampleSheets().slice(0, 5));
    expect(partial.missingExpertIds).toEqual(['E06', 'E07']);
  });

  it('marks ties left for the chair when the tie-break order does not separate them', () => {
    const tie = structuredClone(pkg);
    const sheets = sampleSheets().map((s) => ({
      ...s,
      scores: s.scores.map((sc) =>
        sc.applicantId === 'A02'
          ? { ...structuredClone(s.scores[0] ?? sc), applicantId: 'A02' }
          : sc,
      ),
    }));
    const result = aggregate(tie, sheets);
    expect(byId(result, 'A01').rank).toBe(1);
    expect(byId(result, 'A02').rank).toBe(1);
    expect(byId(result, 'A01').tiedWith).toEqual(['A02']);
  });
});

describe('sheet validation', () => {
  const pkg = samplePackage();
  it('accepts the sample sheets', () => {
    for (const s of sampleSheets()) expect(validateSheet(s, pkg)).toEqual([]);
  });
  it('names out-of-range, off-step, missing comment, missing opinion and missing reason', () => {
    const sheet = sampleSheets()[0];
    if (!sheet) throw new Error('no sheet');
    const [first] = sheet.scores;
    if (!first) throw new Error('no score');
    first.criteria = [
      { criterionId: 'C1', points: 25, comment: '' },
      { criterionId: 'C2', points: 10.3, comment: '' },
      { criterionId: 'C3', points: 5, comment: '' },
    ];
    first.overallOpinion = '';
    const messages = validateSheet(sheet, pkg).map((i) => i.message);
    expect(messages).toContain('“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 25）');
    expect(messages).toContain(
      '“揭榜方案可行性”的分值须为 0.5 分的整数倍（最多 1 位小数，如 10 或 10.5；填写的是 10.3）',
    );
    expect(messages).toContain('“经费合理性”得分低于满分的 60%，须填写评语');
    expect(messages).toContain('请为“成果转化与产业化前景”评分');
    expect(messages).toContain('请填写对“新疆水处理技术研究院（示例）”的总体意见');
  });
  it('uses weights when the rubric has them', () => {
    const weighted = structuredClone(pkg.rubric);
    weighted.criteria = weighted.criteria.map((c) => ({ ...c, weight: c.id === 'C2' ? 2 : 1 }));
    const score = {
      applicantId: 'A01',
      criteria: [
        { criterionId: 'C1', points: 10, comment: '' },
        { criterionId: 'C2', points: 10, comment: '' },
      ],
      overallOpinion: 'x',
    };
    expect(applicantTotal(score, weighted).toFixed()).toBe('30');
  });
});

describe('statistics helpers', () => {
  it('has no binary floating-point artefacts', () => {
    expect(fmt2(dec(0.1).plus(0.2))).toBe('0.30');
    expect(median([dec(1), dec(2)]).toFixed()).toBe('1.5');
    expect(trimmedMean([dec(1), dec(2)], 5)).toBeNull();
  });
});

// ---- properties ----
const arbPanel = fc
  .record({
    experts: fc.integer({ min: 3, max: 9 }),
    applicants: fc.integer({ min: 2, max: 5 }),
    seed: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ experts, applicants, seed }) => {
    const base = samplePackage();
    const pkg: ReviewPackage = {
      ...base,
      applicants: Array.from({ length: applicants }, (_, i) => ({
        ...structuredClone(must(base.applicants[0])),
        id: `X${i}`,
        name: `X${i}`,
        technicalRoute: { id: `R${i}`, label: `R${i}`, summary: '' },
      })),
      panel: {
        minSize: 3,
        experts: Array.from({ length: experts }, (_, i) => ({
          ...structuredClone(must(base.panel.experts[1])),
          id: `P${i}`,
          role: i === 0 ? 'chair' : 'member',
        })),
      },
    };
    let k = 0;
    const next = () => seed[k++ % seed.length] ?? 0;
    const sheets: ScoreSheet[] = pkg.panel.experts.map((e) => ({
      formatVersion: 1,
      packageId: pkg.packageId,
      expertId: e.id,
      status: 'submitted',
      scores: pkg.applicants.map((a) => ({
        applicantId: a.id,
        criteria: pkg.rubric.criteria.map((c) => ({
          criterionId: c.id,
          points: Math.min(c.maxPoints, next() / 2),
          comment: '',
        })),
        overallOpinion: 'x',
      })),
    }));
    return { pkg, sheets };
  });

const summary = (agg: ReturnType<typeof aggregate>) =>
  agg.results
    .map((r) =>
      [r.applicantId, r.rank, f2(r.final), f2(r.mean), f2(r.median), f2(r.spread)].join('|'),
    )
    .sort();

describe('aggregation properties (fast-check)', () => {
  it('is invariant under the order of sheets', () => {
    fc.assert(
      fc.property(arbPanel, fc.integer({ min: 1, max: 1000 }), ({ pkg, sheets }, rot) => {
        const shuffled = [
          ...sheets.slice(rot % sheets.length),
          ...sheets.slice(0, rot % sheets.length),
        ].reverse();
        expect(summary(aggregate(pkg, shuffled))).toEqual(summary(aggregate(pkg, sheets)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the trimmed mean within [min, max]', () => {
    fc.assert(
      fc.property(arbPanel, ({ pkg, sheets }) => {
        for (const r of aggregate(pkg, sheets).results) {
          if (r.trimmedMean) {
            expect(r.trimmedMean.gte(must(r.min))).toBe(true);
            expect(r.trimmedMean.lte(must(r.max))).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never lets a recused sheet change any result', () => {
    fc.assert(
      fc.property(arbPanel, fc.nat(), ({ pkg, sheets }, pick) => {
        const before = aggregate(pkg, sheets);
        const target = must(pkg.applicants[pick % pkg.applicants.length]).id;
        // A new expert who recused from `target` but scored everyone else identically to expert 0
        // changes others, so compare the target only: its figures must not move.
        const extraExpert = { ...must(pkg.panel.experts[1]), id: 'PX' };
        const pkg2 = {
          ...pkg,
          panel: { ...pkg.panel, experts: [...pkg.panel.experts, extraExpert] },
        };
        const recusedSheet: ScoreSheet = {
          formatVersion: 1,
          packageId: pkg.packageId,
          expertId: 'PX',
          status: 'submitted',
          scores: [
            {
              applicantId: target,
              recusal: { kind: 'kinship', reason: '亲属关系' },
              criteria: [{ criterionId: 'C1', points: 20, comment: '' }],
              overallOpinion: '',
            },
          ],
        };
        const after = aggregate(pkg2, [...sheets, recusedSheet]);
        const pickRow = (a: ReturnType<typeof aggregate>) => {
          const r = must(a.results.find((x) => x.applicantId === target));
          return [f2(r.final), f2(r.mean), f2(r.median), r.validSheets];
        };
        expect(pickRow(after)).toEqual(pickRow(before));
        expect(after.results.map((r) => r.applicantId)).toEqual(
          before.results.map((r) => r.applicantId),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('never reverses the ranking when one more identical sheet scores every applicant the same (mean)', () => {
    fc.assert(
      fc.property(
        arbPanel,
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 }),
        ({ pkg, sheets }, same) => {
          const meanPkg = { ...pkg, aggregation: { ...pkg.aggregation, method: 'mean' as const } };
          const extra = { ...must(pkg.panel.experts[1]), id: 'PY' };
          const pkg2 = {
            ...meanPkg,
            panel: { ...pkg.panel, experts: [...pkg.panel.experts, extra] },
          };
          const sheet: ScoreSheet = {
            formatVersion: 1,
            packageId: pkg.packageId,
            expertId: 'PY',
            status: 'submitted',
            scores: pkg.applicants.map((a) => ({
              applicantId: a.id,
              criteria: pkg.rubric.criteria.map((c, i) => ({
                criterionId: c.id,
                points: Math.min(c.maxPoints, (same[i] ?? 0) / 2),
                comment: '',
              })),
              overallOpinion: 'x',
            })),
          };
          const before = aggregate(meanPkg, sheets);
          const after = aggregate(pkg2, [...sheets, sheet]);
          for (const a of before.results) {
            for (const b of before.results) {
              if (must(a.final).gt(must(b.final))) {
                const a2 = must(after.results.find((r) => r.applicantId === a.applicantId));
                const b2 = must(after.results.find((r) => r.applicantId === b.applicantId));
                expect(must(a2.final).gt(must(b2.final))).toBe(true);
                expect(must(a2.rank)).toBeLessThanOrEqual(must(b2.rank));
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
