/**
 * Dates as people here write them, read at the door: 2026-12-01, 2026-12-1, 2026/12/01,
 * 2026.12.01 and 2026年12月1日 (full-width digits too), always year, month, day — never the
 * browser locale's month-first order. Shown back as 2026-12-01 or 2026年12月1日.
 */
import { isCalendarDate } from '../model/common';
import { stripInvisible, toHalfWidthDigits } from './normalize';

/**
 * A date read, or why not: `not-a-date` (not year, month, day in a form we read; `typed` is what
 * was typed) or `no-such-day` (`iso` does not exist, 2027-02-30); `message` says it in Chinese,
 * the screens say it from the kind in the user's language.
 */
export type DateReading =
  | { ok: true; iso: string }
  | { ok: false; kind: 'not-a-date'; typed: string; message: string }
  | { ok: false; kind: 'no-such-day'; iso: string; message: string };

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
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  if (!isCalendarDate(iso))
    return { ok: false, kind: 'no-such-day', iso, message: `${iso} 不是实际存在的日期` };
  return { ok: true, iso };
}

/** 2026-12-01 → 2026年12月1日 (anything not YYYY-MM-DD is returned as it is). */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
