/**
 * The parallel-unlock case of issue 23 (`../shared/cases/scripts/parallel-unlock.mjs`): many wrong
 * passphrases sent at once at one profile. Shared by the handler test and the web-host test, so
 * both doors are held to the same expectations.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Envelope } from '../../src-shared/ipc';
import { backoffSeconds, ProfileFileSchema } from '../../src-main/keys/profiles';
import { unclearReasons } from './clear-error';

/**
 * The most unlock attempts the backoff lets start within `elapsedMs` of the first: attempt n+1
 * may start `backoffSeconds(n)` after attempt n started (the attempt is recorded before its key
 * derivation runs).
 */
export function maxAttemptsWithin(elapsedMs: number): number {
  let attempts = 1;
  let earliest = 0;
  for (;;) {
    const next = earliest + backoffSeconds(attempts) * 1000;
    if (next > elapsedMs) return attempts;
    attempts += 1;
    earliest = next;
  }
}

/** Sends `n` wrong passphrases at once through `unlock`; the answers and how long the burst took. */
export async function unlockBurst(
  n: number,
  unlock: (passphrase: string) => Promise<Envelope>,
): Promise<{ answers: Envelope[]; elapsedMs: number }> {
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) => unlock(`wrong passphrase ${i}`)),
  );
  return { answers, elapsedMs: performance.now() - started };
}

/**
 * What issue 23 must show: no more attempts tried than the backoff allows, every answer a clear
 * sentence (wrong passphrase, or too soon), the profile file intact with a failure count equal to
 * the attempts tried, and no temporary file left beside it.
 */
export async function expectBurstHeld(
  burst: { answers: Envelope[]; elapsedMs: number },
  profilesDir: string,
  id: string,
): Promise<void> {
  const kinds = burst.answers.map((a) => (a.ok ? 'unlocked' : (a.error.issues?.[0] ?? 'none')));
  const tried = kinds.filter((k) => k === 'wrong-passphrase').length;
  expect(kinds.filter((k) => k !== 'wrong-passphrase' && k !== 'too-soon')).toEqual([]);
  // The first three are never held back (backoffSeconds is 0 below 3 failures).
  expect(tried).toBeGreaterThanOrEqual(3);
  expect(tried).toBeLessThanOrEqual(maxAttemptsWithin(burst.elapsedMs));
  for (const answer of burst.answers)
    if (!answer.ok) expect(unclearReasons(answer.error.message), answer.error.message).toEqual([]);
  const file = ProfileFileSchema.parse(
    JSON.parse(await readFile(join(profilesDir, `${id}.json`), 'utf8')),
  );
  expect(file.failures.count).toBe(tried);
  expect(await readdir(profilesDir)).toEqual([`${id}.json`]);
}
