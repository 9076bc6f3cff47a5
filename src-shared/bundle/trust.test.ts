import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD } from '../audit/head';
import { generateSigningKey, publicKeyToPem, sign, type SigningKeyPair } from '../crypto/keys';
import { buildBundle } from './build';
import { openBundle } from './open';
import {
  auditChain,
  crypto,
  KIND_SAMPLES,
  reseal,
  rotationBundle,
  sampleBundle,
  sampleCalendar,
  sampleSheets,
  sheetBundle,
} from './test-helpers';
import { applyImport, checkImport, emptyTrust, type ImportVerdict, type TrustState } from './trust';

async function opened(bytes: Uint8Array) {
  const r = await openBundle(bytes, { crypto });
  if (!r.ok) throw new Error(r.error.message);
  return r.bundle;
}

/** Imports when the verdict allows, as a caller would; returns the verdict and the next state. */
async function importInto(trust: TrustState, bytes: Uint8Array) {
  const b = await opened(bytes);
  const verdict = checkImport(b, trust);
  return { verdict, trust: applyImport(trust, b, verdict) };
}

const reason = (v: ImportVerdict) => (v.action === 'refuse' ? v.reason : `(${v.action})`);

const calendarFrom = (key: SigningKeyPair, counter = 20) =>
  buildBundle({
    crypto,
    kind: 'calendar',
    bundleId: `CAL-${counter}`,
    subject: { type: 'year', id: '2027' },
    signers: [
      {
        role: 'bureau',
        id: 'bureau',
        name: '市科技局',
        secretKey: key.secretKey,
        counter,
        audit: EMPTY_HEAD,
      },
    ],
    document: sampleCalendar(),
  });

/** An installation that has pinned `bureau` by importing its review package. */
async function pinnedTo(bureau: SigningKeyPair): Promise<TrustState> {
  const { verdict, trust } = await importInto(emptyTrust(), (await sampleBundle(bureau)).bytes);
  expect(verdict).toMatchObject({ action: 'import', pinBureau: expect.any(String) });
  return trust;
}

describe('the bureau’s calendar', () => {
  it('is accepted from the pinned key and refused from another key', async () => {
    const bureau = generateSigningKey();
    const trust = await pinnedTo(bureau);
    const ok = await importInto(trust, await calendarFrom(bureau));
    expect(ok.verdict.action).toBe('import');
    const other = await importInto(trust, await calendarFrom(generateSigningKey()));
    expect(reason(other.verdict)).toContain('市科技局签名密钥与首次导入时固定的密钥不一致');
    expect(other.trust).toBe(trust);
  });
});

describe('the bureau’s key rotation', () => {
  it('is accepted by an installation that pinned the old key; the pin moves to the new key', async () => {
    const old = generateSigningKey();
    const next = generateSigningKey();
    const trust = await pinnedTo(old);
    const { verdict, trust: after } = await importInto(trust, await rotationBundle(old, next));
    expect(verdict.action).toBe('import');
    // The note to compare with the paper notice dates the change as the notice prints it.
    expect(verdict.action === 'import' ? verdict.notes.join('\n') : '').toContain(
      '（2027年1月1日起）——请与纸质通知核对',
    );
    const b = await opened(await rotationBundle(old, next, [old, next], 9));
    if (b.kind !== 'key-rotation') throw new Error('kind');
    expect(after.bureauFingerprint).toBe(b.document.next.fingerprint);
    expect(after.retiredBureauKeys).toEqual([b.document.previous.fingerprint]);
    // From now on the new key signs; the old one is refused.
    expect((await importInto(after, await calendarFrom(next, 2))).verdict.action).toBe('import');
    expect(reason((await importInto(after, await calendarFrom(old, 30))).verdict)).toContain(
      '已更换的市科技局旧密钥',
    );
  });

  it('refuses a forged rotation: by another key, with a forged signature, without the new key, with no pin', async () => {
    const pinned = generateSigningKey();
    const trust = await pinnedTo(pinned);
    const mallory = generateSigningKey();
    const theirs = generateSigningKey();
    // 1. Mallory "rotates" her own key: it verifies, but it is not the pinned key.
    const own = await importInto(trust, await rotationBundle(mallory, theirs));
    expect(reason(own.verdict)).toContain('不是由本机固定的市科技局密钥签署的');
    // 2. She names the pinned key as the old one, with its public key, but cannot sign for it.
    const claimed = await reseal(
      await rotationBundle(mallory, theirs),
      () => undefined,
      (n, manifest) =>
        n === 1
          ? { sig: sign(manifest, mallory.secretKey), pem: publicKeyToPem(pinned.publicKey) }
          : { sig: sign(manifest, theirs.secretKey) },
    );
    const forged = await openBundle(claimed, { crypto });
    expect(!forged.ok && forged.error).toMatchObject({ code: 'bad-signature' });
    // 3. Signed by the old key alone (the new key never proved it is held): refused on opening.
    await expect(rotationBundle(pinned, theirs, [pinned])).rejects.toThrow('应有 2 名签名者');
    // 4. Nothing pinned yet: nothing to rotate.
    const fresh = await importInto(emptyTrust(), await rotationBundle(pinned, theirs));
    expect(reason(fresh.verdict)).toContain('尚未固定市科技局签名密钥');
    expect(trust.bureauFingerprint).toBeDefined();
  });
});

describe('the audit head across two bundles of one signer', () => {
  it('imports a chain that grew, and refuses one cut short, rewritten, or not extending the earlier head', async () => {
    const bureau = generateSigningKey();
    let trust = await pinnedTo(bureau);
    const rp = trust.packageManifestSha256 ?? '';
    const sheet = sampleSheets()[1];
    if (!sheet) throw new Error('sheet');
    const key = generateSigningKey();
    const full = auditChain(sheet.expertId, 6);
    const first = await importInto(trust, await sheetBundle(sheet, key, rp, 1, full));
    expect(first.verdict.action).toBe('import');
    trust = first.trust;
    expect(Object.values(trust.auditHeads)).toContainEqual(full.head);
    // The same device later, its log cut to 4 entries (audit.json and head agree: only the comparison shows it).
    const cut = auditChain(sheet.expertId, 4);
    const truncated = await importInto(trust, await sheetBundle(sheet, key, rp, 2, cut));
    expect(reason(truncated.verdict)).toContain(
      '审计日志变短：该签名者上一份文件记录 6 条，此文件只有 4 条',
    );
    // Rewritten: as long again but different.
    const other = auditChain('E99', 6);
    const rewritten = await importInto(trust, await sheetBundle(sheet, key, rp, 2, other));
    expect(reason(rewritten.verdict)).toContain('审计日志被改写');
    const longer = auditChain('E99', 9);
    const forked = await importInto(trust, await sheetBundle(sheet, key, rp, 2, longer));
    expect(reason(forked.verdict)).toContain('第 6 条与该签名者上一份文件记录的不同');
    const grown = auditChain(sheet.expertId, 9);
    expect(
      (await importInto(trust, await sheetBundle(sheet, key, rp, 2, grown))).verdict.action,
    ).toBe('import');
  });
});

describe('kinds signed by several people', () => {
  it('a panel result co-signed by a panel member imports; a co-signer off the panel does not', async () => {
    const bureau = generateSigningKey();
    const trust = await pinnedTo(bureau);
    const sample = await KIND_SAMPLES['panel-result'](bureau);
    const panel = await importInto(trust, sample.bytes);
    expect(panel.verdict.action).toBe('import');
    expect(panel.verdict.action === 'import' && panel.verdict.newSigners.length).toBe(2);
    const stranger = await reseal(
      sample.bytes,
      (m) => {
        const text = new TextDecoder().decode(m.get('manifest.json'));
        m.set(
          'manifest.json',
          new TextEncoder().encode(text.replace('"id": "E02"', '"id": "E99"')),
        );
      },
      (n, manifest) => {
        const key = sample.keys[n - 1];
        return key ? { sig: sign(manifest, key.secretKey) } : null;
      },
    );
    const off = await importInto(trust, stranger);
    expect(reason(off.verdict)).toContain('签名者 E99 不在本评审包的专家名单中');
  });

  it('an inspection team’s report registers each inspector; another key for one of them is refused later', async () => {
    const bureau = generateSigningKey();
    const trust = await pinnedTo(bureau);
    const first = await importInto(trust, (await KIND_SAMPLES['inspection-report'](bureau)).bytes);
    expect(first.verdict.action).toBe('import');
    expect(Object.keys(first.trust.signers)).toEqual(expect.arrayContaining(['I01', 'I02']));
    const again = await importInto(
      first.trust,
      (await KIND_SAMPLES['inspection-report'](bureau)).bytes,
    );
    expect(reason(again.verdict)).toContain('李检查（I01）的密钥与已登记的不一致');
  });

  it('an inspection assignment of a demand is accepted before any package exists, pinning the bureau', async () => {
    const bureau = generateSigningKey();
    const { verdict } = await importInto(
      emptyTrust(),
      (await KIND_SAMPLES['inspection-assignment'](bureau)).bytes,
    );
    expect(verdict).toMatchObject({ action: 'import', pinBureau: expect.any(String) });
  });
});
