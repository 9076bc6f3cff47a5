/**
 * Reading ZIP archives defensively: the central directory is inspected *before* anything is
 * inflated, so hostile archives (path traversal, absolute paths, drive letters, backslashes,
 * duplicate or case-colliding names, symlinks, directories, encryption, ZIP64 tricks, too many
 * entries, too large in total, zip bombs) are refused by name; then entries are read one by one,
 * only those the caller asks for (a bundle asks only for what its signed manifest names), each
 * bounded by the size the directory declared and checked against its CRC-32. The archive counts
 * the bytes it has inflated, so tests can assert that a refused archive cost nothing.
 */
import { Inflate } from 'fflate';
import type { CryptoProvider } from '../crypto/provider';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  /** Total uncompressed size of all entries, from the central directory. */
  maxTotalBytes: number;
  /**
   * Largest uncompressed / compressed ratio, for each entry over {@link RATIO_FLOOR} bytes and
   * for the archive as a whole (deflate cannot exceed 1032:1; our writer stores, 1:1).
   */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
};

/** Entries smaller than this are not held to the ratio (tiny JSON compresses well). */
export const RATIO_FLOOR = 64 * 1024;

export type ZipErrorCode =
  'zip-malformed' | 'zip-unsafe-path' | 'zip-duplicate' | 'zip-link' | 'zip-limits';

export class ZipError extends Error {
  override name = 'ZipError';
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface CentralEntry {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  crc: number;
  localOffset: number;
}

const SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** A path that can be written anywhere without escaping: relative, plain characters, no dot segments. */
export function isSafeEntryPath(name: string): boolean {
  if (name.length === 0 || name.length > 255 || !SAFE_PATH.test(name)) return false;
  return name.split('/').every((seg) => seg !== '.' && seg !== '..');
}

function describePath(name: string): string {
  if (name.startsWith('/') || name.startsWith('\\')) return '绝对路径';
  if (/^[A-Za-z]:/.test(name)) return '盘符路径';
  if (name.includes('\\')) return '反斜杠路径';
  if (name.split(/[/\\]/).includes('..')) return '路径穿越（../）';
  if (name.endsWith('/')) return '目录条目';
  return '非法字符';
}

/** Parses the central directory (no inflation) and applies every structural limit. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEocd = 22;
  if (bytes.length < minEocd) throw new ZipError('zip-malformed', 'ZIP 文件过短或已截断');
  let eocd = -1;
  for (let i = bytes.length - minEocd; i >= Math.max(0, bytes.length - minEocd - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('zip-malformed', 'ZIP 目录结尾缺失：文件已截断或不是 ZIP');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new ZipError('zip-malformed', '不支持 ZIP64 归档');
  }
  if (
    view.getUint16(eocd + 4, true) !== 0 ||
    view.getUint16(eocd + 6, true) !== 0 ||
    view.getUint16(eocd + 8, true) !== count
  ) {
    throw new ZipError('zip-malformed', '不支持分卷 ZIP');
  }
  if (count > limits.maxEntries)
    throw new ZipError('zip-limits', `条目过多：${count} 个（上限 ${limits.maxEntries}）`);
  if (cdOffset + cdSize > eocd) throw new ZipError('zip-malformed', 'ZIP 中央目录越界');
  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let compressedTotal = 0;
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50)
      throw new ZipError('zip-malformed', `ZIP 中央目录第 ${n + 1} 项损坏`);
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const crc = view.getUint32(p + 16, true);
    const diskStart = view.getUint16(p + 34, true);
    const internal = view.getUint16(p + 36, true);
    const localOffset = view.getUint32(p + 42, true);
    const cdFixed = bytes.subarray(p + 6, p + 28); // version needed … uncompressed size
    if (p + 46 + nameLen > eocd)
      throw new ZipError('zip-malformed', `ZIP 中央目录第 ${n + 1} 项越界`);
    let name: string;
    try {
      name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw new ZipError('zip-unsafe-path', `第 ${n + 1} 个条目名不是有效的 UTF-8`);
    }
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const unixMode = (external >>> 16) & 0o170000;
    if (madeBy >> 8 === 3 && unixMode === 0o120000)
      throw new ZipError('zip-link', `拒绝符号链接条目：${name}`);
    if (!isSafeEntryPath(name))
      throw new ZipError(
        'zip-unsafe-path',
        `拒绝不安全的条目路径（${describePath(name)}）：${name}`,
      );
    if (flags & 1) throw new ZipError('zip-malformed', `不支持加密的 ZIP 条目：${name}`);
    if (method !== 0 && method !== 8)
      throw new ZipError('zip-malformed', `不支持的压缩方式 ${method}：${name}`);
    const folded = name.toLowerCase();
    if (seen.has(folded)) throw new ZipError('zip-duplicate', `重复的条目名：${name}`);
    seen.add(folded);
    if (size > limits.maxEntryBytes)
      throw new ZipError('zip-limits', `条目过大：${name}（${size} 字节）`);
    total += size;
    if (total > limits.maxTotalBytes)
      throw new ZipError('zip-limits', `解压后总大小超过上限 ${limits.maxTotalBytes} 字节`);
    compressedTotal += compressedSize;
    if (size > RATIO_FLOOR && size / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new ZipError(
        'zip-limits',
        `压缩比异常（疑似 ZIP 炸弹）：${name} ${size}/${compressedSize}`,
      );
    }
    if (method === 0 && size !== compressedSize)
      throw new ZipError('zip-malformed', `未压缩条目大小不一致：${name}`);
    // Fields only the central directory holds must be exactly what a bundle writer puts there,
    // so that no byte of the archive can change unnoticed.
    if (
      (madeBy & 0xff) !== 20 ||
      madeBy >> 8 !== 0 ||
      extraLen !== 0 ||
      commentLen !== 0 ||
      diskStart !== 0 ||
      internal !== 0 ||
      external !== 0
    ) {
      throw new ZipError('zip-malformed', `ZIP 中央目录含有意外字段：${name}`);
    }
    if (flags & 0x8) throw new ZipError('zip-malformed', `不支持数据描述符：${name}`);
    // The local header must repeat the central directory exactly.
    if (localOffset + 30 > cdOffset || view.getUint32(localOffset, true) !== 0x04034b50) {
      throw new ZipError('zip-malformed', `本地文件头损坏：${name}`);
    }
    const localFixed = bytes.subarray(localOffset + 4, localOffset + 26);
    const localName = view.getUint16(localOffset + 26, true);
    const localExtra = view.getUint16(localOffset + 28, true);
    const sameName =
      localName === nameLen &&
      bytes
        .subarray(localOffset + 30, localOffset + 30 + nameLen)
        .every((b, i) => b === nameBytes[i]);
    if (!sameName || localExtra !== 0 || !localFixed.every((b, i) => b === cdFixed[i])) {
      throw new ZipError('zip-malformed', `本地文件头与中央目录不一致：${name}`);
    }
    entries.push({ name, compressedSize, size, method, crc, localOffset });
  }
  if (total > RATIO_FLOOR && total / Math.max(1, compressedTotal) > limits.maxRatio) {
    throw new ZipError(
      'zip-limits',
      `压缩比异常（疑似 ZIP 炸弹）：解压后共 ${total} 字节，压缩数据仅 ${compressedTotal} 字节`,
    );
  }
  // Entries must tile the file: no gaps, no overlaps, the directory right after the last entry,
  // and nothing after the end-of-directory record.
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== expected)
      throw new ZipError('zip-malformed', `ZIP 条目之间有多余或缺失的数据：${e.name}`);
    expected = e.localOffset + 30 + new TextEncoder().encode(e.name).length + e.compressedSize;
  }
  if (
    expected !== cdOffset ||
    cdOffset + cdSize !== eocd ||
    view.getUint16(eocd + 20, true) !== 0 ||
    eocd + 22 !== bytes.length
  ) {
    throw new ZipError('zip-malformed', 'ZIP 结构不完整或含有多余数据');
  }
  return entries;
}

/** An archive whose directory has passed {@link inspectZip}; entries are read on demand. */
export interface ZipArchive {
  /** The central directory, by entry name (archive order). */
  readonly entries: ReadonlyMap<string, CentralEntry>;
  /**
   * One entry's bytes (stored entries are views into the archive), inflated within the size the
   * directory declared and checked against its CRC-32.
   * @throws {ZipError} `zip-malformed` when the data does not match the directory.
   */
  read(name: string): Uint8Array;
  /** Bytes produced so far by reading entries (inflated or copied out): 0 until `read` is called. */
  readonly inflatedBytes: number;
}

function inflateBounded(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (at + chunk.length > size)
      throw new ZipError('zip-limits', `条目解压后超过目录声明的大小：${name}`);
    out.set(chunk, at);
    at += chunk.length;
    if (final) ended = true;
  });
  try {
    // Small pieces: deflate inflates at most ~1,032× its input, so no push can run away.
    for (let i = 0; i < data.length; i += 1024)
      inflater.push(data.subarray(i, i + 1024), i + 1024 >= data.length);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(
      'zip-malformed',
      `ZIP 数据损坏：${name}（${error instanceof Error ? error.message : String(error)}）`,
    );
  }
  if (!ended || at !== size) throw new ZipError('zip-malformed', `条目数据与目录不符：${name}`);
  return out;
}

/** Inspects the directory (nothing inflated) and returns a reader for the entries. */
export function openZip(
  bytes: Uint8Array,
  crypto: CryptoProvider,
  limits: ZipLimits = DEFAULT_LIMITS,
): ZipArchive {
  const entries = new Map(inspectZip(bytes, limits).map((e) => [e.name, e]));
  let inflated = 0;
  const encoder = new TextEncoder();
  return {
    entries,
    get inflatedBytes() {
      return inflated;
    },
    read(name) {
      const e = entries.get(name);
      if (!e) throw new ZipError('zip-malformed', `ZIP 中没有条目：${name}`);
      const start = e.localOffset + 30 + encoder.encode(e.name).length;
      const data = bytes.subarray(start, start + e.compressedSize);
      const out = e.method === 0 ? data : inflateBounded(data, e.size, e.name);
      inflated += out.byteLength;
      if (crypto.crc32(out) !== e.crc)
        throw new ZipError('zip-malformed', `条目的 CRC-32 与目录不符：${e.name}`);
      return out;
    },
  };
}

/** Inspects, then reads every entry (for tests and tools that want the whole archive). */
export function readZip(
  bytes: Uint8Array,
  crypto: CryptoProvider,
  limits: ZipLimits = DEFAULT_LIMITS,
): Map<string, Uint8Array> {
  const zip = openZip(bytes, crypto, limits);
  return new Map([...zip.entries.keys()].map((name) => [name, zip.read(name)]));
}

/** 2020-01-01 00:00 in MS-DOS date and time fields: every entry, every bundle. */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * Writes a deterministic ZIP: fixed timestamps, every entry *stored* (not deflated), no extra
 * fields. Proposals and photos are compressed already and the JSON is small; stored entries
 * leave no deflate padding bits that could be flipped unnoticed, so every byte of a bundle we
 * write is covered by a check, and no bundle of ours can be a zip bomb. CRC-32 comes from the
 * provider (zlib's in Node).
 */
export function writeZip(
  files: ReadonlyMap<string, Uint8Array>,
  crypto: CryptoProvider,
): Uint8Array {
  const encoder = new TextEncoder();
  const entries = [...files].map(([name, data]) => {
    if (!isSafeEntryPath(name)) throw new ZipError('zip-unsafe-path', `不安全的条目路径：${name}`);
    return { name: encoder.encode(name), data, crc: crypto.crc32(data) };
  });
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * e.name.length + e.data.length;
  if (size > 0xffffffff || entries.length > 0xfffe)
    throw new ZipError('zip-limits', '文件包过大：超过 ZIP 的 4 GiB 上限');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  // Local header and central record share version, flags, method, time, date, CRC and sizes.
  const common = (at: number, e: (typeof entries)[number]) => {
    view.setUint16(at, 20, true); // version needed: 2.0
    view.setUint16(at + 2, 0, true); // flags
    view.setUint16(at + 4, 0, true); // stored
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.data.length, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const cdOffset = at;
  for (const [i, e] of entries.entries()) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    common(at + 6, e);
    view.setUint32(at + 42, offsets[i] ?? 0, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - cdOffset, true);
  view.setUint32(at + 16, cdOffset, true);
  return out;
}
