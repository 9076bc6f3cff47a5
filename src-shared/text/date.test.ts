import { describe, expect, it } from 'vitest';
import { formatDateZh, readDate } from './date';

describe('dates as people here write them', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026-12-1', '2026-12-01'],
    ['2026/12/01', '2026-12-01'],
    ['2026.1.5', '2026-01-05'],
    ['2026年12月1日', '2026-12-01'],
    ['２０２６年１２月１日', '2026-12-01'],
    [' 2028年2月29日 ', '2028-02-29'],
  ])('reads %s as %s', (typed, iso) => expect(readDate(typed)).toEqual({ ok: true, iso }));

  it('refuses the month-first order, impossible days and words, saying why', () => {
    expect(readDate('12/01/2026')).toMatchObject({ ok: false });
    expect(readDate('2027-02-30')).toEqual({ ok: false, message: '2027-02-30 不是实际存在的日期' });
    const words = readDate('明年春天');
    expect(words.ok).toBe(false);
    if (!words.ok) expect(words.message).toContain('如 2026-12-01 或 2026年12月1日');
  });

  it('shows a date in the Chinese order', () => {
    expect(formatDateZh('2026-12-01')).toBe('2026年12月1日');
    expect(formatDateZh('2026-12-01T08:00:00+08:00')).toBe('2026年12月1日');
  });
});
