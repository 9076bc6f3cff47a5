import { describe, expect, it } from 'vitest';
import { AUTOLOCK_MINUTES, autoLockRefusalText, readAutoLockMinutes } from './autolock';

describe('无操作自动锁定（分钟）', () => {
  it('takes plain decimals from 0.1 to 120 minutes', () => {
    for (const [typed, minutes] of [
      ['0.1', 0.1],
      ['10', 10],
      [' 0.5 ', 0.5],
      ['120', 120],
      // Full-width digits, as a Chinese IME types them, read as the digits they are.
      ['１０', 10],
      ['０．５', 0.5],
    ] as const)
      expect(readAutoLockMinutes(typed)).toEqual({ ok: true, minutes });
  });
  it('refuses -5, 0, a non-number, nothing, and beyond the range (tester iC finding 9)', () => {
    for (const typed of ['-5', '0', '0.05', 'abc', '', '1e1', '121', '10分钟', 'Infinity', '.5'])
      expect(readAutoLockMinutes(typed)).toEqual({ ok: false, typed: typed.trim() });
  });
  it('says the range in its refusal', () => {
    expect(autoLockRefusalText('-5')).toBe(
      '“-5”不可用：无操作自动锁定须为 0.1 至 120 分钟之间的数（如 10 或 0.5）',
    );
    expect(autoLockRefusalText('')).toBe(
      '未填写分钟数：无操作自动锁定须为 0.1 至 120 分钟之间的数（如 10 或 0.5）',
    );
    expect(AUTOLOCK_MINUTES.default).toBe(10);
  });
});
