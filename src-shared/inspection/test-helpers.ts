/**
 * Test helpers: a JPEG given an EXIF DateTimeOriginal, written by hand (an APP1 segment with a
 * little-endian TIFF header, IFD0 pointing to an Exif IFD holding tag 0x9003) — what a camera
 * writes, so tests need no camera and no image tool.
 */
export function withExifTime(jpeg: Uint8Array, exifTime: string): Uint8Array {
  if (!/^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$/.test(exifTime)) throw new Error(exifTime);
  const tiff = new Uint8Array(64);
  const v = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 0x2a, 0x00]); // "II", 42
  v.setUint32(4, 8, true); // IFD0 at 8
  v.setUint16(8, 1, true); // one entry
  v.setUint16(10, 0x8769, true); // ExifIFDPointer
  v.setUint16(12, 4, true); // LONG
  v.setUint32(14, 1, true);
  v.setUint32(18, 26, true); // Exif IFD at 26
  v.setUint32(22, 0, true); // no next IFD
  v.setUint16(26, 1, true);
  v.setUint16(28, 0x9003, true); // DateTimeOriginal
  v.setUint16(30, 2, true); // ASCII
  v.setUint32(32, 20, true);
  v.setUint32(36, 44, true); // its text at 44
  v.setUint32(40, 0, true);
  tiff.set(new TextEncoder().encode(`${exifTime}\0`), 44);
  const header = new TextEncoder().encode('Exif\0\0');
  const length = 2 + header.length + tiff.length;
  const app1 = new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...header, ...tiff]);
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}
