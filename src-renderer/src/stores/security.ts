/** The 账户与安全 screen: the audit log and whether its chain holds. */
import { create } from 'zustand';
import type { AuditEntry, ChainVerdict } from '../../../src-shared/audit/chain';
import { auditView } from '../workflows/audit';
import { currentDeps } from './deps';

interface SecurityStore {
  entries: AuditEntry[];
  verdict: ChainVerdict | null;
  load: () => Promise<void>;
}

export const useAuditLog = create<SecurityStore>()((set) => ({
  entries: [],
  verdict: null,
  load: async () => set(await auditView(currentDeps().db)),
}));
