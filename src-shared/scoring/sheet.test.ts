import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onStep } from '../money';
import { samplePackage } from '../sample-fixture';
import { parseSheetsCsv } from './csv';
import {
  applicantTotal,
  countedTotal,
  criterionIssues,
  readTypedPoints,
  stepPoints,
  totalBelow,
} from './sheet';
import type { ApplicantScore, Rubric } from '../model';

describe('↑/↓ in the expert form: one rubric step, in decimals', () => {
  it('steps by 0.1 without binary remainders (0.2 → 0.3, not 0.30000000000000004)', () => {
    const c = { step: 0.1, maxPoints: 10 };
    expect(stepPoints(0.2, 1, c)).toBe(0.3);
    expect(stepPoints(0.6, 1, c)).toBe(0.7);
    expect(stepPoints(0.8, -1, c)).toBe(0.7);
    expect(stepPoints(0.4, 1, { step: 0.2, maxPoints: 10 })).toBe(0.6);
  });
  it('stays within 0…max and on the step, and moves an off-step value to the step', () => {
    const c = { step: 0.5, maxPoints: 20 };
    expect(stepPoints(undefined, 1, c)).toBe(0.5);
    expect(stepPoints(undefined, -1, c)).toBe(0);
    expect(stepPoints(20, 1, c)).toBe(20);
    expect(stepPoints(0, -1, c)).toBe(0);
    expect(stepPoints(17.3, 1, c)).toBe(18);
    expect(stepPoints(17.3, -1, c)).toBe(17);
    // A maximum off the step: the highest score on the step below it.
    expect(stepPoints(9, 1, { step: 3, maxPoints: 10 })).toBe(9);
  });
  it('property: any step from any score on the rubric lands on the step, within range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.1, 0.2, 0.25, 0.5, 1, 2),
        fc.integer({ min: 1, max: 200 }),
        fc.nat({ max: 200 }),
        fc.constantFrom(1 as const, -1 as const),
        (step, maxSteps, at, direction) => {
          const maxPoints = Number((maxSteps * step).toFixed(4));
          const points = Number((Math.min(at, maxSteps) * step).toFixed(4));
          const next = stepPoints(points, direction, { step, maxPoints });
          expect(onStep(next, step)).toBe(true);
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThanOrEqual(maxPoints);
          expect(Math.abs(next - points)).toBeLessThanOrEqual(step + 1e-9);
        },
      ),
    );
  });
});

describe('totalBelow: the total against the pass score', () => {
  // Short decimals (the fast path), long ones (0.1 + 0.2: the decimal total) and large ones.
  const figure = fc.oneof(
    fc.integer({ min: 0, max: 400 }).map((n) => n / 4),
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    fc.constantFrom(0, 0.1 + 0.2, 1e-7, 999_999.999_999, 1e6, 2e6, 1 / 3, 12.345678),
  );
  const weight = fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 1, max: 300 }).map((n) => n / 100),
    fc.constantFrom(0.1 + 0.2, 1 / 3, 1e6),
  );

  it('answers as applicantTotal(...).lt(bound) does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(figure, weight), { minLength: 1, maxLength: 12 }),
        fc.oneof(figure, fc.constant(60)),
        fc.boolean(),
        (cells, bound, exact) => {
          const rubric: Rubric = {
            criteria: cells.map(([, w], i) => ({
              id: `C${i}`,
              name: `指标${i}`,
              maxPoints: 100,
              description: '',
              step: 0.25,
              guidanceBands: [],
              requiresComment: false,
              ...(w === undefined ? {} : { weight: w }),
            })),
            commentBelowFraction: 0.6,
          };
          // A total exactly at the bound, now and then.
          const score: ApplicantScore = {
            applicantId: 'A1',
            criteria: cells.map(([p], i) => ({ criterionId: `C${i}`, points: p, comment: '' })),
            overallOpinion: '',
          };
          const at = exact ? Number(applicantTotal(score, rubric).toFixed()) : bound;
          expect(totalBelow(score, rubric, at)).toBe(applicantTotal(score, rubric).lt(at));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the running total of the expert form counts only what the sheet accepts (tester: 99 of 20, -1, 1e1)', () => {
  const pkg = samplePackage();
  const rubric = pkg.rubric;
  const [c1, c2] = rubric.criteria;
  if (!c1 || !c2) throw new Error('the sample rubric has criteria');
  /**
   * What the form does with each keystroke's text in a field: the reader's value is committed,
   * its refusal held (the saved value stays, but no longer counts), as PointsInput and ScoreForm do.
   */
  function typeInto(texts: Readonly<Record<string, string>>): ReturnType<typeof countedTotal> {
    let score: ApplicantScore = { applicantId: 'A01', criteria: [], overallOpinion: '' };
    const refused = new Map<string, string>();
    for (const [id, text] of Object.entries(texts)) {
      const criterion = rubric.criteria.find((c) => c.id === id);
      if (!criterion) throw new Error(id);
      // Typed one character at a time: an earlier readable prefix was committed first.
      for (let i = 1; i <= text.length; i += 1) {
        const read = readTypedPoints(criterion, text.slice(0, i));
        if (read.ok && read.value !== null) {
          const rest = score.criteria.filter((c) => c.criterionId !== id);
          score = {
            ...score,
            criteria: [...rest, { criterionId: id, points: read.value, comment: '' }],
          };
          refused.delete(id);
        } else if (!read.ok) refused.set(id, read.message);
      }
    }
    return countedTotal(score, rubric, Object.fromEntries(refused));
  }
  const shown = (r: ReturnType<typeof countedTotal>) => ({
    total: r.total.toFixed(2),
    notCounted: r.notCounted.map((n) => `${n.criterionId}:${n.problem ?? '未评分'}`),
  });

  it('leaves out a value out of range or off the step, saying why', () => {
    expect(shown(typeInto({ C1: '99', C2: '30' }))).toEqual({
      total: '30.00',
      notCounted: [
        'C1:“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 99）',
        'C3:未评分',
        'C4:未评分',
      ],
    });
    expect(shown(typeInto({ C1: '-1', C2: '30' })).total).toBe('30.00');
    expect(shown(typeInto({ C1: '17.25', C2: '30' })).notCounted[0]).toMatch(
      /^C1:“揭榜方资质条件”的分值须为 0.5 分的整数倍/,
    );
  });

  it('leaves out the earlier value of a field now showing text the reader refuses (1e1 typed after 1)', () => {
    expect(shown(typeInto({ C1: '1e1', C2: '30' }))).toEqual({
      total: '30.00',
      notCounted: [
        'C1:“1e1”不是数字（只接受如 17 或 17.5 这样的十进制数）',
        'C3:未评分',
        'C4:未评分',
      ],
    });
  });

  it('reads full-width digits and spaces as the other doors do, and refuses places beyond the step', () => {
    expect(shown(typeInto({ C1: '９', C2: ' 30 ' })).total).toBe('39.00');
    expect(shown(typeInto({ C1: '１７．５' })).total).toBe('17.50');
    const long = typeInto({ C1: '17.500000000000000001', C2: '30' });
    expect(shown(long).total).toBe('30.00');
    expect(long.notCounted[0]?.problem).toBe(
      '“揭榜方资质条件”的分值须为 0.5 分的整数倍（最多 1 位小数，如 17.5 或 18；填写的是 17.500000000000000001）',
    );
  });

  it('is the total the sheet is judged on once every criterion counts', () => {
    const r = typeInto({ C1: '18', C2: '35', C3: '17.5', C4: '18' });
    expect(r.notCounted).toEqual([]);
    const score: ApplicantScore = {
      applicantId: 'A01',
      overallOpinion: '',
      criteria: [
        { criterionId: 'C1', points: 18, comment: '' },
        { criterionId: 'C2', points: 35, comment: '' },
        { criterionId: 'C3', points: 17.5, comment: '' },
        { criterionId: 'C4', points: 18, comment: '' },
      ],
    };
    expect(r.total.toFixed(2)).toBe(applicantTotal(score, rubric).toFixed(2));
  });

  it('refuses the same texts with the same sentences at the transcription door (CSV)', () => {
    const header = '专家编号,揭榜方编号,回避类型,回避理由,C1,C2,C3,C4,总体意见,偏离理由';
    for (const [typed, sentence] of [
      ['99', '“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 99）'],
      ['1e1', '“1e1”不是数字'],
      ['17.500000000000000001', '最多 1 位小数'],
    ] as const) {
      const csv = `${header}\nE01,A01,,,${typed},30,15,15,意见,\n`;
      const result = parseSheetsCsv(csv, pkg);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.errors.join('\n')).toContain(sentence);
      expect(typeInto({ C1: typed }).notCounted[0]?.problem).toContain(sentence);
    }
    // Full-width digits and spaces: read alike, accepted alike (the sheet's other applicants are
    // still missing from this one-row CSV; nothing is said of the cell).
    const fine = parseSheetsCsv(`${header}\nE01,A01,,,１８ , 30,15,15,意见,\n`, pkg);
    expect(fine.ok ? [] : fine.errors.filter((e) => e.includes('资质条件'))).toEqual([]);
  });
});

describe('a refused value speaks once (tester iC, finding 11)', () => {
  it('-1, 99 and 0.3 (off the step) are refused without also demanding the comment of a low score', () => {
    const { rubric } = samplePackage();
    const c1 = rubric.criteria.find((c) => c.id === 'C1');
    if (!c1) throw new Error('the sample has no C1');
    for (const points of [-1, 99, 0.3]) {
      const issues = criterionIssues('A01', { ...c1, requiresComment: false }, points, '', rubric);
      expect(
        issues.map((i) => i.field),
        String(points),
      ).toEqual(['points']);
    }
    // A low score that counts still needs its comment; a criterion that always asks one, too.
    expect(
      criterionIssues('A01', { ...c1, requiresComment: false }, 1, '', rubric).map(
        (i) => i.message,
      ),
    ).toEqual([expect.stringContaining('得分低于满分的 60%，须填写评语')]);
    expect(
      criterionIssues('A01', { ...c1, requiresComment: true }, -1, '', rubric).map((i) => i.field),
    ).toEqual(['points', 'comment']);
  });
});
