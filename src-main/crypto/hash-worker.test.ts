import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src-shared/crypto/provider';
import { hashWorkerReady, sha256Hasher, startHashWorker } from './hash-worker';

describe('SHA-256 on the worker thread', () => {
  it('gives OpenSSL’s digest for interleaved hashers, small and large, split anywhere', async () => {
    startHashWorker(64 * 1024 * 1024);
    await expect.poll(hashWorkerReady, { timeout: 30_000 }).toBe(true);
    const data = randomBytes(6 * 1024 * 1024);
    await fc.assert(
      fc.asyncProperty(
        // Per hasher: the pieces' sizes (up to 3 MiB, crossing the 256 KiB and 1 MiB marks).
        fc.array(fc.array(fc.integer({ min: 0, max: 3 * 1024 * 1024 }), { maxLength: 4 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        async (plans, abandon) => {
          // One more hasher fed and never digested: the others are not disturbed.
          if (abandon) sha256Hasher().update(data.subarray(0, 2 * 1024 * 1024));
          const hashers = plans.map(() => ({ ours: sha256Hasher(), ref: createHash('sha256') }));
          const longest = Math.max(...plans.map((p) => p.length));
          for (let step = 0; step < longest; step++) {
            plans.forEach((plan, h) => {
              const size = plan[step];
              const pair = hashers[h];
              if (size === undefined || !pair) return;
              const at = (step * 977) % (data.length - size);
              pair.ours.update(data.subarray(at, at + size));
              pair.ref.update(data.subarray(at, at + size));
            });
          }
          for (const { ours, ref } of hashers) expect(toHex(ours.digest())).toBe(ref.digest('hex'));
        },
      ),
      { numRuns: 25 },
    );
  });
});
