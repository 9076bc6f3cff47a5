/**
 * Working days under the Chinese statutory-holiday calendar (publicity of 5 working days,
 * 第十二条（六）). Never falls back to plain weekdays for a year the data does not cover.
 */
import { z } from 'zod';
import { parseJsonText } from '../io';
import { DateSchema, isCalendarDate } from '../model/common';

export const CalendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  status: z.enum(['official', 'provisional']),
  source: z.string().min(1).max(500),
  holidays: z.array(DateSchema),
  workdays: z.array(DateSchema),
  /** Test data, not a State Council notice (issue 17's fixtures): shown as such wherever it is. */
  isTestData: z.boolean().optional(),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const CalendarFileSchema = z
  .object({ formatVersion: z.literal(1), years: z.array(CalendarYearSchema).min(1) })
  .superRefine((file, ctx) => {
    file.years.forEach((y, i) => {
      for (const d of [...y.holidays, ...y.workdays]) {
        if (!d.startsWith(`${y.year}-`)) {
          ctx.addIssue({ code: 'custom', path: ['years', i], message: `${d} 不属于 ${y.year} 年` });
        }
        if (!isCalendarDate(d))
          ctx.addIssue({ code: 'custom', path: ['years', i], message: `${d} 不是有效日期` });
      }
      const both = y.holidays.filter((d) => y.workdays.includes(d));
      if (both.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', i],
          message: `${both.join('、')} 同时标为放假和上班`,
        });
      }
    });
  });
export type CalendarFile = z.infer<typeof CalendarFileSchema>;

export class CalendarCoverageError extends Error {
  override name = 'CalendarCoverageError';
  constructor(
    readonly year: number,
    readonly reason: 'missing' | 'provisional',
  ) {
    super(
      reason === 'missing'
        ? `日历数据不含 ${year} 年的法定节假日安排，无法计算工作日；请导入包含 ${year} 年的日历文件。`
        : `${year} 年的放假调休安排尚未纳入（仅有法定节日，缺国务院办公厅通知的调休日），无法准确计算工作日；请导入新的日历文件。`,
    );
  }
}

/** Refuses a date that does not exist (2027-02-30) before any arithmetic is done with it. */
export function assertCalendarDate(iso: string): void {
  if (!isCalendarDate(iso)) throw new RangeError(`${iso} 不是实际存在的日期`);
}

export interface WorkingCalendar {
  years: ReadonlyMap<number, CalendarYear>;
  allowProvisional: boolean;
}

/** Builds a calendar; later files override earlier ones year by year (a newer notice wins). */
export function makeCalendar(
  files: readonly CalendarFile[],
  allowProvisional = false,
): WorkingCalendar {
  const years = new Map<number, CalendarYear>();
  for (const file of files) for (const y of file.years) years.set(y.year, y);
  return { years, allowProvisional };
}

/**
 * What is wrong with a year typed in from the State Council's notice, before the bureau signs it:
 * a make-up working day (调休上班) falls on a Saturday or Sunday, a holiday is listed once, the
 * year is the notice's (official) — empty when nothing is.
 */
export function calendarYearProblems(y: CalendarYear): string[] {
  const out: string[] = [];
  if (y.status !== 'official')
    out.push(
      `${y.year} 年的日历为 provisional（未依据国务院办公厅通知），只签发依据国务院办公厅通知录入的正式日历（status: official）`,
    );
  const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
  for (const d of y.workdays)
    if (weekday(d) !== 0 && weekday(d) !== 6)
      out.push(`调休上班日 ${d} 不是周六或周日（调休上班日总在周末）`);
  for (const list of [y.holidays, y.workdays]) {
    const seen = new Set<string>();
    for (const d of list) {
      if (seen.has(d)) out.push(`${d} 重复列出`);
      seen.add(d);
    }
  }
  return out;
}

/** Parses a calendar file (JSON text), with errors that name what is wrong. */
export function parseCalendarFile(
  text: string,
): { ok: true; value: CalendarFile } | { ok: false; error: string } {
  const raw = parseJsonText(text, '日历文件');
  if (!raw.ok) return { ok: false, error: raw.message };
  const parsed = CalendarFileSchema.safeParse(raw.value);
  if (!parsed.success) {
    return {
      ok: false,
      error: `日历文件格式错误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    };
  }
  return { ok: true, value: parsed.data };
}

/** `iso` + `days` calendar days (refuses an impossible date; never yields one). */
export function addDays(iso: string, days: number): string {
  assertCalendarDate(iso);
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `iso` + `months` calendar months, the day kept where the month has it and otherwise the month's
 * last day: 2028-02-29 + 12 months is 2029-02-28, 2027-01-31 + 1 month is 2027-02-28.
 */
export function addMonths(iso: string, months: number): string {
  assertCalendarDate(iso);
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** `iso` + `years` years (2028-02-29 + 1 year is 2029-02-28). */
export const addYears = (iso: string, years: number): string => addMonths(iso, 12 * years);

/** Days from a to b (b − a), by calendar date. */
export function daysBetween(a: string, b: string): number {
  assertCalendarDate(a);
  assertCalendarDate(b);
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function isWorkingDay(cal: WorkingCalendar, iso: string): boolean {
  assertCalendarDate(iso);
  const year = Number(iso.slice(0, 4));
  const data = cal.years.get(year);
  if (!data) throw new CalendarCoverageError(year, 'missing');
  if (data.status === 'provisional' && !cal.allowProvisional)
    throw new CalendarCoverageError(year, 'provisional');
  if (data.workdays.includes(iso)) return true;
  if (data.holidays.includes(iso)) return false;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `n` working days after `start` (start itself not counted): e.g. publicity starting
 * on `start` for 5 working days ends on `addWorkingDays(cal, start, 4)` if start is a working day.
 */
export function addWorkingDays(cal: WorkingCalendar, start: string, n: number): string {
  let date = start;
  let left = n;
  isWorkingDay(cal, start); // refuse an uncovered start year even when n = 0
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(cal, date)) left--;
  }
  return date;
}

/** The last day of a publicity period of `n` working days that starts on `start` (第十二条（六）). */
export function publicityEnd(cal: WorkingCalendar, start: string, n = 5): string {
  let date = start;
  while (!isWorkingDay(cal, date)) date = addDays(date, 1);
  return addWorkingDays(cal, date, n - 1);
}

export type PublicityWindow =
  | {
      ok: true;
      /** The first and last day counted. */
      start: string;
      end: string;
      /** Every working day counted, and whether it is a make-up working day (调休上班). */
      days: { date: string; isMakeUp: boolean }[];
    }
  | { ok: false; reason: string };

/**
 * A publicity period of `n` working days from `start` (第十二条（六）), with the days it counts —
 * or why it cannot be computed (a year the calendar does not cover, or only provisionally).
 */
export function publicityWindow(cal: WorkingCalendar, start: string, n = 5): PublicityWindow {
  // The one date rule first: no window counted from a day the form refuses (0202-09-29, abc).
  const day = DateSchema.safeParse(start);
  if (!day.success) return { ok: false, reason: day.error.issues[0]?.message ?? start };
  const from = day.data;
  try {
    const end = publicityEnd(cal, from, n);
    const days: { date: string; isMakeUp: boolean }[] = [];
    for (let d = from; d <= end; d = addDays(d, 1))
      if (isWorkingDay(cal, d))
        days.push({
          date: d,
          isMakeUp: cal.years.get(Number(d.slice(0, 4)))?.workdays.includes(d) ?? false,
        });
    return { ok: true, start: days[0]?.date ?? from, end, days };
  } catch (error) {
    if (error instanceof CalendarCoverageError || error instanceof RangeError)
      return { ok: false, reason: error.message };
    throw error;
  }
}
