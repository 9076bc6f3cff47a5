/**
 * Before this device signs a bundle: its audit log must verify and extend the head recorded at
 * its last signing (a log cut short or rewritten since is refused, nothing signed); the head
 * goes in the manifest and is recorded for next time.
 */
import type { AuditEntry } from '../../../src-shared/audit/chain';
import { AuditHeadSchema, checkDeviceChain, type AuditHead } from '../../../src-shared/audit/head';
import type { JiebangDB } from '../db/database';
import { auditLog, getMeta, putMeta } from '../db/repo';

const LAST_SIGNED = 'auditHeadLastSigned';

/** The audit chain and its head, checked as above. @throws Error naming what is wrong. */
export async function auditForSigning(
  db: JiebangDB,
): Promise<{ chain: AuditEntry[]; head: AuditHead; bytes: Uint8Array }> {
  const chain = await auditLog(db);
  const verdict = checkDeviceChain(chain, await getMeta(db, LAST_SIGNED, AuditHeadSchema));
  if (!verdict.ok) throw new Error(verdict.reason);
  // Recorded now: whatever happens next, the log can only grow from here.
  await putMeta(db, LAST_SIGNED, verdict.head);
  return {
    chain,
    head: verdict.head,
    bytes: new TextEncoder().encode(JSON.stringify(chain, null, 2)),
  };
}
