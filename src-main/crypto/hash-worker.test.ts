import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewPackageSpec } from '../../src-shared/bundle';
import { toHex } from '../../src-shared/crypto/provider';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { generatePanel } from '../../src-shared/sample/generate';
import { buildBundleFile, fileSource, openBundleFile } from './bundle-files';
import {
  acquireSlot,
  HASH_WORKER_MIN,
  hashWorkerJobs,
  releaseSlot,
  ringHasher,
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
        // Per hasher: whether its first bytes lie in the ring, then its pieces' sizes.
        fc.array(
          fc.record({
            ring: fc.boolean(),
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
            ours: ringHasher(p.crc),
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
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
