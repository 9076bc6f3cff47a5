/**
 * For the workflows' unit tests: a fresh sealed database on fake-indexeddb (import
 * 'fake-indexeddb/auto' first), the dependencies a workflow takes with a fixed clock, and the
 * sample review package as the bureau signs it. Closed and deleted after each test.
 */
import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { sampleBundle } from '../../../src-shared/bundle/test-helpers';
import { fingerprint, generateSigningKey } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { JiebangDB } from '../db/database';
import type { Enrolment } from '../db/repo';
import type { Deps } from './deps';

export const AT = new Date('2026-12-08T08:00:00Z');

const open: JiebangDB[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A new, empty profile's database and the dependencies of a workflow on it. */
export function freshDeps(): Deps {
  const name = `jb-wf-${Math.random().toString(36).slice(2)}`;
  const db = new JiebangDB(name, crypto.getRandomValues(new Uint8Array(32)));
  open.push(db);
  return { db, crypto: nobleCrypto, now: () => AT };
}

/** An expert's enrolment on a package with a fresh key, the pledge at `AT`, nothing exported. */
export function freshEnrolment(packageId: string, expertId: string): Enrolment {
  const key = generateSigningKey();
  return {
    packageId,
    expertId,
    pledgeAt: AT.toISOString(),
    secretKey: key.secretKey,
    fingerprint: fingerprint(key.publicKey),
    counter: 0,
  };
}

/** The sample review package as a signed bundle of one bureau key. */
export const samplePackageBundle = sampleBundle;

/** Changes one byte in the middle of a file, as a tamperer or a bad stick would. */
export function flipByte(bytes: Uint8Array): void {
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
}
