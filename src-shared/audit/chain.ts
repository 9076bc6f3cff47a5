/**
 * The append-only, hash-chained audit log (docs/bundles.md "The audit head"): each entry carries the SHA-256 of the one
 * before, over canonical JSON, so editing, removing or reordering any past entry breaks the chain
 * at that entry. It travels in bundles, so tampering is evident to whoever receives it.
 */
import { z } from 'zod';
import { canonicalHash } from '../canonical';

export const GENESIS = '0'.repeat(64);

export const AuditEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  actor: z.string().min(1).max(200),
  action: z.string().min(1).max(100),
  target: z.string().max(400),
  at: z.string().datetime({ offset: true }),
  details: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .default({}),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditInput = Pick<AuditEntry, 'actor' | 'action' | 'target'> & {
  details?: AuditEntry['details'];
  at?: string;
};

function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return canonicalHash({
    seq: e.seq,
    actor: e.actor,
    action: e.action,
    target: e.target,
    at: e.at,
    details: e.details,
    prevHash: e.prevHash,
  });
}

export function appendEntry(last: AuditEntry | undefined, input: AuditInput): AuditEntry {
  const base = {
    seq: last ? last.seq + 1 : 0,
    actor: input.actor,
    action: input.action,
    target: input.target,
    at: input.at ?? new Date().toISOString(),
    details: input.details ?? {},
    prevHash: last ? last.hash : GENESIS,
  };
  return { ...base, hash: entryHash(base) };
}

export type ChainVerdict =
  { ok: true; length: number; head: string } | { ok: false; brokenAt: number; reason: string };

/** Verifies the whole chain and reports the first broken link. */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i)
      return {
        ok: false,
        brokenAt: i,
        reason: `第 ${i} 条记录的序号为 ${e.seq}：记录缺失或顺序被改动`,
      };
    if (e.prevHash !== prev)
      return {
        ok: false,
        brokenAt: i,
        reason: `第 ${i} 条记录与前一条的哈希不相连：之前的记录被改动或删除`,
      };
    if (entryHash(e) !== e.hash)
      return { ok: false, brokenAt: i, reason: `第 ${i} 条记录（${e.action}）的内容被改动` };
    prev = e.hash;
  }
  return { ok: true, length: entries.length, head: prev };
}
