/** The audit log as the 账户与安全 screen shows it: every entry, and whether the chain holds. */
import type { AuditEntry, ChainVerdict } from '../../../src-shared/audit/chain';
import { isAuditAction } from '../db/audit-actions';
import type { JiebangDB } from '../db/database';
import { auditLog, verifyAudit } from '../db/repo';
import type { StringKey } from '../i18n/strings';

export async function auditView(
  db: JiebangDB,
): Promise<{ entries: AuditEntry[]; verdict: ChainVerdict }> {
  const [entries, verdict] = await Promise.all([auditLog(db), verifyAudit(db)]);
  return { entries, verdict };
}

/** The label of a stored action (an unknown name is labelled as such, never shown raw). */
export function actionLabel(action: string): StringKey {
  return isAuditAction(action) ? `audit.${action}` : 'audit.unknown';
}
