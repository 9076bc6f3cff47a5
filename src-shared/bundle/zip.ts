/**
 * Reading ZIP archives defensively: the central directory is inspected *before* anything is
 * inflated, so hostile archives (path traversal, absolute paths, drive letters, backslashes,
 * duplicate or case-colliding names, symlinks, directories, encryption, ZIP64 tricks, too many
 * entries, too large in total, zip bombs) are refused by name; then entries are read one by one,
 * only those the caller asks for (a bundle asks only for what its signed manifest names), each
 * bounded by the size the directory declared and checked against its CRC-32. The archive counts
 * the bytes it has inflated, so tests can assert that a refused archive cost nothing.
 */
import { toHex, type CryptoProvider, type Hasher } from '../crypto/provider';

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

/**
 * A ZIP without its end-of-directory record: a copy cut short (a USB stick pulled too soon, a
 * download not finished) or no ZIP at all — said with what to do.
 */
export const ZIP_END_MISSING =
  'ZIP 目录结尾缺失：文件已截断（复制或下载未完成）或不是 ZIP 文件。请从U盘或原发送方重新复制完整的文件，核对大小一致后再打开';

/** A size as people read it: 1 MB, 1 KB, 512 字节. */
function sizeInWords(n: number): string {
  const MiB = 1024 * 1024;
  if (n >= MiB) return `${Number((n / MiB).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} 字节`;
}

/**
 * The refusal of an entry (or a whole archive) that inflates far past its compressed size — a
 *「ZIP 炸弹」 that would fill the disk and memory — in words, with what to do.
 */
export function zipBombRefusal(
  what: string,
  size: number,
  compressedSize: number,
  maxRatio: number,
): string {
  const ratio = Math.round(size / Math.max(1, compressedSize));
  return (
    `压缩比异常（疑似 ZIP 炸弹）：${what}解压后 ${sizeInWords(size)}，压缩后仅 ${sizeInWords(compressedSize)}，` +
    `压缩比约 ${ratio}:1，超过上限 ${maxRatio}:1，未解压。揭榜评审台导出的文件包不会如此；` +
    '请勿使用该文件，向发件方核实后请其重新导出'
  );
}

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
  /** General-purpose bit 3: the CRC-32 and sizes follow the data in a 16-byte data descriptor. */
  descriptor: boolean;
}

/** The data descriptor's signature (APPNOTE 4.3.9): PK\x07\x08. */
const DESCRIPTOR_SIG = 0x08074b50;
/** Signature, CRC-32, compressed and uncompressed size: what follows a bit-3 entry's data. */
export const DESCRIPTOR_BYTES = 16;

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

/**
 * The bytes of an archive as `inspectZip` reads them: the whole file in memory, or — for a bundle
 * read as a stream — only its headers, names and directory (entry data went by, hashed); a read
 * of anything else throws {@link NotHeld}.
 */
export interface ZipBytes {
  readonly length: number;
  u16(at: number): number;
  u32(at: number): number;
  slice(start: number, end: number): Uint8Array;
}

/** A read of archive bytes a streamed archive did not keep (the caller reads the file whole). */
export class NotHeld extends Error {
  override name = 'NotHeld';
}

function zipBytes(bytes: Uint8Array): ZipBytes {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    length: bytes.length,
    u16: (at) => view.getUint16(at, true),
    u32: (at) => view.getUint32(at, true),
    slice: (start, end) => bytes.subarray(start, end),
  };
}

/** Parses the central directory (no inflation) and applies every structural limit. */
export function inspectZip(
  input: Uint8Array | ZipBytes,
  limits: ZipLimits = DEFAULT_LIMITS,
): CentralEntry[] {
  const bytes = input instanceof Uint8Array ? zipBytes(input) : input;
  const view = { getUint16: bytes.u16, getUint32: bytes.u32 };
  const minEocd = 22;
  if (bytes.length < minEocd) throw new ZipError('zip-malformed', 'ZIP 文件过短或已截断');
  let eocd = -1;
  for (let i = bytes.length - minEocd; i >= Math.max(0, bytes.length - minEocd - 65535); i--) {
    if (view.getUint32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('zip-malformed', ZIP_END_MISSING);
  const count = view.getUint16(eocd + 10);
  const cdSize = view.getUint32(eocd + 12);
  const cdOffset = view.getUint32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new ZipError('zip-malformed', '不支持 ZIP64 归档');
  }
  if (
    view.getUint16(eocd + 4) !== 0 ||
    view.getUint16(eocd + 6) !== 0 ||
    view.getUint16(eocd + 8) !== count
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
    if (p + 46 > eocd || view.getUint32(p) !== 0x02014b50)
      throw new ZipError('zip-malformed', `ZIP 中央目录第 ${n + 1} 项损坏`);
    const madeBy = view.getUint16(p + 4);
    const flags = view.getUint16(p + 8);
    const method = view.getUint16(p + 10);
    const compressedSize = view.getUint32(p + 20);
    const size = view.getUint32(p + 24);
    const nameLen = view.getUint16(p + 28);
    const extraLen = view.getUint16(p + 30);
    const commentLen = view.getUint16(p + 32);
    const external = view.getUint32(p + 38);
    const crc = view.getUint32(p + 16);
    const diskStart = view.getUint16(p + 34);
    const internal = view.getUint16(p + 36);
    const localOffset = view.getUint32(p + 42);
    const cdFixed = bytes.slice(p + 6, p + 28); // version needed … uncompressed size
    if (p + 46 + nameLen > eocd)
      throw new ZipError('zip-malformed', `ZIP 中央目录第 ${n + 1} 项越界`);
    let name: string;
    try {
      name = decoder.decode(bytes.slice(p + 46, p + 46 + nameLen));
    } catch {
      throw new ZipError('zip-unsafe-path', `第 ${n + 1} 个条目名不是有效的 UTF-8`);
    }
    const nameBytes = bytes.slice(p + 46, p + 46 + nameLen);
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
        zipBombRefusal(`条目 ${name} `, size, compressedSize, limits.maxRatio),
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
    // Bit 3 (a data descriptor) only as our writer sets it: alone, on a stored entry.
    const descriptor = (flags & 0x8) !== 0;
    if (descriptor && (flags !== 0x8 || method !== 0))
      throw new ZipError('zip-malformed', `不支持的数据描述符用法：${name}`);
    // The local header must repeat the central directory exactly (with a data descriptor: all
    // but the CRC-32, which is 0 there and follows the data with the sizes, exactly as here).
    if (localOffset + 30 > cdOffset || view.getUint32(localOffset) !== 0x04034b50) {
      throw new ZipError('zip-malformed', `本地文件头损坏：${name}`);
    }
    const localFixed = bytes.slice(localOffset + 4, localOffset + 26);
    const localName = view.getUint16(localOffset + 26);
    const localExtra = view.getUint16(localOffset + 28);
    const sameName =
      localName === nameLen &&
      bytes.slice(localOffset + 30, localOffset + 30 + nameLen).every((b, i) => b === nameBytes[i]);
    // Bytes 10–13 of the fixed fields are the CRC-32.
    const sameFixed = localFixed.every((b, i) =>
      descriptor && i >= 10 && i < 14 ? b === 0 : b === cdFixed[i],
    );
    if (!sameName || localExtra !== 0 || !sameFixed) {
      throw new ZipError('zip-malformed', `本地文件头与中央目录不一致：${name}`);
    }
    if (descriptor) {
      const at = localOffset + 30 + nameLen + compressedSize;
      if (
        at + DESCRIPTOR_BYTES > cdOffset ||
        view.getUint32(at) !== DESCRIPTOR_SIG ||
        view.getUint32(at + 4) !== crc ||
        view.getUint32(at + 8) !== compressedSize ||
        view.getUint32(at + 12) !== size
      )
        throw new ZipError('zip-malformed', `数据描述符与中央目录不一致：${name}`);
    }
    entries.push({ name, compressedSize, size, method, crc, localOffset, descriptor });
  }
  if (total > RATIO_FLOOR && total / Math.max(1, compressedTotal) > limits.maxRatio) {
    throw new ZipError(
      'zip-limits',
      zipBombRefusal('整个文件包', total, compressedTotal, limits.maxRatio),
    );
  }
  // Entries must tile the file: no gaps, no overlaps, the directory right after the last entry,
  // and nothing after the end-of-directory record.
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== expected)
      throw new ZipError('zip-malformed', `ZIP 条目之间有多余或缺失的数据：${e.name}`);
    expected =
      e.localOffset +
      30 +
      new TextEncoder().encode(e.name).length +
      e.compressedSize +
      (e.descriptor ? DESCRIPTOR_BYTES : 0);
  }
  if (
    expected !== cdOffset ||
    cdOffset + cdSize !== eocd ||
    view.getUint16(eocd + 20) !== 0 ||
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
  /**
   * SHA-256 (hex) of one entry's bytes, after the same CRC-32 check as `read`. An archive read as
   * a stream hashed every entry as it went by, and keeps only small entries' bytes.
   */
  sha256(name: string): string;
  /** Whether `read` can give this entry's bytes (always, for an archive in memory). */
  holds(name: string): boolean;
  /** Bytes produced so far by reading entries (inflated or copied out): 0 until `read` is called. */
  readonly inflatedBytes: number;
}

/**
 * An entry's data as it is stored (deflated or not) in an archive `inspectZip` accepted: it follows
 * the local header's 30 fixed bytes and the name, since the local header repeats the central
 * directory and carries no extra field (APPNOTE 4.3.7). A view of `bytes`, not a copy.
 */
export function storedData<T extends ArrayBufferLike>(
  bytes: Uint8Array<T>,
  e: Pick<CentralEntry, 'localOffset' | 'name' | 'compressedSize'>,
): Uint8Array<T> {
  const start = e.localOffset + 30 + new TextEncoder().encode(e.name).length;
  return bytes.subarray(start, start + e.compressedSize);
}

/** The CRC-32 refusal of an entry (./zip-open.ts, and the streaming reader below). */
export const crcMismatch = (name: string) =>
  new ZipError('zip-malformed', `条目的 CRC-32 与目录不符：${name}`);

/** 2020-01-01 00:00 in MS-DOS date and time fields: every entry, every bundle. */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** One entry of an archive to write: its name, size and CRC-32. */
export interface ZipEntrySpec {
  name: string;
  size: number;
  crc: number;
  /**
   * The CRC-32 is known only after the data (a file streamed once: read, hashed and written in
   * one pass): general-purpose bit 3, CRC-32 0 in the local header (the sizes, known, are
   * there), and after the data a data descriptor (signature, CRC-32, sizes; APPNOTE 4.3.9).
   */
  descriptor?: boolean;
}

const encodeName = (name: string): Uint8Array => {
  if (!isSafeEntryPath(name)) throw new ZipError('zip-unsafe-path', `不安全的条目路径：${name}`);
  return new TextEncoder().encode(name);
};

/** Version, flags, method, time, date, CRC-32, sizes and name length: local and central alike. */
function commonFields(
  view: DataView,
  at: number,
  e: ZipEntrySpec,
  nameLength: number,
  local: boolean,
) {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, e.descriptor ? 0x8 : 0, true); // flags
  view.setUint16(at + 4, 0, true); // stored
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, local && e.descriptor ? 0 : e.crc, true);
  view.setUint32(at + 14, e.size, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, nameLength, true);
}

/** An entry's local header (for a `descriptor` entry, without its CRC-32: write it first). */
export function zipLocalHeader(e: ZipEntrySpec): Uint8Array {
  const name = encodeName(e.name);
  const header = new Uint8Array(30 + name.length);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, 0x04034b50, true);
  commonFields(hv, 4, e, name.length, true);
  header.set(name, 30);
  return header;
}

/** The data descriptor that follows a `descriptor` entry's data. */
export function zipDataDescriptor(e: ZipEntrySpec): Uint8Array {
  const out = new Uint8Array(DESCRIPTOR_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(0, DESCRIPTOR_SIG, true);
  view.setUint32(4, e.crc, true);
  view.setUint32(8, e.size, true);
  view.setUint32(12, e.size, true);
  return out;
}

/** The size of the ZIP {@link zipLayout} lays out for these entries (known before their data). */
export function zipSize(specs: readonly ZipEntrySpec[]): number {
  let size = 22;
  for (const e of specs)
    size +=
      30 + 46 + 2 * encodeName(e.name).length + e.size + (e.descriptor ? DESCRIPTOR_BYTES : 0);
  return size;
}

/**
 * The layout of a deterministic ZIP (see {@link writeZip}): each entry's local header, which
 * precedes its data, and the central directory after the last entry. Sizes are known first, so
 * the data can be streamed between the headers; a CRC-32 known only after the data goes in a
 * data descriptor (`descriptor`, {@link zipDataDescriptor}).
 */
export function zipLayout(specs: readonly ZipEntrySpec[]): {
  localHeader: (index: number) => Uint8Array;
  centralDirectory: Uint8Array;
  size: number;
} {
  const entries = specs.map((e) => ({ ...e, nameBytes: encodeName(e.name) }));
  const extra = (e: ZipEntrySpec) => (e.descriptor ? DESCRIPTOR_BYTES : 0);
  const size = zipSize(specs);
  if (size > 0xffffffff || entries.length > 0xfffe)
    throw new ZipError('zip-limits', '文件包过大：超过 ZIP 的 4 GiB 上限');
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    at += 30 + e.nameBytes.length + e.size + extra(e);
  }
  const cdOffset = at;
  let cdSize = 0;
  for (const e of entries) cdSize += 46 + e.nameBytes.length;
  const cd = new Uint8Array(cdSize + 22);
  const view = new DataView(cd.buffer);
  let p = 0;
  for (const [i, e] of entries.entries()) {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true); // made by: MS-DOS, 2.0
    commonFields(view, p + 6, e, e.nameBytes.length, false);
    view.setUint32(p + 42, offsets[i] ?? 0, true);
    cd.set(e.nameBytes, p + 46);
    p += 46 + e.nameBytes.length;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, cdSize, true);
  view.setUint32(p + 16, cdOffset, true);
  return {
    size,
    centralDirectory: cd,
    localHeader: (index) => {
      const e = specs[index];
      if (!e) throw new RangeError(`no entry ${index}`);
      return zipLocalHeader(e);
    },
  };
}

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
  const data = [...files.values()];
  const layout = zipLayout(
    [...files].map(([name, bytes]) => ({ name, size: bytes.length, crc: crypto.crc32(bytes) })),
  );
  const out = new Uint8Array(layout.size);
  let at = 0;
  data.forEach((bytes, i) => {
    const header = layout.localHeader(i);
    out.set(header, at);
    out.set(bytes, at + header.length);
    at += header.length + bytes.length;
  });
  out.set(layout.centralDirectory, at);
  return out;
}

/** Entries up to this size are kept when an archive is read as a stream; larger ones only hashed. */
export const STREAM_HOLD_BYTES = 8 * 1024 * 1024;
/** The directory and anything after the last entry, kept from a stream (else: read it whole). */
const MAX_TAIL_BYTES = 16 * 1024 * 1024;

interface Region {
  start: number;
  bytes: Uint8Array;
}

interface StreamedEntry {
  sha256: string;
  crc: number;
  data: Uint8Array | null;
}

/**
 * A forward pass over an archive's bytes (decrypted as they arrive): each stored entry's data is
 * hashed (SHA-256 and CRC-32, once) as it goes by and kept only when small; local headers, names
 * and the central directory are kept, and the data descriptor after a bit-3 entry's data. What it
 * cannot follow — a deflated entry, a directory past its bound — it gives up on, and the caller
 * reads the file whole.
 */
export class ZipStreamScanner {
  readonly #crypto: CryptoProvider;
  readonly #regions: Region[] = [];
  readonly #entries = new Map<number, StreamedEntry>();
  #length = 0;
  #state: 'header' | 'data' | 'descriptor' | 'tail' | 'lost' = 'header';
  /** The data descriptor being read (its bytes so far) and where it starts. */
  #descriptor: { bytes: Uint8Array; at: number; start: number } | null = null;
  #header: Uint8Array[] = [];
  #headerBytes = 0;
  #headerStart = 0;
  #data: {
    remaining: number;
    hasher: Hasher;
    crc: number;
    kept: Uint8Array | null;
    at: number;
    descriptor: boolean;
  } | null = null;
  #tail: Uint8Array[] = [];
  #tailBytes = 0;

  constructor(crypto: CryptoProvider) {
    this.#crypto = crypto;
  }

  /** Feeds the next bytes (copied where kept: the caller may reuse its buffer). */
  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.#state === 'lost') break;
      if (this.#state === 'tail') {
        this.#keepTail(chunk.subarray(i));
        break;
      }
      if (this.#state === 'data' && this.#data) {
        const d = this.#data;
        const piece = chunk.subarray(i, i + Math.min(d.remaining, chunk.length - i));
        d.hasher.update(piece);
        d.crc = this.#crypto.crc32(piece, d.crc);
        d.kept?.set(piece, d.at);
        d.at += piece.length;
        d.remaining -= piece.length;
        i += piece.length;
        if (d.remaining === 0) this.#completeEntry(this.#length + i);
        continue;
      }
      if (this.#state === 'descriptor' && this.#descriptor) {
        const dd = this.#descriptor;
        const piece = chunk.subarray(i, i + Math.min(DESCRIPTOR_BYTES - dd.at, chunk.length - i));
        dd.bytes.set(piece, dd.at);
        dd.at += piece.length;
        i += piece.length;
        if (dd.at === DESCRIPTOR_BYTES) {
          // Kept for the directory's check (inspectZip compares it with the central record).
          this.#regions.push({ start: dd.start, bytes: dd.bytes });
          this.#descriptor = null;
          this.#state = 'header';
          this.#headerStart = dd.start + DESCRIPTOR_BYTES;
        }
        continue;
      }
      i += this.#readHeader(chunk.subarray(i));
      if (this.#state === 'data' && this.#data?.remaining === 0)
        this.#completeEntry(this.#length + i);
    }
    this.#length += chunk.length;
  }

  /** The entry whose data ends at `end` (absolute) is hashed: keep its digests, await a header. */
  #completeEntry(end: number): void {
    const d = this.#data;
    if (!d) return;
    this.#entries.set(this.#headerStart, {
      sha256: toHex(d.hasher.digest()),
      crc: d.crc >>> 0,
      data: d.kept,
    });
    if (d.kept && d.kept.length > 0)
      this.#regions.push({ start: end - d.kept.length, bytes: d.kept });
    this.#data = null;
    if (d.descriptor) {
      this.#state = 'descriptor';
      this.#descriptor = { bytes: new Uint8Array(DESCRIPTOR_BYTES), at: 0, start: end };
      return;
    }
    this.#state = 'header';
    this.#headerStart = end;
  }

  /** Consumes header bytes; returns how many. Switches to data, tail or lost. */
  #readHeader(bytes: Uint8Array): number {
    const need = (n: number) => Math.max(0, n - this.#headerBytes);
    let take = Math.min(bytes.length, need(30));
    if (this.#headerBytes < 30) {
      this.#header.push(bytes.slice(0, take));
      this.#headerBytes += take;
      if (this.#headerBytes >= 4 && this.#headerBytes - take < 4) {
        const sig = this.#joinedHeader().subarray(0, 4);
        if (!(sig[0] === 0x50 && sig[1] === 0x4b && sig[2] === 0x03 && sig[3] === 0x04)) {
          // Not a local header: the central directory (or whatever follows) starts here.
          const held = this.#joinedHeader();
          this.#header = [];
          this.#headerBytes = 0;
          this.#state = 'tail';
          this.#tailStart = this.#headerStart;
          this.#keepTail(held);
          return take;
        }
      }
      if (this.#headerBytes < 30) return take;
    }
    const fixed = this.#joinedHeader();
    const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
    const total = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const more = Math.min(bytes.length - take, need(total));
    if (more > 0) {
      this.#header.push(bytes.slice(take, take + more));
      this.#headerBytes += more;
      take += more;
    }
    if (this.#headerBytes < total) return take;
    const header = this.#joinedHeader();
    const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
    const flags = hv.getUint16(6, true);
    const method = hv.getUint16(8, true);
    const size = hv.getUint32(18, true);
    this.#regions.push({ start: this.#headerStart, bytes: header });
    this.#header = [];
    this.#headerBytes = 0;
    // A stored entry's size is in its local header, with or without a data descriptor after it.
    if (method !== 0 || size !== hv.getUint32(22, true)) {
      this.#state = 'lost';
      return bytes.length;
    }
    this.#data = {
      remaining: size,
      hasher: this.#crypto.sha256(size),
      crc: 0,
      kept: size <= STREAM_HOLD_BYTES ? new Uint8Array(size) : null,
      at: 0,
      descriptor: (flags & 0x8) !== 0,
    };
    this.#state = 'data';
    return take;
  }

  #tailStart = 0;

  #joinedHeader(): Uint8Array {
    if (this.#header.length === 1 && this.#header[0]) return this.#header[0];
    const out = new Uint8Array(this.#headerBytes);
    let at = 0;
    for (const part of this.#header) {
      out.set(part, at);
      at += part.length;
    }
    this.#header = [out];
    return out;
  }

  #keepTail(bytes: Uint8Array): void {
    this.#tailBytes += bytes.length;
    if (this.#tailBytes > MAX_TAIL_BYTES) {
      this.#state = 'lost';
      this.#tail = [];
      return;
    }
    this.#tail.push(bytes.slice());
  }

  /**
   * The archive as far as the pass kept it: null when it gave up (read the file whole instead).
   * Entries are checked against the directory exactly as for an archive in memory.
   */
  finish(limits: ZipLimits = DEFAULT_LIMITS): ZipArchive | null {
    if (this.#state === 'lost' || this.#state === 'data' || this.#state === 'descriptor')
      return null;
    if (this.#state === 'header' && this.#headerBytes > 0) {
      // The file ended inside what looked like a header: keep it as the tail.
      this.#tailStart = this.#headerStart;
      this.#keepTail(this.#joinedHeader());
    }
    if (this.#tailBytes > 0) {
      const tail = new Uint8Array(this.#tailBytes);
      let at = 0;
      for (const part of this.#tail) {
        tail.set(part, at);
        at += part.length;
      }
      this.#regions.push({ start: this.#tailStart, bytes: tail });
    }
    const regions = [...this.#regions].sort((a, b) => a.start - b.start);
    const slice = (start: number, end: number): Uint8Array => {
      let lo = 0;
      let hi = regions.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = regions[mid];
        if (!r) break;
        if (r.start > start) hi = mid - 1;
        else if (r.start + r.bytes.length < end) lo = mid + 1;
        else return r.bytes.subarray(start - r.start, end - r.start);
      }
      throw new NotHeld(`bytes ${start}–${end} went by unkept`);
    };
    const u = (at: number, n: 2 | 4) => {
      const b = slice(at, at + n);
      return n === 2
        ? (b[0] ?? 0) | ((b[1] ?? 0) << 8)
        : new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
    };
    const bytes: ZipBytes = {
      length: this.#length,
      u16: (at) => u(at, 2),
      u32: (at) => u(at, 4),
      slice,
    };
    const entries = new Map(inspectZip(bytes, limits).map((e) => [e.name, e]));
    const streamed = this.#entries;
    let inflated = 0;
    const checked = (name: string): StreamedEntry => {
      const e = entries.get(name);
      if (!e) throw new ZipError('zip-malformed', `ZIP 中没有条目：${name}`);
      const s = streamed.get(e.localOffset);
      if (!s) throw new NotHeld(name);
      if (s.crc !== e.crc) throw crcMismatch(e.name);
      return s;
    };
    return {
      entries,
      get inflatedBytes() {
        return inflated;
      },
      holds: (name) => Boolean(streamed.get(entries.get(name)?.localOffset ?? -1)?.data),
      sha256: (name) => checked(name).sha256,
      read(name) {
        const s = checked(name);
        if (!s.data) throw new NotHeld(name);
        inflated += s.data.length;
        return s.data;
      },
    };
  }
}
