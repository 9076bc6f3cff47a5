import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import {
  buildBundle,
  openBundle,
  openBundleStream,
  STREAM_HOLD_BYTES,
  type OpenResult,
} from '../../src-shared/bundle';
import { inspectZip } from '../../src-shared/bundle/zip';
import { KIND_SAMPLES } from '../../src-shared/bundle/test-helpers';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { generatePanel } from '../../src-shared/sample/generate';
import { buildBundleFile, fileSource, openBundleFile } from './bundle-files';
import { hashWorkerJobs } from './hash-worker';
import { nodeCrypto } from './node-crypto';

let dir = '';
const bureau = generateSigningKey();
const createdAt = '2026-12-01T09:00:00+08:00';
/** One attachment above the size a streamed open keeps, two below. */
const sizes = [STREAM_HOLD_BYTES + 12_345, 70_000, 0];
const attachment = (i: number) => {
  const b = new Uint8Array(sizes[i] ?? 0);
  for (let j = 0; j < b.length; j += 4096) b[j] = (i * 31 + j) & 0xff;
  return b;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jb-files-'));
  for (let i = 0; i < sizes.length; i++) await writeFile(join(dir, `a${i}.pdf`), attachment(i));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A package that registers no attachment (the checks of registered ones are the kinds' tests'). */
const { pkg } = generatePanel({ experts: 7, applicants: 4, criteria: 4 });

const input = () => ({
  kind: 'review-package' as const,
  bundleId: 'RP-FILES-1',
  subject: { type: 'package' as const, id: pkg.packageId },
  signers: [
    {
      role: 'bureau' as const,
      id: 'bureau',
      name: '局',
      secretKey: bureau.secretKey,
      counter: 1,
      audit: EMPTY_HEAD,
    },
  ] as const,
  document: pkg,
  createdAt,
});

/** The attachments as sources on disk (read once, streamed into the bundle). */
const sources = async () =>
  new Map(
    await Promise.all(
      sizes.map(
        async (_, i) =>
          [`attachments/a${i}.pdf`, await fileSource(join(dir, `a${i}.pdf`))] as const,
      ),
    ),
  );

/** What a caller sees of a result, apart from the bytes a streamed open does not keep. */
const seen = (r: OpenResult) =>
  r.ok
    ? {
        ok: true,
        checks: r.bundle.checks,
        manifestSha256: r.bundle.manifestSha256,
        fileSha256: r.bundle.fileSha256,
        sizes: [...r.bundle.sizes],
        summary: r.bundle.summary,
      }
    : { ok: false, error: r.error, checks: r.checks };

describe('bundles as files: built and opened as streams with bounded memory', () => {
  it('builds from files on disk in one pass (data descriptors) what opens as buildBundle from memory', async () => {
    const out = join(dir, 'rp.jbx');
    await buildBundleFile({ ...input(), files: await sources() }, out);
    const inMemory = await buildBundle({
      ...input(),
      crypto: nodeCrypto,
      files: new Map(sizes.map((_, i) => [`attachments/a${i}.pdf`, attachment(i)])),
    });
    const written = new Uint8Array(await readFile(out));
    // The attachments, read once from disk, come first, each with a data descriptor after it;
    // the manifest, signed over their hashes, after them. From memory: no descriptor.
    const entries = inspectZip(written);
    expect(entries.map((e) => [e.name, e.descriptor])).toEqual([
      ...sizes.map((_, i) => [`attachments/a${i}.pdf`, true]),
      ['manifest.json', false],
      ['signatures/1.sig', false],
      ['signatures/1.pem', false],
      ['SHA256SUMS', false],
      ['package.json', false],
    ]);
    expect(inspectZip(inMemory).some((e) => e.descriptor)).toBe(false);
    // Everything but the archive's own bytes is the same: the manifest (hence the signature),
    // every check, every size.
    const fromDisk = await openBundle(written, { crypto: nodeCrypto });
    const fromMemory = await openBundle(inMemory, { crypto: nodeCrypto });
    expect({ ...seen(fromDisk), fileSha256: '' }).toEqual({ ...seen(fromMemory), fileSha256: '' });
    const streamed = await openBundleStream([written], { crypto: nodeCrypto });
    expect(streamed && seen(streamed)).toEqual(seen(fromDisk));
    expect((await readdir(dir)).filter((n) => n.endsWith('.part'))).toEqual([]);
    // The standard tools alone: unzip's CRC check, sha256sum over the payload.
    execFileSync('unzip', ['-tqq', out]);
    execFileSync('unzip', ['-qo', out, '-d', join(dir, 'x')]);
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: join(dir, 'x') });
  });

  it('opens in one pass what openBundle opens, keeping only the small entries', async () => {
    const files = new Map(sizes.map((_, i) => [`attachments/a${i}.pdf`, attachment(i)]));
    const { identity, recipient } = await generateAgeIdentity();
    for (const encryptTo of [undefined, { recipient }]) {
      const out = join(dir, encryptTo ? 'enc.jbx' : 'plain.jbx');
      // Sealed: from the files on disk (one pass, data descriptors); plain: from memory.
      await buildBundleFile(
        {
          ...input(),
          files: encryptTo ? await sources() : files,
          ...(encryptTo ? { encryptTo } : {}),
        },
        out,
      );
      if (encryptTo) {
        await writeFile(join(dir, 'id.txt'), `${identity}\n`);
        execFileSync('age', ['-d', '-i', join(dir, 'id.txt'), '-o', join(dir, 'dec.zip'), out]);
        execFileSync('unzip', ['-tqq', join(dir, 'dec.zip')]);
      }
      const bytes = new Uint8Array(await readFile(out));
      const keys = [{ identity }];
      const whole = await openBundle(bytes, { crypto: nodeCrypto, keys });
      const streamed = await openBundleStream(
        (function* () {
          for (let i = 0; i < bytes.length; i += 100_003) yield bytes.subarray(i, i + 100_003);
        })(),
        { crypto: nodeCrypto, keys },
      );
      if (!streamed?.ok || !whole.ok) throw new Error('not opened');
      expect(seen(streamed)).toEqual(seen(whole));
      expect([...streamed.bundle.files.keys()]).toEqual(
        [...whole.bundle.files.keys()].filter((p) => p !== 'attachments/a0.pdf'),
      );
      expect(seen(await openBundleFile(out, { keys }))).toEqual(seen(whole));
    }
  });

  it('a refusal is the whole-file refusal, message for message', async () => {
    const files = new Map(sizes.map((_, i) => [`attachments/a${i}.pdf`, attachment(i)]));
    const good = await buildBundle({ ...input(), crypto: nodeCrypto, files });
    const { identity, recipient } = await generateAgeIdentity();
    const sealed = await buildBundle({
      ...input(),
      crypto: nodeCrypto,
      files,
      encryptTo: { recipient },
    });
    const flipped = (b: Uint8Array, at: number) => {
      const c = b.slice();
      c[at] = (c[at] ?? 0) ^ 1;
      return c;
    };
    // Built from files: bit 3 entries; their descriptors and zeroed local CRC-32s are checked.
    const out = join(dir, 'described.jbx');
    await buildBundleFile({ ...input(), files: await sources() }, out);
    const described = new Uint8Array(await readFile(out));
    const first = inspectZip(described)[0];
    if (!first?.descriptor) throw new Error('no data descriptor');
    const descriptorAt = first.localOffset + 30 + first.name.length + first.size;
    const cases: [string, Uint8Array][] = [
      ['a data descriptor’s CRC-32', flipped(described, descriptorAt + 5)],
      ['a data descriptor’s signature', flipped(described, descriptorAt)],
      ['a data descriptor’s size', flipped(described, descriptorAt + 12)],
      ['the zero CRC-32 of a local header with bit 3', flipped(described, first.localOffset + 14)],
      ['the bit 3 of a local header', flipped(described, first.localOffset + 6)],
      ['a byte of a described attachment', flipped(described, first.localOffset + 100)],
      ['a byte of the large attachment', flipped(good, 5000)],
      ['a byte of the directory', flipped(good, good.length - 30)],
      ['a byte of the manifest', flipped(good, 60)],
      ['cut short', good.subarray(0, good.length - 100)],
      ['encrypted, a byte of a chunk', flipped(sealed, 300_000)],
      ['encrypted, cut short', sealed.subarray(0, sealed.length - 70_000)],
      ['encrypted, no key', sealed],
    ];
    for (const [what, bytes] of cases) {
      const path = join(dir, 'bad.jbx');
      await writeFile(path, bytes);
      const keys = what === 'encrypted, no key' ? [] : [{ identity }];
      const whole = await openBundle(bytes, { crypto: nodeCrypto, keys });
      expect(whole.ok, what).toBe(false);
      expect(await openBundleStream([bytes], { crypto: nodeCrypto, keys }), what).toBeNull();
      expect(seen(await openBundleFile(path, { keys })), what).toEqual(seen(whole));
    }
  });

  it('every kind, with several signers where the kind allows them, opens alike both ways', async () => {
    for (const make of Object.values(KIND_SAMPLES)) {
      const { bytes } = await make(bureau);
      const whole = await openBundle(bytes, { crypto: nodeCrypto });
      const streamed = await openBundleStream([bytes], { crypto: nodeCrypto });
      expect(whole.ok).toBe(true);
      expect(streamed && seen(streamed)).toEqual(seen(whole));
    }
  });

  it('refuses a file cut short from its header and its end, before reading its body, as openBundle does', async () => {
    // 24 MiB: 24 pieces of the reader; a cut file read to its end would hash all of them.
    const big = new Uint8Array(24 * 1024 * 1024);
    for (let j = 0; j < big.length; j += 4096) big[j] = j & 0xff;
    await writeFile(join(dir, 'big.pdf'), big);
    const files = async () =>
      new Map([['attachments/big.pdf', await fileSource(join(dir, 'big.pdf'))]]);
    const { identity, recipient } = await generateAgeIdentity();
    await buildBundleFile(
      { ...input(), files: await files(), encryptTo: { recipient } },
      join(dir, 'big.jbx'),
    );
    await buildBundleFile({ ...input(), files: await files() }, join(dir, 'plain.jbx'));
    const sealed = new Uint8Array(await readFile(join(dir, 'big.jbx')));
    const plain = new Uint8Array(await readFile(join(dir, 'plain.jbx')));
    const chunk = 64 * 1024 + 16;
    // The payload after the header's MAC line and the 16-byte nonce.
    const head = Buffer.from(sealed.subarray(0, 1024)).toString('latin1');
    const payloadAt = head.indexOf('\n', head.indexOf('\n--- ') + 1) + 1 + 16;
    const cases: [string, Uint8Array, string][] = [
      [
        'encrypted, cut inside a chunk',
        sealed.subarray(0, sealed.length - 70_000),
        'decrypt-failed',
      ],
      [
        'encrypted, cut at a chunk boundary',
        sealed.subarray(0, sealed.length - ((sealed.length - payloadAt) % chunk)),
        'decrypt-failed',
      ],
      [
        'encrypted, cut 5 bytes into a chunk',
        sealed.subarray(0, sealed.length - ((sealed.length - payloadAt) % chunk) + 5),
        'decrypt-failed',
      ],
      ['plain, cut short', plain.subarray(0, plain.length - 100), 'zip-malformed'],
      ['plain, cut in half', plain.subarray(0, plain.length / 2), 'zip-malformed'],
    ];
    for (const [what, bytes, code] of cases) {
      const path = join(dir, 'cut.jbx');
      await writeFile(path, bytes);
      const jobs = hashWorkerJobs();
      const result = await openBundleFile(path, { keys: [{ identity }] });
      // At most the first 1 MiB piece was read (and hashed on the worker), not the 24 MiB.
      expect(hashWorkerJobs() - jobs, what).toBeLessThanOrEqual(1);
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, what).toBe(code);
      expect(result.error.message, what).toMatch(/截断/);
      expect(seen(result), what).toEqual(
        seen(await openBundle(bytes, { crypto: nodeCrypto, keys: [{ identity }] })),
      );
    }
  });
});
