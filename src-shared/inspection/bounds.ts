/** The bounds stated for inspection photos (every door reads them here). */
/** The largest photo file accepted from disk: 25 MB (a phone's full-size photo is 3–12 MB). */
export const PHOTO_MAX_BYTES = 25 * 1024 * 1024;
/** The longest side of a photo as it goes into the report and the bundle (scaled down to it). */
export const PHOTO_REPORT_MAX_SIDE = 1600;
/** Photos per report. */
export const PHOTOS_MAX = 40;
