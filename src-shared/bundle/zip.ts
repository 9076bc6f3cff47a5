/**
 * Reading ZIP archives defensively: the central directory is inspected *before* anything is
 * inflated, so hostile archives (path traversal, absolute paths, drive letters, backslashes,
 * duplicate or case-colliding names, symlinks, directories, encryption, ZIP64 tricks, too many
 * entries, too large, zip bombs) are refused by name. Inflation itself is fflate's.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest uncompressed / compressed ratio for entries above 1 MiB uncompressed. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
};

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

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
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
    if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > limits.maxRatio) {
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

/** Inspects, then inflates; every entry's inflated size must equal what the directory declared. */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_LIMITS,
): Map<string, Uint8Array> {
  const entries = inspectZip(bytes, limits);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ZipError(
      'zip-malformed',
      `ZIP 数据损坏：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const out = new Map<string, Uint8Array>();
  for (const e of entries) {
    const data = files[e.name];
    if (!data || data.length !== e.size)
      throw new ZipError('zip-malformed', `条目数据与目录不符：${e.name}`);
    out.set(e.name, data);
  }
  if (Object.keys(files).length !== entries.length)
    throw new ZipError('zip-malformed', '本地文件头与中央目录不一致');
  return out;
}

/**
 * Writes a deterministic ZIP: fixed timestamps, every entry *stored* (not deflated). Proposals
 * and photos are compressed already and the JSON is small; stored entries leave no deflate
 * padding bits that could be flipped unnoticed, so every byte of a bundle we write is covered
 * by a check, and no bundle of ours can be a zip bomb.
 */
export function writeZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const input: Zippable = {};
  for (const [name, data] of files) {
    if (!isSafeEntryPath(name)) throw new ZipError('zip-unsafe-path', `不安全的条目路径：${name}`);
    input[name] = [data, { level: 0, mtime: new Date('2020-01-01T00:00:00Z') }];
  }
  return zipSync(input);
}
