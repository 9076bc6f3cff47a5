import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../crypto/age';
import { formatFingerprint, generateSigningKey } from '../crypto/keys';
import { buildBundle, openBundle, type OpenResult } from './bundle';
import { applyImport, checkImport, emptyTrust } from './trust';
import { readZip, writeZip, ZipError } from './zip';
import { sampleBundle, sampleSheets, sheetBundle } from './test-helpers';

const errorOf = (r: OpenResult) => (r.ok ? null : r.error);

describe('bundle round trip', () => {
  it('opens what it built: kind, signer, document and attachments', async () => {
    const { bytes, pkg, bureau, files } = await sampleBundle();
    const r = await openBundle(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok || r.bundle.kind !== 'review-package') return;
    expect(r.bundle.document).toEqual(pkg);
    expect(r.bundle.manifest.signer.role).toBe('bureau');
    for (const [path, data] of files) expect(r.bundle.files.get(path)).toEqual(data);
    expect(formatFingerprint(r.bundle.manifest.signer.fingerprint)).toMatch(
      /^([0-9a-f]{4} ){7}[0-9a-f]{4}$/,
    );
    expect(r.bundle.checks.every((c) => c.ok)).toBe(true);
    expect(bureau.publicKey.length).toBe(32);
  });

  it('encrypts to an X25519 recipient and to a passphrase', async () => {
    const { bytes } = await sampleBundle();
    const opened = await openBundle(bytes);
    if (!opened.ok) throw new Error('sample');
    const { identity, recipient } = await generateAgeIdentity();
    const key = generateSigningKey();
    const sheet = sampleSheets()[0];
    if (!sheet) throw new Error('sheet');
    const sealed = await buildBundle({
      kind: 'expert-sheets',
      bundleId: 'S1',
      packageId: sheet.packageId,
      signer: { role: 'expert', id: sheet.expertId, name: '张志远', secretKey: key.secretKey },
      counter: 1,
      document: sheet,
      encryptTo: { recipient },
    });
    expect(new TextDecoder().decode(sealed.subarray(0, 21))).toBe('age-encryption.org/v1');
    expect(errorOf(await openBundle(sealed))?.code).toBe('needs-key');
    const other = await generateAgeIdentity();
    expect(errorOf(await openBundle(sealed, { keys: [{ identity: other.identity }] }))?.code).toBe(
      'decrypt-failed',
    );
    const ok = await openBundle(sealed, { keys: [{ identity }] });
    expect(ok.ok && ok.bundle.wasEncrypted).toBe(true);
    const byPass = await buildBundle({
      kind: 'expert-sheets',
      bundleId: 'S1',
      packageId: sheet.packageId,
      signer: { role: 'expert', id: sheet.expertId, name: '张志远', secretKey: key.secretKey },
      counter: 1,
      document: sheet,
      encryptTo: { passphrase: '纸上的口令 correct horse' },
    });
    expect(
      (await openBundle(byPass, { keys: [{ passphrase: '纸上的口令 correct horse' }] })).ok,
    ).toBe(true);
    expect(errorOf(await openBundle(byPass, { keys: [{ passphrase: 'wrong' }] }))?.code).toBe(
      'decrypt-failed',
    );
  });

  it('open(build(x)) == x for random sheets (property)', async () => {
    const key = generateSigningKey();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            opinion: fc.string({ maxLength: 200 }),
            points: fc.integer({ min: 0, max: 40 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.uint8Array({ maxLength: 2000 }),
        async (rows, audit) => {
          const sheet = {
            formatVersion: 1 as const,
            packageId: 'P1',
            expertId: 'E01',
            status: 'submitted' as const,
            scores: rows.map((r, i) => ({
              applicantId: `A${i}`,
              criteria: [{ criterionId: 'C1', points: r.points / 2, comment: r.opinion }],
              overallOpinion: r.opinion,
            })),
          };
          const bytes = await buildBundle({
            kind: 'expert-sheets',
            bundleId: 'B',
            packageId: 'P1',
            signer: { role: 'expert', id: 'E01', name: 'x', secretKey: key.secretKey },
            counter: 1,
            document: sheet,
            files: new Map([['audit.json', audit]]),
          });
          const r = await openBundle(bytes);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.bundle.document).toEqual(sheet);
            expect(r.bundle.files.get('audit.json')).toEqual(audit);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('tampering is refused with the right reason', () => {
  it('a flipped byte anywhere in the file is refused', async () => {
    const { bytes } = await sampleBundle();
    const positions = new Set<number>([0, 1, 2, 3, 10, 30, 40, 100]);
    for (let i = 0; i < 40; i++) positions.add(Math.floor((bytes.length * i) / 40));
    positions.add(bytes.length - 1);
    positions.add(bytes.length - 22);
    positions.add(bytes.length - 10);
    for (const at of positions) {
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      const r = await openBundle(copy);
      expect(r.ok, `byte ${at}`).toBe(false);
    }
  });

  it('every single flipped byte of a sheet bundle is refused (exhaustive)', async () => {
    const sheet = sampleSheets()[2];
    if (!sheet) throw new Error('sheet');
    const bytes = await sheetBundle(sheet, generateSigningKey(), 'a'.repeat(64));
    const accepted: number[] = [];
    for (let at = 0; at < bytes.length; at++) {
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x04;
      if ((await openBundle(copy)).ok) accepted.push(at);
    }
    expect(accepted).toEqual([]);
  });

  it('names the failing check for the signature, a checksum, a truncation', async () => {
    const { bytes } = await sampleBundle();
    const entries = readZip(bytes);
    const rezip = (change: (m: Map<string, Uint8Array>) => void) => {
      const m = new Map(entries);
      change(m);
      return writeZip(m);
    };
    const manifest = new TextDecoder().decode(entries.get('manifest.json'));
    const badSig = rezip((m) =>
      m.set(
        'manifest.json',
        new TextEncoder().encode(manifest.replace('"counter": 1', '"counter": 2')),
      ),
    );
    expect(errorOf(await openBundle(badSig))).toMatchObject({ code: 'bad-signature' });
    expect(errorOf(await openBundle(badSig))?.message).toContain(
      'manifest.json 与 manifest.sig 不符',
    );
    const swapped = rezip((m) =>
      m.set(
        'attachments/A01-proposal.pdf',
        new TextEncoder().encode('%PDF-1.4 someone else’s proposal'),
      ),
    );
    expect(errorOf(await openBundle(swapped))).toMatchObject({
      code: 'checksum-mismatch',
      message: '文件内容与校验和不符：attachments/A01-proposal.pdf',
    });
    const extra = rezip((m) => m.set('attachments/extra.pdf', new Uint8Array([1])));
    expect(errorOf(await openBundle(extra))).toMatchObject({ code: 'extra-entry' });
    const missing = rezip((m) => m.delete('attachments/A02-agreement.pdf'));
    expect(errorOf(await openBundle(missing))).toMatchObject({
      code: 'missing-entry',
      message: '缺少文件：attachments/A02-agreement.pdf',
    });
    expect(errorOf(await openBundle(bytes.subarray(0, bytes.length - 100)))?.code).toBe(
      'zip-malformed',
    );
    expect(errorOf(await openBundle(bytes.subarray(0, 200)))?.code).toBe('zip-malformed');
    expect(errorOf(await openBundle(new TextEncoder().encode('hello')))?.code).toBe('not-a-bundle');
  });

  it('a manifest re-signed with a foreign key verifies, but the import policy refuses it', async () => {
    const bureau = generateSigningKey();
    const genuine = await sampleBundle(bureau);
    const openedGenuine = await openBundle(genuine.bytes);
    if (!openedGenuine.ok) throw new Error('genuine');
    const trust = applyImport(
      emptyTrust(),
      openedGenuine.bundle,
      checkImport(openedGenuine.bundle, emptyTrust()),
    );
    expect(trust.bureauFingerprint).toBe(openedGenuine.bundle.manifest.signer.fingerprint);
    const forged = await sampleBundle(generateSigningKey());
    const openedForged = await openBundle(forged.bytes);
    if (!openedForged.ok) throw new Error('forged opens');
    const verdict = checkImport(openedForged.bundle, trust);
    expect(verdict.action).toBe('refuse');
    expect(verdict.action === 'refuse' && verdict.reason).toContain('与首次导入时固定的密钥不一致');
  });
});

describe('hostile archives', () => {
  const raw = (name: string, data = new Uint8Array([1, 2, 3])) => zipSync({ [name]: data });
  it('refuses path traversal, absolute paths, drive letters and backslashes', () => {
    for (const [name, why] of [
      ['../evil.txt', '路径穿越'],
      ['a/../../evil.txt', '路径穿越'],
      ['/etc/passwd', '绝对路径'],
      ['C:/Windows/evil.txt', '盘符路径'],
      ['a\\..\\evil.txt', '反斜杠路径'],
    ] as const) {
      expect(() => readZip(raw(name)), name).toThrow(ZipError);
      expect(() => readZip(raw(name)), name).toThrow(why);
    }
  });

  it('refuses a zip bomb before inflating it', () => {
    const bomb = zipSync({
      'attachments/zeros.bin': [new Uint8Array(50 * 1024 * 1024), { level: 9 }],
    });
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => readZip(bomb)).toThrow('疑似 ZIP 炸弹');
  });

  it('refuses duplicate and case-colliding names', () => {
    // fflate will not write duplicates; patch the second name of a two-entry archive in place.
    const z = zipSync({ 'a.txt': new Uint8Array([1]), 'b.txt': new Uint8Array([2]) });
    const text = new TextDecoder('latin1').decode(z);
    const copy = new Uint8Array(z);
    for (let i = text.indexOf('b.txt'); i >= 0; i = text.indexOf('b.txt', i + 1))
      copy[i] = 'A'.charCodeAt(0);
    expect(() => readZip(copy)).toThrow('重复的条目名');
  });

  it('refuses too many entries, and symlinks', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.txt`] = new Uint8Array([i]);
    expect(() =>
      readZip(zipSync(many), {
        maxEntries: 20,
        maxEntryBytes: 1e6,
        maxTotalBytes: 1e7,
        maxRatio: 200,
      }),
    ).toThrow('条目过多');
    const link = zipSync({
      'link.txt': [
        new TextEncoder().encode('/etc/passwd'),
        { os: 3, attrs: (0o120777 << 16) >>> 0 },
      ],
    });
    expect(() => readZip(link)).toThrow('符号链接');
  });
});

describe('import policy', () => {
  it('pins the bureau, refuses replays and wrong signers, and a second import changes nothing', async () => {
    const { bytes } = await sampleBundle();
    const rp = await openBundle(bytes);
    if (!rp.ok) throw new Error('rp');
    let trust = applyImport(emptyTrust(), rp.bundle, checkImport(rp.bundle, emptyTrust()));
    expect(checkImport(rp.bundle, trust).action).toBe('duplicate');
    const sheet = sampleSheets()[1];
    if (!sheet) throw new Error('sheet');
    const key = generateSigningKey();
    const s1 = await openBundle(await sheetBundle(sheet, key, rp.bundle.manifestSha256, 2));
    if (!s1.ok) throw new Error('s1');
    const v1 = checkImport(s1.bundle, trust);
    expect(v1.action).toBe('import');
    trust = applyImport(trust, s1.bundle, v1);
    const replay = await openBundle(await sheetBundle(sheet, key, rp.bundle.manifestSha256, 1));
    if (!replay.ok) throw new Error('replay');
    const rv = checkImport(replay.bundle, trust);
    expect(rv.action === 'refuse' && rv.reason).toContain('疑似重放');
    const impostor = await openBundle(
      await sheetBundle(sheet, generateSigningKey(), rp.bundle.manifestSha256, 3),
    );
    if (!impostor.ok) throw new Error('impostor');
    const iv = checkImport(impostor.bundle, trust);
    expect(iv.action === 'refuse' && iv.reason).toContain('密钥与已登记的不一致');
    const otherPkg = { ...sheet, packageId: 'OTHER-PKG' };
    const foreign = await openBundle(await sheetBundle(otherPkg, key, rp.bundle.manifestSha256, 9));
    if (!foreign.ok) throw new Error('foreign');
    const fv = checkImport(foreign.bundle, trust);
    expect(fv.action === 'refuse' && fv.reason).toContain('属于另一个评审包');
    const wrongAnswer = await openBundle(await sheetBundle(sheet, key, '0'.repeat(64), 10));
    if (!wrongAnswer.ok) throw new Error('wa');
    const wv = checkImport(wrongAnswer.bundle, trust);
    expect(wv.action === 'refuse' && wv.reason).toContain('answers 不符');
  });
});
