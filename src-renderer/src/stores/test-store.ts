/**
 * For the stores' unit tests: a store run on fake-indexeddb as its screen runs it after an unlock
 * (import 'fake-indexeddb/auto' first, then this module before any store). `unlockedWith` opens a
 * fresh profile's database, writes what the test starts from in one change, and unlocks the
 * session on it, with nothing held unsaved from a test before.
 */
import './test-browser';
import type { AuditRecord } from '../db/audit-actions';
import { commitChange, type Change } from '../db/repo';
import type { Deps } from '../workflows/deps';
import { freshDeps } from '../workflows/test-db';
import { useSession } from './session';
import { useUnsaved } from './unsaved';

/** The profile the session is unlocked as (`label` as the audit log and the top bar name it). */
export const testProfile = (label: string, id = 'p1') => ({
  id,
  label,
  createdAt: '2026-09-03',
  hasKeychain: false,
});

export async function unlockedWith(
  change: Change,
  audit: AuditRecord,
  label: string,
): Promise<Deps> {
  const deps = freshDeps();
  await deps.db.open();
  await commitChange(deps.db, change, audit);
  useUnsaved.setState({ edits: {}, asking: null, profileId: null });
  useSession.setState({ status: 'unlocked', db: deps.db, profile: testProfile(label) });
  return deps;
}
