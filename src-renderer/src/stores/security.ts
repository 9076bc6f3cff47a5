/** The 账户与安全 screen: the audit log and whether its chain holds. */
import { create } from 'zustand';
import type { AuditEntry, ChainVerdict } from '../../../src-shared/audit/chain';
import { auditView } from '../workflows/audit';
import { currentDeps } from './deps';
import { turns } from './turns';

interface SecurityStore {
  entries: AuditEntry[];
  verdict: ChainVerdict | null;
  load: () => Promise<void>;
}

export const useAuditLog = create<SecurityStore>()((set) => {
  // Loads take turns: the screen loads as it is opened and again once the passphrase is changed;
  // the first (reading and checking the whole chain) would otherwise end after the second and set
  // the log without the change's entry.
  const inTurn = turns();
  return {
    entries: [],
    verdict: null,
    load: () => inTurn(async () => set(await auditView(currentDeps().db))),
  };
});
