/**
 * Site photos at the door: the bytes say what a file is (JPEG or PNG, never its name), a file
 * past the stated bound is refused before it is read, and the capture time is read from EXIF
 * (./exif.ts) where the photo carries one.
 */
import type { PhotoMediaType } from '../model';
import { PHOTO_MAX_BYTES } from './bounds';
import { photoCaptureTime } from './exif';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Why a photo is refused, by kind (the screens say it from the kind in the user's language;
 * `message` says it in Chinese for the other doors), naming the file.
 */
export type PhotoRefusal =
  | { kind: 'empty'; name: string; message: string }
  | { kind: 'too-big'; name: string; size: string; max: string; message: string }
  | { kind: 'not-image'; name: string; message: string };

/** Before reading: is a file of this size admitted? null, or the refusal naming it. */
export function photoSizeProblem(name: string, size: number): PhotoRefusal | null {
  if (size === 0) return { kind: 'empty', name, message: `照片 ${name} 是空文件` };
  if (size <= PHOTO_MAX_BYTES) return null;
  const [shown, max] = [mb(size), mb(PHOTO_MAX_BYTES)];
  return {
    kind: 'too-big',
    name,
    size: shown,
    max,
    message: `照片 ${name} 有 ${shown}，超过 ${max} 的上限，未导入；请先在电脑上缩小后再选择`,
  };
}

/** The media type the bytes carry (JPEG SOI marker, PNG signature), or null. */
export function sniffPhoto(bytes: Uint8Array): PhotoMediaType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export type PhotoAdmission =
  { ok: true; mediaType: PhotoMediaType; capturedAt?: string } | ({ ok: false } & PhotoRefusal);

/**
 * The door for a photo chosen from a file: size bound, then what the bytes are, then the EXIF
 * capture time. Every refusal names the file.
 */
export async function admitPhoto(name: string, bytes: Uint8Array): Promise<PhotoAdmission> {
  const tooBig = photoSizeProblem(name, bytes.byteLength);
  if (tooBig) return { ok: false, ...tooBig };
  const mediaType = sniffPhoto(bytes);
  if (!mediaType)
    return { ok: false, kind: 'not-image', name, message: `${name} 不是 JPEG 或 PNG 图片，未导入` };
  const capturedAt = mediaType === 'image/jpeg' ? await photoCaptureTime(bytes) : undefined;
  return { ok: true, mediaType, ...(capturedAt ? { capturedAt } : {}) };
}
