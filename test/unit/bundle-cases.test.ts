/**
 * The bundle cases (/work/shared/cases/bundles, copied to test/fixtures/bundles/cases) and the
 * format-1 bundles written before format 2 (test/fixtures/bundles/format1, and the sample's
 * review-package.jbx), through both crypto providers: the same file gives the same answer.
 */
import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { applyImport, checkImport, emptyTrust, openBundle, readZip } from '../../src-shared/bundle';
import { parseIdentityFile } from '../../src-shared/crypto/age';
import { publicKeyFromPem } from '../../src-shared/crypto/keys';
import { nobleCrypto } from '../../src-shared/crypto/noble';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { runForTest } from '../../src-main/cli/run-for-test';

const CASES = 'test/fixtures/bundles/cases';
const FORMAT1 = 'test/fixtures/bundles/format1';
const file = (path: string) => new Uint8Array(readFileSync(path));
const keys = parseIdentityFile(readFileSync('resources/sample/keys/bureau.agekey', 'utf8')).map(
  (identity) => ({ identity }),
);

describe('bundles/small-order-identity-key.jbx', () => {
  it('is refused before any signature check, at every door', async () => {
    const bytes = file(`${CASES}/small-order-identity-key.jbx`);
    // What made it "verify" before: the identity key and a trivial signature pass ZIP-215.
    const entries = readZip(bytes, nodeCrypto);
    const key = publicKeyFromPem(new TextDecoder().decode(entries.get('signer.pem')));
    const sig = entries.get('manifest.sig');
    const manifest = entries.get('manifest.json');
    if (!key || !sig || !manifest) throw new Error('case file');
    expect(ed25519.verify(sig, manifest, key)).toBe(true);
    for (const crypto of [nodeCrypto, nobleCrypto]) {
      const r = await openBundle(bytes, { crypto });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('bad-signer-key');
      expect(r.error.message).toBe(
        'signer.pem 被拒绝：公钥是小阶点（这种公钥任何人无需私钥即可“签名”）',
      );
      expect(r.checks.map((c) => c.name)).not.toContain('签名');
    }
    const cli = await runForTest('verify', `${CASES}/small-order-identity-key.jbx`);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(
      '✗ 签名者公钥：signer.pem 被拒绝：公钥是小阶点（这种公钥任何人无需私钥即可“签名”）',
    );
    expect(cli.out).not.toContain('small-order key');
  });
});

describe('bundles/bomb-1000-entries.jbx', () => {
  it('is refused from the central directory alone: zero bytes inflated', async () => {
    const bytes = file(`${CASES}/bomb-1000-entries.jbx`);
    for (const crypto of [nodeCrypto, nobleCrypto]) {
      const r = await openBundle(bytes, { crypto });
      expect(r.ok).toBe(false);
      expect(r.inflatedBytes).toBe(0);
      if (!r.ok) {
        expect(r.error.code).toBe('zip-limits');
        expect(r.error.message).toContain('疑似 ZIP 炸弹');
      }
    }
    // With the ratio bound lifted, the count of entries the manifest does not name still stops
    // it before anything is read: there is no manifest at all.
    const lax = { maxEntries: 5000, maxEntryBytes: 2 ** 30, maxTotalBytes: 2 ** 31, maxRatio: 1e9 };
    const r = await openBundle(bytes, { crypto: nodeCrypto, limits: lax });
    expect(r).toMatchObject({ ok: false, inflatedBytes: 0, error: { code: 'missing-entry' } });
    const cli = await runForTest('verify', `${CASES}/bomb-1000-entries.jbx`);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('疑似 ZIP 炸弹');
  });
});

describe('format-1 bundles open and verify unchanged', () => {
  it('the sample review package: the same answer from node:crypto and @noble', async () => {
    const bytes = file('resources/sample/review-package.jbx');
    const [a, b] = await Promise.all(
      [nodeCrypto, nobleCrypto].map((crypto) => openBundle(bytes, { crypto })),
    );
    if (!a?.ok || !b?.ok) throw new Error('sample');
    expect(a.bundle.manifest.formatVersion).toBe(1);
    expect(a.bundle.manifest.subject).toEqual({ type: 'package', id: 'KLMY-2026-JB-001' });
    expect(a.bundle.manifest.signers[0]).toMatchObject({ role: 'bureau', audit: null });
    expect(a.bundle.manifestSha256).toBe(b.bundle.manifestSha256);
    expect(a.bundle.fileSha256).toBe(b.bundle.fileSha256);
    expect(a.bundle.checks).toEqual(b.bundle.checks);
    expect(a.bundle.checks.every((c) => c.ok)).toBe(true);
  });

  it('a sheet, a panel result (age, six inner sheets), a task book, an inspection report', async () => {
    const expected = {
      'sheet-E02.jbx': 'expert-sheets',
      'panel-result.age.jbx': 'panel-result',
      'task-book.jbx': 'task-book',
      'inspection-report.jbx': 'inspection-report',
    } as const;
    for (const [name, kind] of Object.entries(expected)) {
      const r = await openBundle(file(`${FORMAT1}/${name}`), { crypto: nodeCrypto, keys });
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      expect(r.bundle.kind).toBe(kind);
      expect(r.bundle.manifest.formatVersion).toBe(1);
      if (r.bundle.kind === 'panel-result') expect(r.bundle.inner.length).toBe(6);
    }
  });

  it('a format-1 sheet still imports after the format-1 sample package; its replay is still refused', async () => {
    const rp = await openBundle(file('resources/sample/review-package.jbx'), {
      crypto: nodeCrypto,
    });
    const sheet = await openBundle(file(`${FORMAT1}/sheet-E02.jbx`), { crypto: nodeCrypto });
    if (!rp.ok || !sheet.ok) throw new Error('fixtures');
    let trust = applyImport(emptyTrust(), rp.bundle, checkImport(rp.bundle, emptyTrust()));
    const verdict = checkImport(sheet.bundle, trust);
    expect(verdict.action).toBe('import');
    trust = applyImport(trust, sheet.bundle, verdict);
    expect(checkImport(sheet.bundle, trust).action).toBe('duplicate');
    expect(checkImport(sheet.bundle, { ...trust, imported: [] })).toMatchObject({
      action: 'refuse',
      reason: expect.stringContaining('疑似重放'),
    });
  });

  it('a flipped byte in a format-1 bundle is still refused', async () => {
    const bytes = file(`${FORMAT1}/sheet-E02.jbx`);
    for (let at = 0; at < bytes.length; at += 37) {
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x10;
      expect((await openBundle(copy, { crypto: nodeCrypto })).ok, `byte ${at}`).toBe(false);
    }
  });
});
