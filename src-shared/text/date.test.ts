import { describe, expect, it } from 'vitest';
import { readDate as readCellDate } from '../bureau/cells';
import { DateSchema } from '../model/common';
import {
  formatDateTimeZh,
  formatDateZh,
  formatLocalDateTimeZh,
  normaliseDate,
  readDate,
} from './date';

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
    expect(readDate('2027-02-30')).toMatchObject({
      ok: false,
      message: '2027-02-30 不是实际存在的日期',
    });
    const words = readDate('明年春天');
    expect(words.ok).toBe(false);
    if (!words.ok) expect(words.message).toContain('如 2026-12-01 或 2026年12月1日');
  });

  it('reads what a full-width IME or a paste gives: ／ between the parts, an invisible character', () => {
    expect(readDate('2026／12／01')).toEqual({ ok: true, iso: '2026-12-01' });
    expect(readDate('２０２６／１２／０１')).toEqual({ ok: true, iso: '2026-12-01' });
    expect(readDate('2026-12-01\u200b')).toEqual({ ok: true, iso: '2026-12-01' });
    expect(readDate('\ufeff2026年12月1日')).toEqual({ ok: true, iso: '2026-12-01' });
  });

  it('says which refusal it is, for the screens to say in the user’s language', () => {
    expect(readDate('12/01/2026')).toMatchObject({
      ok: false,
      kind: 'not-a-date',
      typed: '12/01/2026',
    });
    expect(readDate('2027-02-30')).toMatchObject({
      ok: false,
      kind: 'no-such-day',
      iso: '2027-02-30',
    });
    // A typing slip in the year is not a day two thousand years ago.
    const slips: [string, string][] = [
      ['0000-12-01', '0000'],
      ['0202年12月1日', '0202'],
      ['２２００－０１－０１', '2200'],
    ];
    for (const [typed, year] of slips)
      expect(readDate(typed)).toMatchObject({ ok: false, kind: 'year-out-of-range', year });
    expect(readDate('1900-01-01')).toEqual({ ok: true, iso: '1900-01-01' });
    expect(readDate('2199-12-31')).toEqual({ ok: true, iso: '2199-12-31' });
  });

  it('a form field and a template cell read every date alike (one reader)', () => {
    const typed = [
      '2026-12-01',
      '2026/12/1',
      '2026．12．1',
      '2026年12月1日',
      '２０２６／１２／０１',
      '2026-12-01\u200b',
      '2026年12-1',
      '2026/12/1日',
      '12/01/2026',
      '2027-02-30',
      '明年春天',
    ];
    for (const text of typed) {
      const form = readDate(text);
      const cell = readCellDate(text);
      expect({ text, ok: cell.ok, value: cell.ok ? cell.value : cell.message }).toEqual({
        text,
        ok: form.ok,
        value: form.ok ? form.iso : form.message,
      });
    }
  });

  it('shows a date in the Chinese order', () => {
    expect(formatDateZh('2026-12-01')).toBe('2026年12月1日');
    expect(formatDateZh('2026-12-01T08:00:00+08:00')).toBe('2026年12月1日');
  });
});

describe('normaliseDate (what a date field holds for the text on screen, and every door keeps)', () => {
  it('holds the day the text reads as, however it is typed', () => {
    expect(normaliseDate('2026/9/29')).toBe('2026-09-29');
    expect(normaliseDate('２０２６年９月２９日')).toBe('2026-09-29');
  });

  it('holds what was typed while the text is not a day — for the form’s check to refuse as the field does — never a day an earlier keystroke read', () => {
    // Typing 2026-09-31 passes through 2026-09-3, a real day, on its way to no such day.
    const held = [...'2026-09-31'].map((_, i, all) => normaliseDate(all.slice(0, i + 1).join('')));
    expect(held.at(-2)).toBe('2026-09-03');
    expect(held.at(-1)).toBe('2026-09-31');
    expect(normaliseDate('')).toBe('');
    expect(normaliseDate('  ')).toBe('');
    // The held value is refused by the one date rule with the field's own words.
    const refusal = (text: string) =>
      DateSchema.safeParse(normaliseDate(text)).error?.issues[0]?.message;
    expect(normaliseDate('２０２６／２／３０')).toBe('2026-02-30');
    expect(refusal('２０２６／２／３０')).toBe('2026-02-30 不是实际存在的日期');
    const noSuchDay = readDate('2026/2/30');
    expect(!noSuchDay.ok && noSuchDay.message).toBe(refusal('2026/2/30'));
    const farYear = readDate('0202-09-29');
    expect(!farYear.ok && farYear.message).toBe(refusal('0202-09-29'));
    expect(refusal('abc')).toBe(
      '“abc”不是日期，请按年、月、日填写，如 2026-12-01 或 2026年12月1日',
    );
    // One sentence for text that is no date at all (not a year as well).
    expect(DateSchema.safeParse('abc').error?.issues).toHaveLength(1);
    // Nothing typed is missing, not a date of the wrong format.
    expect(refusal('')).toBe('缺少此项（必填）');
    expect(refusal(' \u200b ')).toBe('缺少此项（必填）');
  });

  it('writes an instant as a notice does, in Beijing time, whatever offset it was recorded in', () => {
    expect(formatDateTimeZh('2026-11-30T18:58:45.131Z')).toBe('2026年12月1日 02:58（北京时间）');
    expect(formatDateTimeZh('2026-12-08T09:00:00+08:00')).toBe('2026年12月8日 09:00（北京时间）');
    expect(formatDateTimeZh('2026-11-30T18:58:45.131Z', { seconds: true })).toBe(
      '2026年12月1日 02:58:45（北京时间）',
    );
    expect(formatDateTimeZh('2026-12-31T23:30:00-05:00')).toBe('2027年1月1日 12:30（北京时间）');
    expect(formatDateTimeZh('not a time')).toBe('not a time');
  });

  it('writes a camera’s local time (no zone) as it was recorded, in 年月日', () => {
    expect(formatLocalDateTimeZh('2026-12-15T10:31:07')).toBe('2026年12月15日 10:31:07');
    expect(formatLocalDateTimeZh('2026-12-15T10:31')).toBe('2026年12月15日 10:31');
    expect(formatLocalDateTimeZh('2026-12-15T10:31:07Z')).toBe('2026-12-15T10:31:07Z');
  });
});

describe('DateSchema: the one date rule, normalised at the door', () => {
  const said = (text: string) => {
    const judged = DateSchema.safeParse(text);
    return judged.success
      ? { ok: true, value: judged.data }
      : { ok: false, value: judged.error.issues.map((i) => i.message) };
  };

  it('keeps a date however people type it as YYYY-MM-DD (a JSON file, a form, a message alike)', () => {
    const typings: [string, string][] = [
      ['2026-09-30', '2026-09-30'],
      ['2026/9/30', '2026-09-30'],
      ['2026.9.3', '2026-09-03'],
      ['２０２６／０９／３０', '2026-09-30'],
      ['２０２６．９．３０', '2026-09-30'],
      ['2026年9月30日', '2026-09-30'],
      [' 2026-09-30\u200b', '2026-09-30'],
    ];
    for (const [typed, iso] of typings)
      expect(said(typed), typed).toEqual({ ok: true, value: iso });
  });

  it('keeps a date already YYYY-MM-DD exactly as it is (documents signed before sign the same bytes)', () => {
    const iso = '2026-09-30';
    expect(DateSchema.parse(iso)).toBe(iso);
  });

  it('refuses with readDate’s one sentence — the date field’s — whatever the text, one issue each', () => {
    for (const typed of [
      '12/31/2026',
      '2026/2/30',
      '２０２６／２／３０',
      '2026-13-01',
      '0202-09-29',
      '明年春天',
      '',
      '\u3000',
    ]) {
      const read = readDate(typed);
      if (read.ok) throw new Error(typed);
      expect(said(typed), typed).toEqual({ ok: false, value: [read.message] });
    }
    expect(said('12/31/2026').value).toEqual([
      '“12/31/2026”不是日期，请按年、月、日填写，如 2026-12-01 或 2026年12月1日',
    ]);
    expect(said('2026/2/30').value).toEqual(['2026-02-30 不是实际存在的日期']);
    expect(said('').value).toEqual(['缺少此项（必填）']);
  });
});
