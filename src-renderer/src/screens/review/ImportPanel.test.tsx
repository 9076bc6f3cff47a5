/**
 * 打开评审包: a package the checks refuse says why once — the failed check in the list names the
 * step, the sentence below (role alert) says why — not the same sentence in both (tester iC
 * finding 16). A refusal the checks do not carry (another kind of file, the import policy) is
 * said below as before.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Check } from '../../../../src-shared/bundle';
import { emptyTrust } from '../../../../src-shared/bundle/trust';
import { nobleCrypto } from '../../../../src-shared/crypto/noble';
import type { Message } from '../../i18n/strings';
import { verifyForImport } from '../../workflows/imports';
import { ImportPanel } from './ImportPanel';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

const shown = vi.hoisted((): { checks: Check[]; importProblem: Message | null } => ({
  checks: [],
  importProblem: null,
}));
vi.mock('../../stores/review', () => ({
  useReview: () => ({
    ...shown,
    candidate: null,
    openPackage: async () => undefined,
    openSample: async () => undefined,
    confirmImport: async () => undefined,
  }),
}));

const times = (html: string, text: string) => html.split(text).length - 1;

describe('ImportPanel', () => {
  it('says a refusal of the checks once (the list names the failed step, the alert says why)', async () => {
    const r = await verifyForImport(new TextEncoder().encode('not a bundle at all'), {
      crypto: nobleCrypto,
      kind: 'review-package',
      trust: emptyTrust(),
    });
    if (r.ok || !('text' in r.reason)) throw new Error('refused with a sentence');
    const why = r.reason.text;
    const failed = r.checks.find((c) => !c.ok);
    expect(failed?.detail).toBe(why);
    shown.checks = r.checks;
    shown.importProblem = r.reason;
    const html = renderToString(<ImportPanel />);
    expect(times(html, why)).toBe(1);
    expect(html).toContain(`✗<!-- --> <!-- -->${failed?.name ?? ''}</li>`);
    expect(html).toMatch(/role="alert"[^>]*>[^<]*/);
  });
  it('says a refusal the checks do not carry below them, as before', () => {
    shown.checks = [{ name: '签名', ok: true, detail: 'Ed25519 签名有效' }];
    shown.importProblem = { text: '这不是评审包，而是评分表' };
    const html = renderToString(<ImportPanel />);
    expect(times(html, '这不是评审包，而是评分表')).toBe(1);
    expect(html).toContain('Ed25519 签名有效');
  });
});
