/**
 * Dates as people here write them, read at the door: 2026-12-01, 2026-12-1, 2026/12/01,
 * 2026.12.01 and 2026年12月1日 (full-width digits too), always year, month, day — never the
 * browser locale's month-first order. Shown back as 2026-12-01 or 2026年12月1日.
 */
import { DATE_YEARS, isCalendarDate } from '../model/common';
import { stripInvisible, toHalfWidthDigits } from './normalize';

/**
 * A date read, or why not: `not-a-date` (not year, month, day in a form we read; `typed` is what
 * was typed) or `no-such-day` (`iso` does not exist, 2027-02-30); `message` says it in Chinese,
 * the screens say it from the kind in the user's language.
 */
export type DateReading =
  | { ok: true; iso: string }
  | { ok: false; kind: 'not-a-date'; typed: string; message: string }
  | { ok: false; kind: 'no-such-day'; iso: string; message: string }
  | { ok: false; kind: 'year-out-of-range'; year: string; message: string };

export { DATE_YEARS };

const NUMERIC = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const WRITTEN = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;

/**
 * Reads a typed date (a form field, a template's cell) into YYYY-MM-DD, or says why it is not one
 * (by what was typed). Normalised first: invisible characters dropped, full-width forms (２０２６／
 * １２／０１, a Chinese IME in full-width mode) read as the ASCII they stand for (NFKC).
 */
export function readDate(text: string): DateReading {
  const typed = toHalfWidthDigits(stripInvisible(text).normalize('NFKC')).trim();
  const m = NUMERIC.exec(typed) ?? WRITTEN.exec(typed);
  if (!m)
    return {
      ok: false,
      kind: 'not-a-date',
      typed: text.trim(),
      message: `“${text.trim()}”不是日期：请按年、月、日填写，如 2026-12-01 或 2026年12月1日`,
    };
  const year = m[1] ?? '';
  if (Number(year) < DATE_YEARS.min || Number(year) > DATE_YEARS.max)
    return {
      ok: false,
      kind: 'year-out-of-range',
      year,
      message: `年份 ${year} 不在 ${DATE_YEARS.min}—${DATE_YEARS.max} 年之间`,
    };
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  if (!isCalendarDate(iso))
    return { ok: false, kind: 'no-such-day', iso, message: `${iso} 不是实际存在的日期` };
  return { ok: true, iso };
}

/**
 * What a date field holds for the text on screen: the day it reads as (YYYY-MM-DD); '' while the
 * text is empty; otherwise what was typed, so the form's own check (`DateSchema`, the one rule of
 * every door) judges it as the field does — 2026/2/30 is held as 2026-02-30 and refused as no such
 * day, not as a date left out. Never the last day an earlier keystroke read (typing 2026-09-31
 * passes through 2026-09-3, which is a real day: the field must not keep it while it shows
 * 2026-09-31 as no such day).
 */
export function dateHeld(text: string): string {
  if (text.trim() === '') return '';
  const read = readDate(text);
  if (read.ok) return read.iso;
  if (read.kind === 'no-such-day') return read.iso;
  return toHalfWidthDigits(stripInvisible(text).normalize('NFKC')).trim();
}

/**
 * 2026-12-01 or 2026-12-01T10:00:00+08:00 → 2026年12月1日, as Chinese forms and notices write a
 * date (the date as recorded, in the offset it was recorded in); anything not starting YYYY-MM-DD
 * is returned as it is. The one formatter of the notices, the meeting's forms and the screens.
 */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * An instant (ISO 8601 with its offset, e.g. a manifest's `createdAt` 2026-11-30T18:58:45.131Z)
 * as a notice writes it, in Beijing time (UTC+8, all of China, no daylight saving):
 * 2026年12月1日 02:58（北京时间）. Anything that is not such an instant is returned as it is.
 */
export function formatDateTimeZh(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}（北京时间）`;
}
