import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCalendarDate } from '../model';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  addWorkingDays,
  CalendarCoverageError,
  defaultCalendar,
  isWorkingDay,
  parseCalendarFile,
  publicityEnd,
} from '.';

const cal = defaultCalendar();

describe('working-day calendar', () => {
  it('knows the 2025 National Day holiday and its make-up working days', () => {
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(cal, `2025-10-0${d}`), `10-0${d}`).toBe(false);
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true); // a Sunday, made a working day
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true); // a Saturday, made a working day
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true);
  });

  it('knows the 2026 Spring Festival and its make-up days', () => {
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(cal, `2026-02-${d}`), `02-${d}`).toBe(false);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true); // Saturday
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
  });

  it('treats ordinary weekends as rest days and weekdays as working days', () => {
    expect(isWorkingDay(cal, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-03-09')).toBe(true); // Monday
  });

  it('computes 5 working days of publicity across a holiday (第十二条（六）)', () => {
    // Publicity starting Friday 2025-09-26: 26, 28 (make-up Sunday), 29, 30, then 9 Oct.
    expect(publicityEnd(cal, '2025-09-26', 5)).toBe('2025-10-09');
    // Starting on a Saturday moves to the next working day.
    expect(publicityEnd(cal, '2026-12-12', 5)).toBe('2026-12-18');
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
  });

  it('refuses a year the data does not cover, and a provisional year unless allowed', () => {
    expect(() => isWorkingDay(cal, '2030-01-02')).toThrow(CalendarCoverageError);
    expect(() => isWorkingDay(cal, '2030-01-02')).toThrow(/2030 年/);
    expect(() => isWorkingDay(cal, '2027-03-01')).toThrow(/调休/);
    expect(isWorkingDay(defaultCalendar([], true), '2027-02-08')).toBe(false);
    expect(() => publicityEnd(cal, '2026-12-28', 5)).toThrow(CalendarCoverageError);
  });

  it('loads a newer calendar file that overrides a year', () => {
    const file = parseCalendarFile(
      JSON.stringify({
        formatVersion: 1,
        years: [
          {
            year: 2027,
            status: 'official',
            source: '测试通知',
            holidays: ['2027-01-01'],
            workdays: ['2027-01-02'],
          },
        ],
      }),
    );
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const newer = defaultCalendar([file.value]);
    expect(isWorkingDay(newer, '2027-01-02')).toBe(true);
    expect(isWorkingDay(newer, '2027-03-01')).toBe(true);
  });

  it('rejects a malformed calendar file with a message naming the problem', () => {
    expect(parseCalendarFile('{')).toMatchObject({
      ok: false,
      error: expect.stringContaining('日历文件 不是有效的 JSON'),
    });
    const wrongYear = parseCalendarFile(
      JSON.stringify({
        formatVersion: 1,
        years: [
          { year: 2027, status: 'official', source: 'x', holidays: ['2026-01-01'], workdays: [] },
        ],
      }),
    );
    expect(wrongYear.ok === false && wrongYear.error).toContain('不属于 2027 年');
    const both = parseCalendarFile(
      JSON.stringify({
        formatVersion: 1,
        years: [
          {
            year: 2027,
            status: 'official',
            source: 'x',
            holidays: ['2027-01-01'],
            workdays: ['2027-01-01'],
          },
        ],
      }),
    );
    expect(both.ok === false && both.error).toContain('同时标为放假和上班');
    const badDate = parseCalendarFile(
      JSON.stringify({
        formatVersion: 1,
        years: [
          { year: 2027, status: 'official', source: 'x', holidays: ['2027-02-30'], workdays: [] },
        ],
      }),
    );
    expect(badDate.ok === false && badDate.error).toContain('2027-02-30 不是实际存在的日期');
  });
});

describe('dates that exist (issue 14, point 5)', () => {
  it('refuses impossible dates before any arithmetic', () => {
    expect(() => isWorkingDay(cal, '2027-02-30')).toThrow('2027-02-30 不是实际存在的日期');
    expect(() => addDays('2026-13-01', 1)).toThrow('2026-13-01 不是实际存在的日期');
    expect(() => daysBetween('2026-02-29', '2026-03-01')).toThrow(RangeError);
  });
  it('never produces one: a year after 2028-02-29 is 2029-02-28', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
  });
  it('property: adding days, months or years to a real date gives a real date', () => {
    const realDate = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(realDate, fc.integer({ min: -400, max: 400 }), (iso, n) => {
        expect(isCalendarDate(addDays(iso, n))).toBe(true);
        expect(isCalendarDate(addMonths(iso, n % 50))).toBe(true);
        expect(isCalendarDate(addYears(iso, n % 5))).toBe(true);
      }),
    );
  });
});
