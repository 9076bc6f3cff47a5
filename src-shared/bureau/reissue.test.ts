import { describe, expect, it } from 'vitest';
import { nextFreeId, packageIdIssued, packageIdIssuedText, ROUND_STAGE_ZH } from './reissue';

describe('a package id already issued (packageIdIssued)', () => {
  it('is free when no round holds it; taken by a round under it, in either case, with a free id suggested', () => {
    const issued = [
      { packageId: 'KLMY-2026-JB-001', stage: 'publicity' as const },
      { packageId: 'KLMY-2026-JB-002', stage: 'issued' as const },
    ];
    expect(packageIdIssued('KLMY-2026-JB-003', issued)).toBeNull();
    expect(packageIdIssued(' klmy-2026-jb-001 ', issued)).toEqual({
      packageId: 'KLMY-2026-JB-001',
      stage: 'publicity',
      suggestion: 'klmy-2026-jb-003',
    });
    expect(nextFreeId('KLMY-2026-JB-009', [])).toBe('KLMY-2026-JB-010');
    expect(nextFreeId('KLMY-JB', [])).toBeNull();
  });

  it('is said with the id, the stage and the new id, or without an example when none can be made', () => {
    const text = packageIdIssuedText({
      id: 'X-1',
      stage: ROUND_STAGE_ZH.approved,
      suggestion: null,
    });
    expect(text).toContain('评审包编号 X-1 已签发过，该评审轮次已审定，未签名');
    expect(text).not.toContain('（如');
  });
});
