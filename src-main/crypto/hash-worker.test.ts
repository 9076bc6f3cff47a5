import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle, reviewPackageSpec } from '../../src-shared/bundle';
import { inspectZip } from '../../src-shared/bundle/zip';
import { joinParts, toHex, type CryptoProvider } from '../../src-shared/crypto/provider';
import { ageDecrypt, AgeStreamEncrypter, generateAgeIdentity } from '../../src-shared/crypto/age';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { generatePanel } from '../../src-shared/sample/generate';
import { nodeCrypto } from './node-crypto';
import { buildBundleFile, fileSource, openBundleFile, sealingOnWorker } from './bundle-files';
import {
  acquireSlot,
  COPY_MIN,
  freeSealed,
  HASH_WORKER_MIN,
  isSealed,
  hashWorkerJobs,
  releaseSlot,
  ringHasher,
  settleSealed,
  SLOT,
  startHashWorker,
} from './hash-worker';

describe('SHA-256 and CRC-32 on the worker thread', () => {
  it('gives OpenSSL’s and zlib’s results for interleaved hashers, in the ring and copied', async () => {
    startHashWorker(HASH_WORKER_MIN);
    const data = randomBytes(3 * SLOT);
    const before = hashWorkerJobs();
    await fc.assert(
      fc.asyncProperty(
        // Per hasher: whether its first bytes lie in the ring, whether it is announced as large
        // (hashed on the worker though not in the ring: copied), then its pieces' sizes.
        fc.array(
          fc.record({
            ring: fc.boolean(),
            large: fc.boolean(),
            crc: fc.boolean(),
            sizes: fc.array(fc.integer({ min: 0, max: SLOT + 1000 }), { maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.boolean(),
        async (plans, abandon) => {
          // One more hasher fed and never digested: the others are not disturbed.
          if (abandon) ringHasher(true).update(data.subarray(0, 2 * 1024 * 1024));
          const hashers = plans.map((p) => ({
            ours: ringHasher(p.crc, p.large ? COPY_MIN : 0),
            ref: createHash('sha256'),
            crc: 0,
          }));
          const longest = Math.max(...plans.map((p) => p.sizes.length));
          for (let step = 0; step < longest; step++) {
            plans.forEach((plan, h) => {
              const size = plan.sizes[step];
              const pair = hashers[h];
              if (size === undefined || !pair) return;
              const at = (step * 977) % (data.length - size);
              const bytes = data.subarray(at, at + size);
              pair.ref.update(bytes);
              pair.crc = crc32(bytes, pair.crc);
              const slot = plan.ring && step === 0 ? acquireSlot() : null;
              if (!slot) return pair.ours.update(bytes);
              // A piece read into a slot, as a file is: hashed there in place.
              const n = Math.min(size, SLOT);
              slot.bytes.set(bytes.subarray(0, n));
              pair.ours.update(slot.bytes.subarray(0, n));
              releaseSlot(slot);
              pair.ours.update(bytes.subarray(n));
            });
          }
          hashers.forEach(({ ours, ref, crc }, h) => {
            const got = ours.digest();
            expect(toHex(got.sha256)).toBe(ref.digest('hex'));
            if (plans[h]?.crc) expect(got.crc32).toBe(crc >>> 0);
          });
        },
      ),
      { numRuns: 25 },
    );
    expect(hashWorkerJobs()).toBeGreaterThan(before);
  });

  it('hashes bytes not in the ring on the worker when the input is announced as large', () => {
    startHashWorker(HASH_WORKER_MIN);
    const data = randomBytes(COPY_MIN + 70_000);
    const before = hashWorkerJobs();
    const h = ringHasher(true, data.length);
    for (let at = 0; at < data.length; at += 65_536) h.update(data.subarray(at, at + 65_536));
    const got = h.digest();
    expect(hashWorkerJobs()).toBeGreaterThan(before);
    expect(toHex(got.sha256)).toBe(createHash('sha256').update(data).digest('hex'));
    expect(got.crc32).toBe(crc32(data));
  });

  it('hashes a bundle built from files and the bundle opened, as on this thread', async () => {
    startHashWorker(HASH_WORKER_MIN);
    const dir = await mkdtemp(join(tmpdir(), 'jb-hw-'));
    try {
      const { pkg } = generatePanel({ experts: 7, applicants: 4, criteria: 4 });
      const files = new Map<string, Uint8Array>();
      for (const [i, size] of [SLOT + 4321, 3 * SLOT, 0].entries()) {
        const b = randomBytes(size);
        await writeFile(join(dir, `p${i}.pdf`), b);
        files.set(`attachments/p${i}.pdf`, b);
        pkg.applicants[i]?.attachments.push({
          id: `F${i}`,
          name: `方案${i}`,
          mediaType: 'application/pdf',
          sha256: createHash('sha256').update(b).digest('hex'),
          size,
          path: `attachments/p${i}.pdf`,
          role: 'proposal',
        });
      }
      const key = generateSigningKey();
      const { identity, recipient } = await generateAgeIdentity();
      const sources = new Map(
        await Promise.all(
          [...files.keys()].map(
            async (p) => [p, await fileSource(join(dir, p.slice(12)))] as const,
          ),
        ),
      );
      const before = hashWorkerJobs();
      const out = join(dir, 'rp.jbx');
      await buildBundleFile(
        {
          ...reviewPackageSpec({ pkg, secretKey: key.secretKey, counter: 1 }),
          files: sources,
          encryptTo: { recipient },
        },
        out,
      );
      // The standard tools read it: age decrypts it, unzip checks every entry's CRC-32.
      await writeFile(join(dir, 'id.txt'), `${identity}\n`);
      execFileSync('age', ['-d', '-i', join(dir, 'id.txt'), '-o', join(dir, 'rp.zip'), out]);
      execFileSync('unzip', ['-tqq', join(dir, 'rp.zip')]);
      const result = await openBundleFile(out, { keys: [{ identity }] });
      expect(hashWorkerJobs()).toBeGreaterThan(before);
      if (!result.ok) throw new Error(result.error.message);
      // Opened: every file's SHA-256 (from the worker, in SHA256SUMS) matched the bytes and the
      // package's registration (computed above with createHash); the CRC-32s passed the ZIP's checks.
      for (const [path, bytes] of files) expect(result.bundle.sizes.get(path)).toBe(bytes.length);
      expect(result.bundle.fileSha256).toBe(
        createHash('sha256')
          .update(await readFile(out))
          .digest('hex'),
      );
      // Tampered inside a large entry (hashed on the worker as it is decrypted) and sealed again
      // with age: refused, with the refusal of the whole file opened in memory.
      const zip = new Uint8Array(await readFile(join(dir, 'rp.zip')));
      const large = inspectZip(zip).find((e) => e.size === 3 * SLOT);
      if (!large) throw new Error('no large entry');
      const changed = zip.slice();
      const at = large.localOffset + 30 + large.name.length + 2 * SLOT + 5;
      changed[at] = (changed[at] ?? 0) ^ 1;
      await writeFile(join(dir, 'bad.zip'), changed);
      const bad = join(dir, 'bad.jbx');
      execFileSync('age', ['-r', recipient, '-o', bad, join(dir, 'bad.zip')]);
      const refused = await openBundleFile(bad, { keys: [{ identity }] });
      const whole = await openBundle(new Uint8Array(await readFile(bad)), {
        crypto: nodeCrypto,
        keys: [{ identity }],
      });
      expect(refused.ok).toBe(false);
      expect(refused.ok ? null : refused.error).toEqual(whole.ok ? null : whole.error);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('age payload chunks sealed on the worker thread', () => {
  it('gives the same age file byte for byte as sealing on this thread, given the same keys and nonces', async () => {
    startHashWorker(HASH_WORKER_MIN);
    const { identity, recipient } = await generateAgeIdentity();
    // The same "random" file key, ephemeral share and payload nonce for both.
    const fixed = (p: CryptoProvider): CryptoProvider => ({
      ...p,
      randomBytes: (n) => new Uint8Array(n).fill(7),
    });
    const here = await AgeStreamEncrypter.create({ recipient }, fixed(nodeCrypto));
    const there = await AgeStreamEncrypter.create({ recipient }, fixed(sealingOnWorker()));
    expect(there.header).toEqual(here.header);
    const data = randomBytes(3 * SLOT + 12345);
    const expected: Uint8Array[] = [here.header];
    const got: Uint8Array[] = [there.header];
    let sealedThere = 0;
    // Pieces in the ring (read into a slot) and from elsewhere, of sizes that split chunks.
    const cuts = [0, 100, 70_000, SLOT + 5, 2 * SLOT + 3, 2 * SLOT + 4, 3 * SLOT, data.length];
    for (let i = 1; i < cuts.length; i++) {
      const piece = data.subarray(cuts[i - 1], cuts[i]);
      expected.push(...here.push(piece).map((b) => b.slice()));
      const slot = i % 2 === 0 ? acquireSlot() : null;
      slot?.bytes.set(piece);
      for (const sealed of there.push(slot ? slot.bytes.subarray(0, piece.length) : piece)) {
        if (isSealed(sealed)) {
          sealedThere++;
          settleSealed(sealed);
          got.push(sealed.slice());
          freeSealed(sealed);
        } else got.push(sealed.slice());
      }
      if (slot) releaseSlot(slot);
    }
    expected.push(here.end());
    got.push(there.end());
    // Every chunk but the last (sealed at `end`) went through the worker.
    expect(sealedThere).toBe(Math.ceil(data.length / 65536) - 1);
    const file = joinParts(got);
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(file.length).toBe(joinParts(expected).length);
    expect(Buffer.compare(file, joinParts(expected))).toBe(0);
    expect(digest(await ageDecrypt(file, [{ identity }], nodeCrypto))).toBe(digest(data));
  });

  it('seals on this thread while the worker is behind, and the file is the same byte for byte', async () => {
    startHashWorker(HASH_WORKER_MIN);
    const { identity, recipient } = await generateAgeIdentity();
    const fixed = (p: CryptoProvider): CryptoProvider => ({
      ...p,
      randomBytes: (n) => new Uint8Array(n).fill(9),
    });
    const own = new WeakSet<Uint8Array>();
    const here = await AgeStreamEncrypter.create({ recipient }, fixed(nodeCrypto));
    // The worker "behind" for every third chunk: both threads' chunks in one file, however
    // fast the worker is on this machine (the backlog threshold is a matter of speed).
    let asked = 0;
    const mixed = await AgeStreamEncrypter.create(
      { recipient },
      fixed(sealingOnWorker(own, () => asked++ % 3 === 2)),
    );
    const data = randomBytes(3 * SLOT);
    // Three slots' worth handed over at once: 48 chunks.
    const slots = [0, 1, 2].map(() => acquireSlot());
    const pieces = slots.map((slot, i) => {
      const piece = data.subarray(i * SLOT, (i + 1) * SLOT);
      if (!slot) return piece;
      slot.bytes.set(piece);
      return slot.bytes.subarray(0, piece.length);
    });
    const expected: Uint8Array[] = [here.header];
    const sealed: Uint8Array[] = [mixed.header];
    for (const [i, piece] of pieces.entries()) {
      expected.push(...here.push(data.subarray(i * SLOT, (i + 1) * SLOT)).map((b) => b.slice()));
      sealed.push(...mixed.push(piece));
    }
    let onWorker = 0;
    let onThisThread = 0;
    const got: Uint8Array[] = sealed.map((bytes) => {
      if (!isSealed(bytes)) {
        if (own.has(bytes)) onThisThread++;
        return bytes.slice();
      }
      onWorker++;
      settleSealed(bytes);
      const copy = bytes.slice();
      freeSealed(bytes);
      return copy;
    });
    for (const slot of slots) if (slot) releaseSlot(slot);
    expected.push(here.end());
    got.push(mixed.end());
    expect(onWorker).toBeGreaterThan(0);
    expect(onThisThread).toBeGreaterThan(0);
    const file = joinParts(got);
    expect(Buffer.compare(file, joinParts(expected))).toBe(0);
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(digest(await ageDecrypt(file, [{ identity }], nodeCrypto))).toBe(digest(data));
  });
});
