import { describe, expect, it } from 'vitest';
import { appendEntry, type AuditEntry } from './chain';
import { checkDeviceChain, compareWithPrevious, EMPTY_HEAD, extendsHead } from './head';

function chain(n: number, from: AuditEntry[] = []): AuditEntry[] {
  const out = [...from];
  for (let i = 0; i < n; i++)
    out.push(
      appendEntry(out.at(-1), {
        actor: 'E01',
        action: 'score.edit',
        target: `A0${i % 4}`,
        at: '2026-12-08T09:00:00+08:00',
      }),
    );
  return out;
}
const headOf = (c: AuditEntry[]) => ({ length: c.length, head: c.at(-1)?.hash ?? '' });

describe('the audit head at the device', () => {
  it('signs a chain that extends the last signed head, and refuses one cut short or rewritten', () => {
    const first = chain(6);
    const signed = checkDeviceChain(first, undefined);
    expect(signed).toEqual({ ok: true, head: headOf(first) });
    if (!signed.ok) return;
    expect(checkDeviceChain(chain(3, first), signed.head)).toMatchObject({ ok: true });
    const truncated = first.slice(0, 4);
    const cut = checkDeviceChain(truncated, signed.head);
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.reason).toContain('审计日志被截短：上次导出时有 6 条记录，现在只有 4 条');
    // Rewritten from entry 3 on, re-hashed so that the chain itself verifies again.
    const rewritten = chain(4, first.slice(0, 3));
    expect(checkDeviceChain(rewritten, undefined).ok).toBe(true);
    const r = checkDeviceChain(rewritten, signed.head);
    expect(!r.ok && r.reason).toContain('审计日志被改写');
    // An edited past entry fails the chain itself.
    const edited = chain(6);
    const e = edited[2];
    if (e) edited[2] = { ...e, target: 'A09' };
    expect(checkDeviceChain(edited, undefined)).toMatchObject({ ok: false });
    expect(extendsHead([], EMPTY_HEAD)).toBe(true);
  });
});

describe('two bundles of one signer, compared', () => {
  const earlier = chain(8);
  const previous = { counter: 3, audit: headOf(earlier) };
  it('accepts a later bundle whose chain extends the earlier head', () => {
    const later = chain(2, earlier);
    expect(compareWithPrevious(previous, { counter: 4, audit: headOf(later) }, later)).toEqual({
      ok: true,
    });
  });
  it('catches a truncated chain, a rewritten one, a replayed counter', () => {
    const truncated = earlier.slice(0, 5);
    const t = compareWithPrevious(previous, { counter: 4, audit: headOf(truncated) });
    expect(!t.ok && t.reason).toContain('审计日志变短');
    const rewritten = chain(3, earlier.slice(0, 5));
    const w = compareWithPrevious(previous, { counter: 4, audit: headOf(rewritten) });
    expect(!w.ok && w.reason).toContain('末条哈希却不同');
    const longer = chain(5, earlier.slice(0, 5));
    const l = compareWithPrevious(previous, { counter: 4, audit: headOf(longer) }, longer);
    expect(!l.ok && l.reason).toContain('第 8 条与该签名者上一份文件记录的不同');
    const replay = compareWithPrevious(previous, { counter: 3, audit: headOf(earlier) });
    expect(!replay.ok && replay.reason).toContain('疑似重放');
  });
});
