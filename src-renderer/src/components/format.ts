/**
 * Times as people here read them. In Chinese through the one formatter of the notices and forms
 * (src-shared/text/date.ts): an instant as 2026年12月8日 16:05（北京时间）, a camera's local time as
 * 2026年12月15日 10:31:07. In English year, month, day first, 24-hour clock, in Beijing time as
 * the Chinese is (2026-12-08 16:05:00 (UTC+8)), never the browser locale's month-first order nor
 * the computer's own zone (one day on every screen, `beijingDayAt`).
 */
import {
  beijingDayAt,
  formatDateTimeZh,
  formatLocalDateTimeZh,
} from '../../../src-shared/text/date';
import type { Lang } from '../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-08T08:05:00Z → 2026-12-08 16:05:00 (UTC+8); text that is not a time is returned as is. */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 8 * 3600_000);
  return `${beijingDayAt(new Date(ms))} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} (UTC+8)`;
}

/**
 * An instant (a bundle's 签署时间, a draft's last edit) as `lang` writes it; `seconds` for a log
 * (the audit log), where the order within a minute matters.
 */
export const sayInstant = (lang: Lang, iso: string, seconds = false): string =>
  lang === 'zh' ? formatDateTimeZh(iso, { seconds }) : formatDateTime(iso);

/** A local time with no zone (a photo's EXIF 2026-12-15T10:31:07) as `lang` writes it. */
export const sayLocalTime = (lang: Lang, local: string): string =>
  lang === 'zh' ? formatLocalDateTimeZh(local) : local.replace('T', ' ');
