/**
 * An archive in memory opened for reading (`openZip`), its deflated entries inflated by fflate
 * within the sizes its directory declares. Apart from ./zip.ts because fflate builds its Huffman
 * tables when its module is evaluated (≈ 5 % of `jiebang verify`'s CPU, issue 22), and the
 * streaming open that main and the CLI use (`openBundleStream`) reads only stored entries, as every
 * bundle we write has: `openBundle` imports this module when it runs.
 */
import { Inflate } from 'fflate';
import { toHex, type CryptoProvider } from '../crypto/provider';
import {
  crcMismatch,
  DEFAULT_LIMITS,
  inspectZip,
  storedData,
  ZipError,
  type ZipArchive,
  type ZipLimits,
} from './zip';

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
  const read = new Map<string, Uint8Array>();
  const archive: ZipArchive = {
    entries,
    get inflatedBytes() {
      return inflated;
    },
    holds: (name) => entries.has(name),
    sha256: (name) => {
      const h = crypto.sha256();
      h.update(archive.read(name));
      return toHex(h.digest());
    },
    read(name) {
      const e = entries.get(name);
      if (!e) throw new ZipError('zip-malformed', `ZIP 中没有条目：${name}`);
      const known = read.get(name);
      if (known) return known;
      const data = storedData(bytes, e);
      const out = e.method === 0 ? data : inflateBounded(data, e.size, e.name);
      inflated += out.byteLength;
      if (crypto.crc32(out) !== e.crc) throw crcMismatch(e.name);
      read.set(name, out); // each entry is inflated and checked once
      return out;
    },
  };
  return archive;
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
