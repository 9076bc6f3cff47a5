/**
 * Times as people here read them. In Chinese through the one formatter of the notices and forms
 * (src-shared/text/date.ts): an instant as 2026年12月8日 16:05（北京时间）, a camera's local time as
 * 2026年12月15日 10:31:07. In English year, month, day first, 24-hour clock, in the computer's own
 * time zone (2026-12-08 16:05:00), never the browser locale's month-first order.
 */
import { formatDateTimeZh, formatLocalDateTimeZh } from '../../../src-shared/text/date';
import type { Lang } from '../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-08T08:05:00Z → 2026-12-08 16:05:00 (in UTC+8); text that is not a time is returned as is. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
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
