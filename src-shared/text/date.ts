/**
 * Dates as people here write them, read at the door: 2026-12-01, 2026-12-1, 2026/12/01,
 * 2026.12.01 and 2026年12月1日 (full-width digits too), always year, month, day — never the
 * browser locale's month-first order. Shown back as 2026-12-01 or 2026年12月1日.
 *
 * The one date rule of every door: `DateSchema` (model/common.ts) normalises with `normaliseDate`
 * and judges with `readDate`, so a form field, a template's cell, a JSON file the CLI reads and an
 * IPC message say the same sentence for the same text.
 */
import { MISSING } from './missing';
import { stripInvisible, toHalfWidthDigits } from './normalize';

/**
 * A date line left for the hand, as official forms print it: room for four, two and two figures
 * on a rule (full-width low lines, ＿), 「＿＿＿＿年＿＿月＿＿日」. Glyphs, not blank space, so the
 * line reads (and copies, and extracts from the PDF) as one date: 「日期：＿＿＿＿年＿＿月＿＿日」.
 */
export const BLANK_DATE_ZH = `${'＿'.repeat(4)}年${'＿'.repeat(2)}月${'＿'.repeat(2)}日`;

/** Is `iso` (YYYY-MM-DD) a day that exists (no 2027-02-30, no 2026-13-01)? */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/**
 * The years a date typed into this app can have: a review, a milestone, a visit or a calendar
 * year. 0000, 0202 or 20266 cut to 2026… are typing slips, refused by name rather than read as a
 * day two thousand years ago.
 */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;

/** The date rule's sentences (the screens' Chinese is made from these: i18n/core.ts). */
export const notADateText = (typed: string): string =>
  `“${typed}”不是日期，请按年、月、日填写，如 2026-12-01 或 2026年12月1日`;
export const noSuchDayText = (iso: string): string => `${iso} 不是实际存在的日期`;
export const yearOutOfRangeText = (year: string): string =>
  `年份 ${year} 不在 ${DATE_YEARS.min}—${DATE_YEARS.max} 年之间，请检查是否输错`;

/**
 * A date read, or why not: `missing` (nothing typed), `not-a-date` (not year, month, day in a
 * form we read; `typed` is the text as normalised), `no-such-day` (`iso` does not exist,
 * 2027-02-30) or `year-out-of-range`; `message` says it in Chinese (the one sentence of every
 * door), the screens say it from the kind in the user's language.
 */
export type DateReading =
  | { ok: true; iso: string }
  | { ok: false; kind: 'missing'; message: string }
  | { ok: false; kind: 'not-a-date'; typed: string; message: string }
  | { ok: false; kind: 'no-such-day'; iso: string; message: string }
  | { ok: false; kind: 'year-out-of-range'; year: string; message: string };

/** A refused date, as `readDate` says why. */
export type DateRefusal = Extract<DateReading, { ok: false }>;

const NUMERIC = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const WRITTEN = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;

/** Text as the date rule reads it: invisible characters dropped, full-width forms as ASCII, trimmed. */
function cleaned(text: string): string {
  return toHalfWidthDigits(stripInvisible(text).normalize('NFKC')).trim();
}

/** Year, month and day as typed (2026/2/30 → 2026, 2, 30), or null when the text is no date. */
function parts(text: string): { year: string; iso: string } | null {
  const m = NUMERIC.exec(text) ?? WRITTEN.exec(text);
  if (!m) return null;
  const year = m[1] ?? '';
  return { year, iso: `${year}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` };
}

/**
 * A date as every door keeps it, before it is judged (`DateSchema` overwrites with it): what reads
 * as year, month, day becomes YYYY-MM-DD (２０２６／２／３ and 2026年2月3日 → 2026-02-03; 2026/2/30 →
 * 2026-02-30, for the rule to refuse as no such day, not as no date); anything else is the text
 * cleaned (invisible characters dropped, full-width forms as ASCII, trimmed), '' when nothing was
 * typed. A date field holds this for the text on screen — never the last day an earlier keystroke
 * read (typing 2026-09-31 passes through 2026-09-3, which is a real day).
 */
export function normaliseDate(text: string): string {
  const typed = cleaned(text);
  return parts(typed)?.iso ?? typed;
}

/**
 * Reads a typed date (a form field, a template's cell, a JSON file's field) into YYYY-MM-DD, or
 * says why it is not one. Normalised first (`normaliseDate`).
 */
export function readDate(text: string): DateReading {
  const typed = cleaned(text);
  if (typed === '') return { ok: false, kind: 'missing', message: MISSING };
  const read = parts(typed);
  if (!read) return { ok: false, kind: 'not-a-date', typed, message: notADateText(typed) };
  const { year, iso } = read;
  if (Number(year) < DATE_YEARS.min || Number(year) > DATE_YEARS.max)
    return { ok: false, kind: 'year-out-of-range', year, message: yearOutOfRangeText(year) };
  if (!isCalendarDate(iso))
    return { ok: false, kind: 'no-such-day', iso, message: noSuchDayText(iso) };
  return { ok: true, iso };
}

/**
 * Today, YYYY-MM-DD: the day an instant falls on in Beijing time (UTC+8, all of China, no daylight
 * saving), whatever the machine's or browser's time zone — the one "today" of every door (the
 * inspection's visit date, the award forms, the task book, the bureau's desk, the CLI), the same
 * day the chair's desk and a notice (`beijingDayOf`, `formatDateTimeZh`) write for that instant:
 * at 2026-12-03T18:40Z it is 2026-12-04 on every screen. Given the door's clock (`now` of the
 * renderer's deps, the CLI's `io.now`); this module reads no clock.
 */
export function beijingDayAt(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
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
 * A local time with no zone, as a camera's EXIF records it (2026-12-09T10:20:05), as a form writes
 * it: 2026年12月9日 10:20:05 (the clock as the camera set it, no zone claimed). Anything else is
 * returned as it is.
 */
export function formatLocalDateTimeZh(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2})?)$/.exec(local);
  return m ? `${formatDateZh(m[1] ?? '')} ${m[2] ?? ''}` : local;
}

/**
 * The day (YYYY-MM-DD) an instant (ISO 8601 with its offset) falls on in Beijing time, as
 * `formatDateTimeZh` writes it: 2026-12-07T16:30:00Z is 2026-12-08. Anything that is not such an
 * instant gives its first ten characters (a bare date is its own day).
 */
export function beijingDayOf(iso: string): string {
  const ms = /T\d{2}:\d{2}/.test(iso) ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? iso.slice(0, 10) : beijingDayAt(new Date(ms));
}

/**
 * An instant (ISO 8601 with its offset, e.g. a manifest's `createdAt` 2026-11-30T18:58:45.131Z)
 * as a notice writes it, in Beijing time (UTC+8, all of China, no daylight saving):
 * 2026年12月1日 02:58（北京时间）; with `seconds` (a log, where the order within a minute
 * matters) 2026年12月1日 02:58:45（北京时间）. Anything that is not such an instant is returned as
 * it is.
 */
export function formatDateTimeZh(
  iso: string,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}${seconds ? `:${pad(t.getUTCSeconds())}` : ''}（北京时间）`;
}
