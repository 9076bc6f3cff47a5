/**
 * The audit chain's head travels in every format-2 manifest: each signer's chain length and the
 * hash of its last entry. The chain itself shows an edited or removed *past* entry; a chain cut
 * short at its end, or rewritten from some point on, still verifies — what catches it is a head
 * recorded earlier: on the device, the head of its last export; at the bureau, the head in the
 * previous bundle from the same signer. Counters and lengths never go back.
 */
import { z } from 'zod';
import { GENESIS, verifyChain, type AuditEntry } from './chain';

export const AuditHeadSchema = z
  .object({
    /** Number of entries in the chain. */
    length: z.number().int().nonnegative(),
    /** `hash` of the last entry; GENESIS (64 zeros) for an empty chain. */
    head: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditHead = z.infer<typeof AuditHeadSchema>;

export const EMPTY_HEAD: AuditHead = { length: 0, head: GENESIS };

export type AuditVerdict = { ok: true; head: AuditHead } | { ok: false; reason: string };

/** Whether `chain` (already verified) begins with the chain whose head was `earlier`. */
export function extendsHead(chain: readonly AuditEntry[], earlier: AuditHead): boolean {
  if (chain.length < earlier.length) return false;
  if (earlier.length === 0) return earlier.head === GENESIS;
  return chain[earlier.length - 1]?.hash === earlier.head;
}

/**
 * At the device, before anything is signed: the whole log verifies, and it extends the head
 * recorded at the last export (a log cut short or rewritten since then is refused).
 */
export function checkDeviceChain(
  chain: readonly AuditEntry[],
  lastExported: AuditHead | undefined,
): AuditVerdict {
  const verdict = verifyChain(chain);
  if (!verdict.ok) return { ok: false, reason: `审计日志校验失败，未签名：${verdict.reason}` };
  if (lastExported && !extendsHead(chain, lastExported)) {
    return {
      ok: false,
      reason:
        chain.length < lastExported.length
          ? `审计日志被截短：上次导出时有 ${lastExported.length} 条记录，现在只有 ${chain.length} 条，未签名`
          : `审计日志被改写：第 ${lastExported.length} 条记录与上次导出时不同，未签名`,
    };
  }
  return { ok: true, head: { length: verdict.length, head: verdict.head } };
}

/** What a manifest says about one signer at one time. */
export interface SignerState {
  counter: number;
  audit: AuditHead | null;
}

/**
 * A counter not above the last imported from the same key: a replay, or a new file signed where
 * the key's count was lost (a fresh data folder, another computer). Not imported either way; what
 * to do is said: the sender signs again with a larger counter (the command line's --counter).
 */
export const replayText = (counter: number, last: number, sender: string): string =>
  `计数 ${counter} 不大于该签名者已导入的 ${last}：疑似重放的旧文件。如这是新签发的文件，请${sender}以大于 ${last} 的签名计数重新签名后再发来（用 jiebang 命令行签名的，加 --counter ${last + 1} 或更大）`;

/**
 * At the receiver (the bureau, the chair): this bundle against the previous one from the same
 * signer. The counter must go up; the chain must not get shorter, and at the same length must
 * have the same head; when the bundle carries its chain (`audit.json`), it must extend the
 * earlier head.
 */
export function compareWithPrevious(
  previous: SignerState,
  next: SignerState,
  nextChain?: readonly AuditEntry[],
  /** Who signs again when the file is a new one: the sender by name or office (市科技局, 发榜方). */
  sender = '发送方',
): { ok: true } | { ok: false; reason: string } {
  if (next.counter <= previous.counter)
    return { ok: false, reason: replayText(next.counter, previous.counter, sender) };
  const before = previous.audit;
  const now = next.audit;
  if (!before || !now) return { ok: true };
  if (now.length < before.length)
    return {
      ok: false,
      reason: `审计日志变短：该签名者上一份文件记录 ${before.length} 条，此文件只有 ${now.length} 条（日志被截短）`,
    };
  if (now.length === before.length && now.head !== before.head)
    return {
      ok: false,
      reason: `审计日志被改写：与该签名者上一份文件同为 ${now.length} 条记录，末条哈希却不同`,
    };
  if (nextChain && !extendsHead(nextChain, before))
    return {
      ok: false,
      reason: `审计日志被改写：此文件所附日志的第 ${before.length} 条与该签名者上一份文件记录的不同`,
    };
  return { ok: true };
}
