/** The capture time a photo's EXIF gives, read by exifr (a well-kept EXIF reader). */
import exifr from 'exifr';
import { isCalendarDate } from '../model/common';

/** The EXIF time form `YYYY:MM:DD HH:MM:SS` as `YYYY-MM-DDTHH:MM:SS` (local time, no zone). */
export function exifTime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  // A camera clock set wrong (0000:00:00, 30 February) gives no time, never an impossible date.
  if (y === '0000' || !isCalendarDate(`${y}-${mo}-${d}`)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

/** The capture time a JPEG's EXIF gives (DateTimeOriginal, else CreateDate), or undefined. */
export async function photoCaptureTime(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const tags: unknown = await exifr.parse(bytes, {
      pick: ['DateTimeOriginal', 'CreateDate'],
      reviveValues: false,
    });
    if (typeof tags !== 'object' || tags === null) return undefined;
    return (
      exifTime(Reflect.get(tags, 'DateTimeOriginal')) ?? exifTime(Reflect.get(tags, 'CreateDate'))
    );
  } catch {
    // A photo whose EXIF block is damaged is still a photo; it just has no capture time.
    return undefined;
  }
}
