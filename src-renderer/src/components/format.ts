/**
 * Times as people here read them: year, month, day first, 24-hour clock, in the computer's own
 * time zone (2026-12-08 16:05), never the browser locale's month-first order.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-08T08:05:00Z → 2026-12-08 16:05 (in UTC+8); text that is not a time is returned as is. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
