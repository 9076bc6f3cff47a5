import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onStep } from '../money';
import { applicantTotal, stepPoints, totalBelow } from './sheet';
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
