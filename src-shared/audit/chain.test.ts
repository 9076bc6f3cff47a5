import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEntry, verifyChain, type AuditEntry } from './chain';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      appendEntry(out.at(-1), {
        actor: 'E01 张志远',
        action: i === 0 ? 'enrol' : 'score.edit',
        target: `A0${i % 4}`,
        details: { points: i },
        at: '2026-12-08T09:00:00+08:00',
      }),
    );
  }
  return out;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(20))).toMatchObject({ ok: true, length: 20 });
    expect(verifyChain([])).toMatchObject({ ok: true, length: 0 });
  });

  it('names the edited entry, whichever past entry is edited', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.constantFrom('actor', 'action', 'target', 'at', 'details'),
        (n, pick, field) => {
          const c = chain(n);
          const i = pick % n;
          const e = c[i];
          if (!e) return;
          const edited: AuditEntry =
            field === 'details'
              ? { ...e, details: { points: 999 } }
              : field === 'at'
                ? { ...e, at: '2026-12-09T09:00:00+08:00' }
                : { ...e, [field]: `${e[field]}x` };
          c[i] = edited;
          const v = verifyChain(c);
          expect(v.ok).toBe(false);
          expect(!v.ok && v.brokenAt).toBe(i);
        },
      ),
    );
  });

  it('notices a removed or reordered entry, and a re-hashed edit at the next link', () => {
    const removed = chain(5);
    removed.splice(2, 1);
    expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: 2 });
    const c = chain(5);
    const e = c[1];
    if (!e) throw new Error('entry');
    // Re-hashing the edited entry itself moves the break to the next entry.
    c[1] = appendEntry(c[0], {
      actor: e.actor,
      action: 'score.edit',
      target: 'A09',
      details: e.details,
      at: e.at,
    });
    expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
