/**
 * The one reader of every file the product reads (issue 14, point 3): a stated size bound checked
 * before anything is decoded or parsed, the text decoded (UTF-8, UTF-8 with a BOM as Notepad
 * writes it, UTF-16 with a BOM, GB18030/GBK as Excel and WPS write CSV on Chinese Windows), JSON
 * parsed through one function, and long lists of problems capped. Pure and isomorphic: the CLI,
 * main, the PDF worker and the renderer all call it (TextDecoder's GB18030 is in Node's full ICU
 * and in Chromium).
 */

import { looksLikeAge } from '../crypto/age-file';
import { emptyFile } from './file-size';
import { isKind, sniffFile } from './sniff';
import { parseStrictJson } from './strict-json';

const MiB = 1024 * 1024;

/** Bounds on what is read, each stated here and named in the refusal. */
export const READ_LIMITS = {
  /** A JSON document (review package without its attachments, sheet, decision, task book…). */
  jsonBytes: 16 * MiB,
  /** A CSV typed from paper sheets: 50 experts × 200 applicants is ≈ 1 MiB. */
  csvBytes: 8 * MiB,
  /** Data rows of a CSV (50 experts × 200 applicants = 10,000). */
  csvRows: 20_000,
  /** Columns of a CSV (the paper sheet has 6 and two per criterion). */
  csvColumns: 500,
  /** Problems listed one per line before the rest are only counted. */
  errorLines: 50,
} as const;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function formatBytes(n: number): string {
  if (n >= MiB) return `${Number((n / MiB).toFixed(1))} MiB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KiB`;
  return `${n} 字节`;
}

/**
 * The refusal of a file past its bound, or of an empty one (0 bytes, in the words of every door),
 * or null when it is within (check before reading it).
 */
export function sizeProblem(name: string, size: number, limit: number): string | null {
  if (size === 0) return emptyFile(name);
  return size > limit
    ? `${name} 过大（${formatBytes(size)}），超过此类文件的上限 ${formatBytes(limit)}，未读取`
    : null;
}

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16LE/BE); otherwise UTF-8 when the bytes are
 * valid UTF-8, else GB18030 (a superset of GBK and GB2312). Bytes that are neither are refused with
 * a message that names the file and says how to save it as UTF-8.
 */
export function decodeText(bytes: Uint8Array, name: string): ReadResult<DecodedText> {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text !== null) return { ok: true, value: { text, encoding: 'utf-8-bom' } };
  } else if (b0 === 0xff && b1 === 0xfe) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    if (text !== null) return { ok: true, value: { text, encoding: 'utf-16le' } };
  } else if (b0 === 0xfe && b1 === 0xff) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    if (text !== null) return { ok: true, value: { text, encoding: 'utf-16be' } };
  } else {
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== null) return { ok: true, value: { text: utf8, encoding: 'utf-8' } };
    const gb = tryDecode('gb18030', bytes);
    if (gb !== null) return { ok: true, value: { text: gb, encoding: 'gb18030' } };
  }
  return {
    ok: false,
    message: `${name} 的文字编码无法识别（既不是 UTF-8，也不是 GB18030/GBK）；请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”，或在记事本中另存为 UTF-8`,
  };
}

/**
 * THE parser of JSON text in the product: every JSON document any door reads goes through here
 * (a leading BOM is dropped; a key named twice in one object is refused, see `strict-json.ts`). The error names the file. `unknown` out: validate with zod next.
 */
export function parseJsonText(text: string, name: string): ReadResult<unknown> {
  try {
    return { ok: true, value: parseStrictJson(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return {
      ok: false,
      message: `${name} 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * An age-encrypted file (binary or armored, of any version: `looksLikeAge`) given where a text
 * file is read: named as such, never decoded as text (its bytes are no encoding at all).
 */
export const ageFileInsteadOfText = (name: string): string =>
  `${name} 是 age 加密文件，不能当作文字读取：此处需要未加密的文件，请先解密`;

/**
 * An age-encrypted file given where a workbook is read (an age file named `.xlsx`): named as such
 * before the workbook reader, which would call it a broken workbook.
 */
export const ageFileInsteadOfWorkbook = (name: string): string =>
  `${name} 是 age 加密文件，不是 Excel 工作簿：此处需要未加密的工作簿（.xlsx）或 CSV，请先解密`;

/** A ZIP file's first bytes (`PK\x03\x04`): a bundle (.jbx) unencrypted, or another ZIP archive. */
export const looksLikeZip = (b: Uint8Array): boolean =>
  b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * A bundle (a ZIP file) given where a text file is read: named as a 文件包, with what the door
 * reads instead (「任务书的 JSON 文件」), never decoded as text; `kindLabel` names the bundle's kind
 * when a door could read it (「评审包」).
 */
export const bundleInsteadOfText = (name: string, wanted: string, kindLabel?: string): string =>
  `${name} 是${kindLabel ? `${kindLabel}文件包` : '文件包（ZIP 文件，如 .jbx）'}，不是${wanted}：请给出${wanted}（文件包可用 jiebang unpack 解开）`;

/**
 * Reads text bytes within `limit`: the size first, then whether it is an age file or a bundle (a
 * ZIP), then the encoding. `wanted` says what the door reads, for the refusal of a bundle.
 */
export function readText(
  bytes: Uint8Array,
  name: string,
  limit: number,
  wanted = '文字文件（JSON 或 CSV）',
): ReadResult<DecodedText> {
  const tooBig = sizeProblem(name, bytes.byteLength, limit);
  if (tooBig) return { ok: false, message: tooBig };
  if (looksLikeAge(bytes)) return { ok: false, message: ageFileInsteadOfText(name) };
  if (looksLikeZip(bytes)) {
    const kind = sniffFile(bytes);
    // A workbook or a Word file is said to be one, not called a bundle.
    return {
      ok: false,
      message:
        kind === 'bundle' || kind === 'zip'
          ? bundleInsteadOfText(name, wanted)
          : `${isKind(name, kind)}，不是${wanted}：请给出${wanted}`,
    };
  }
  return decodeText(bytes, name);
}

/** What a JSON door reads, in its refusals: 「任务书的 JSON 文件」, or 「JSON 文件」. */
export const jsonWanted = (what?: string): string => (what ? `${what}的 JSON 文件` : 'JSON 文件');

/**
 * Reads a JSON file's bytes: the size bound, the encoding, then `parseJsonText`. `what` names the
 * document the door reads (「任务书」), for the refusal of a bundle given instead.
 */
export function readJson(
  bytes: Uint8Array,
  name: string,
  limit: number = READ_LIMITS.jsonBytes,
  what?: string,
): ReadResult<unknown> {
  const text = readText(bytes, name, limit, jsonWanted(what));
  return text.ok ? parseJsonText(text.value.text, name) : text;
}

const notListed = (count: number): string => `……另有 ${count} 处问题未列出`;
const NOT_LISTED = /^\s*……另有 (\d+) 处问题未列出$/;

/**
 * At most `max` problem lines; the rest counted in one last line (「……另有 19948 处问题未列出」).
 * A list that was capped already (a reader's, capped again by the door that prints it) keeps its
 * count: the lines left out then are those it had left out plus those left out now.
 */
export function capLines(lines: readonly string[], max: number = READ_LIMITS.errorLines): string[] {
  const last = lines.at(-1);
  const before = last === undefined ? null : NOT_LISTED.exec(last);
  const hidden = before ? Number(before[1]) : 0;
  const body = before ? lines.slice(0, -1) : lines;
  if (body.length <= max) return [...lines];
  return [...body.slice(0, max), notListed(body.length - max + hidden)];
}
