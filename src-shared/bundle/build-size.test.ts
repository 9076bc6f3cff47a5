/**
 * The bound on one file (src-shared/io/file-size.ts, MAX_FILE_BYTES) at the builder: a bundle
 * whose file would pass it is refused from the declared sizes, before a byte of the payload is
 * read and before anything is given to the sink — so `jiebang pack` and main never write what
 * `verify`, `unpack`, `import` and the app refuse. The large files are stand-ins that only say
 * their size (`PayloadSource`, the builder's own seam): nothing of them is made or read.
 */
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../crypto/age';
import { generateSigningKey } from '../crypto/keys';
import { sha256HexWith } from '../crypto/provider';
import { MAX_FILE_BYTES } from '../io/file-size';
import { samplePackage } from '../sample-fixture';
import { buildBundleStream, BundleBuildError, reviewPackageSpec, type PayloadFile } from './build';
import { crypto } from './test-helpers';

const MB = 1024 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);

class Read extends Error {}

/** A payload file of `size` bytes that is never made: reading it throws `Read`. */
const unread = (size: number) => ({
  size,
  reads: 0,
  chunks(): Iterable<Uint8Array> {
    this.reads++;
    throw new Read(`read ${size}`);
  },
});

/** The sample package, its attachments small bytes except those given as `sized` stand-ins. */
function pack(sized: ReadonlyMap<number, number | Uint8Array> = new Map()) {
  const pkg = samplePackage();
  const files = new Map<string, PayloadFile>();
  const attachments = pkg.applicants.flatMap((a) => a.attachments);
  attachments.forEach((att, i) => {
    const given = sized.get(i);
    const bytes = given instanceof Uint8Array ? given : encode(`%PDF-1.4 stand-in ${att.name}`);
    att.sha256 = sha256HexWith(crypto, bytes);
    att.size = typeof given === 'number' ? given : bytes.byteLength;
    files.set(
      att.path,
      typeof given === 'number'
        ? unread(given)
        : // Streamed like a file on disk (ZIP data descriptor), as jiebang pack gives them.
          { size: bytes.byteLength, chunks: () => [bytes] },
    );
  });
  return { pkg, files, paths: attachments.map((a) => a.path) };
}

async function build(
  sized: ReadonlyMap<number, number | Uint8Array>,
  encryptTo?: { recipient: string },
) {
  const { pkg, files, paths } = pack(sized);
  const pieces: Uint8Array[] = [];
  let bytes = 0;
  const result = await buildBundleStream(
    {
      crypto,
      ...reviewPackageSpec({ pkg, secretKey: key.secretKey, counter: 1 }),
      files,
      createdAt: '2026-12-01T09:00:00+08:00',
      ...(encryptTo ? { encryptTo } : {}),
    },
    (piece) => {
      pieces.push(piece);
      bytes += piece.byteLength;
    },
  ).then(
    () => null,
    (error: unknown) => error,
  );
  return { result, bytes, pieces: pieces.length, files, paths };
}

const key = generateSigningKey();

describe('a bundle past the bound on one file', () => {
  it('is refused exactly past MAX_FILE_BYTES, before a byte is read or written', async () => {
    // The same bundle with its first attachment 1,000 real bytes: its file's size, built.
    const real = new Uint8Array(1000).fill(7);
    const small = await build(new Map([[0, real]]));
    expect(small.result).toBeNull();
    // The file grows byte for byte with the attachment, and the package's JSON by the digits of
    // its registered size (1000 → 9 digits).
    const atBound = 1000 + (MAX_FILE_BYTES - small.bytes) - (9 - 4);
    expect(String(atBound)).toHaveLength(9);

    // Exactly the bound: past the check, the attachment is read (and refuses to be, here).
    const within = await build(new Map([[0, atBound]]));
    expect(within.result).toBeInstanceOf(Read);

    // One byte more: refused by name, the attachment unread, nothing given to the sink.
    const past = await build(new Map([[0, atBound + 1]]));
    expect(past.result).toBeInstanceOf(BundleBuildError);
    expect(past.pieces).toBe(0);
    const source = past.files.get(past.paths[0] ?? '');
    expect(source && 'reads' in source ? source.reads : -1).toBe(0);
    const message = past.result instanceof Error ? past.result.message : '';
    expect(message).toContain(`（${MAX_FILE_BYTES + 1} 字节），超过单个文件 256 MB 的上限`);
    expect(message).toContain(past.paths[0]);
    expect(message).toContain('未签名，未写出文件');
    expect(message).toMatch(/^评审包文件将有 256\.0 MB/);

    // age's header and tags count too: the ZIP exactly at the bound makes an age file past it.
    const { recipient } = await generateAgeIdentity();
    const sealed = await build(new Map([[0, atBound]]), { recipient });
    expect(sealed.result).toBeInstanceOf(BundleBuildError);
    expect(sealed.pieces).toBe(0);
  });

  it('counts every file: two of 150 MB are refused together, both named, with their total', async () => {
    const both = await build(
      new Map([
        [0, 150 * MB],
        [1, 150 * MB],
      ]),
    );
    expect(both.result).toBeInstanceOf(BundleBuildError);
    const message = both.result instanceof Error ? both.result.message : '';
    expect(message).toMatch(/^评审包文件将有 300\.0 MB（\d+ 字节），超过单个文件 256 MB 的上限/);
    expect(message).toContain(`最大的是 ${both.paths[0]}（150 MB）、${both.paths[1]}（150 MB）、`);
    expect(message).toMatch(/所含 \d+ 个文件共 300\.0 MB/);
    expect(message).toContain('请减少或压缩附件后重新打包');
    expect(both.pieces).toBe(0);
  });
});
