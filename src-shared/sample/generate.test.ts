import { describe, expect, it } from 'vitest';
import { ReviewPackageSchema, ScoreSheetSchema } from '../model';
import { checkReviewPackage, hasBlocking } from '../rules';
import { gatherSheets } from '../decision';
import { aggregate } from '../scoring';
import { generatePanel } from './generate';

describe('synthetic panel generator', () => {
  it('makes valid, deterministic packages and sheets', () => {
    const a = generatePanel({
      experts: 9,
      applicants: 12,
      criteria: 5,
      seed: 7,
      recusalRate: 0.05,
    });
    const b = generatePanel({
      experts: 9,
      applicants: 12,
      criteria: 5,
      seed: 7,
      recusalRate: 0.05,
    });
    expect(ReviewPackageSchema.parse(a.pkg)).toEqual(a.pkg);
    for (const s of a.sheets) expect(ScoreSheetSchema.safeParse(s).success).toBe(true);
    expect(hasBlocking(checkReviewPackage(a.pkg))).toBe(false);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(aggregate(a.pkg, a.sheets).results).toHaveLength(12);
    // The sheets pass the rubric as every door checks it (the chair's import, score, check).
    expect(
      gatherSheets(
        a.pkg,
        a.sheets.map((sheet) => ({ sheet, origin: '', standing: 'unsigned' as const })),
      ).problems,
    ).toEqual([]);
  });
});
