/** For tests and fixtures (no JSON imports, so Playwright's loader takes it too). */
import { appendEntry, type AuditEntry } from './chain';
import { EMPTY_HEAD, type AuditHead } from './head';

const encode = (text: string) => new TextEncoder().encode(text);

/** A small audit chain, as a device would have it, with its head. */
export function auditChain(
  actor: string,
  n = 3,
): { chain: AuditEntry[]; head: AuditHead; bytes: Uint8Array } {
  const chain: AuditEntry[] = [];
  for (let i = 0; i < n; i++)
    chain.push(
      appendEntry(chain.at(-1), {
        actor,
        action: i === 0 ? 'enrol' : 'score.edit',
        target: `A0${(i % 4) + 1}`,
        at: '2026-12-08T09:00:00+08:00',
      }),
    );
  const last = chain.at(-1);
  return {
    chain,
    head: last ? { length: chain.length, head: last.hash } : EMPTY_HEAD,
    bytes: encode(JSON.stringify(chain, null, 2)),
  };
}
