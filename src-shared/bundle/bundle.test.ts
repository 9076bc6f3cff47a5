import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD } from '../audit/head';
import { generateAgeIdentity } from '../crypto/age';
import { formatFingerprint, generateSigningKey, sign } from '../crypto/keys';
import { buildBundle, BundleBuildError } from './build';
import { openBundle } from './open';
import { applyImport, checkImport, emptyTrust } from './trust';
import type { OpenResult } from './types';
import { writeZip, ZipError } from './zip';
import { readZip } from './zip-open';
import {
  auditChain,
  crypto,
  KIND_SAMPLES,
  reseal,
  sampleBundle,
  sampleSheets,
  sheetBundle,
} from './test-helpers';

const errorOf = (r: OpenResult) => (r.ok ? null : r.error);
const open = (bytes: Uint8Array) => openBundle(bytes, { crypto });
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** Every single-byte change of `bytes` that still opens (should be none). */
async function acceptedFlips(bytes: Uint8Array): Promise<number[]> {
  const accepted: number[] = [];
  for (let at = 0; at < bytes.length; at++) {
    const copy = new Uint8Array(bytes);
    copy[at] = (copy[at] ?? 0) ^ 0x04;
    if ((await open(copy)).ok) accepted.push(at);
  }
  return accepted;
}

describe('bundle round trip (format 2)', () => {
  it('opens what it built: kind, subject, signer, document and attachments', async () => {
    const { bytes, pkg, bureau, files } = await sampleBundle();
    const r = await open(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok || r.bundle.kind !== 'review-package') return;
    expect(r.bundle.document).toEqual(pkg);
    expect(r.bundle.manifest.formatVersion).toBe(2);
    expect(r.bundle.manifest.subject).toEqual({ type: 'package', id: pkg.packageId });
    expect(r.bundle.manifest.signers[0]).toMatchObject({ role: 'bureau', counter: 1 });
    for (const [path, data] of files) expect(r.bundle.files.get(path)).toEqual(data);
    expect([...r.bundle.entries.keys()]).toContain('signatures/1.sig');
    expect(formatFingerprint(r.bundle.manifest.signers[0].fingerprint)).toMatch(
      /^([0-9a-f]{4} ){7}[0-9a-f]{4}$/,
    );
    expect(r.bundle.checks.every((c) => c.ok)).toBe(true);
    expect(bureau.publicKey.length).toBe(32);
  });

  it('encrypts to an X25519 recipient and to a passphrase', async () => {
    const { identity, recipient } = await generateAgeIdentity();
    const key = generateSigningKey();
    const sheet = sampleSheets()[0];
    if (!sheet) throw new Error('sheet');
    const input = {
      crypto,
      kind: 'expert-sheets' as const,
      bundleId: 'S1',
      subject: { type: 'package' as const, id: sheet.packageId },
      signers: [
        {
          role: 'expert' as const,
          id: sheet.expertId,
          name: '张志远',
          secretKey: key.secretKey,
          counter: 1,
          audit: EMPTY_HEAD,
        },
      ] as const,
      document: sheet,
    };
    const sealed = await buildBundle({ ...input, encryptTo: { recipient } });
    expect(decode(sealed.subarray(0, 21))).toBe('age-encryption.org/v1');
    expect(errorOf(await open(sealed))?.code).toBe('needs-key');
    const other = await generateAgeIdentity();
    expect(
      errorOf(await openBundle(sealed, { crypto, keys: [{ identity: other.identity }] }))?.code,
    ).toBe('decrypt-failed');
    const ok = await openBundle(sealed, { crypto, keys: [{ identity }] });
    expect(ok.ok && ok.bundle.wasEncrypted).toBe(true);
    const byPass = await buildBundle({
      ...input,
      encryptTo: { passphrase: '纸上的口令 correct horse' },
    });
    expect(
      (await openBundle(byPass, { crypto, keys: [{ passphrase: '纸上的口令 correct horse' }] })).ok,
    ).toBe(true);
    expect(
      errorOf(await openBundle(byPass, { crypto, keys: [{ passphrase: 'wrong' }] }))?.code,
    ).toBe('decrypt-failed');
  }, 90_000);

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
        fc.integer({ min: 0, max: 12 }),
        async (rows, entries) => {
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
          const audit = auditChain('E01', entries);
          const r = await open(await sheetBundle(sheet, key, 'a'.repeat(64), 1, audit));
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.bundle.document).toEqual(sheet);
            expect(r.bundle.audit).toEqual(audit.chain);
            expect(r.bundle.manifest.signers[0].audit).toEqual(audit.head);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses to sign what the receiver would refuse, saying why', async () => {
    const key = generateSigningKey();
    const sheet = sampleSheets()[0];
    if (!sheet) throw new Error('sheet');
    const signer = {
      role: 'expert' as const,
      id: 'E99',
      name: 'x',
      secretKey: key.secretKey,
      counter: 1,
      audit: EMPTY_HEAD,
    };
    const base = {
      crypto,
      kind: 'expert-sheets' as const,
      bundleId: 'S',
      subject: { type: 'package' as const, id: sheet.packageId },
      document: sheet,
    };
    await expect(buildBundle({ ...base, signers: [signer] })).rejects.toThrow(
      '评分表属于专家 E01，签名者却是 E99',
    );
    await expect(
      buildBundle({ ...base, signers: [{ ...signer, id: 'E01', role: 'bureau' }] }),
    ).rejects.toThrow('专家评分表不能由市科技局（bureau）签名');
    await expect(
      buildBundle({
        ...base,
        subject: { type: 'year', id: '2027' },
        signers: [{ ...signer, id: 'E01' }],
      }),
    ).rejects.toThrow(BundleBuildError);
    await expect(
      buildBundle({
        ...base,
        signers: [{ ...signer, id: 'E01' }],
        files: new Map([['../escape', new Uint8Array(1)]]),
      }),
    ).rejects.toThrow('不允许包含文件');
    // An audit.json that is not the chain the manifest records.
    const audit = auditChain('E01', 4);
    await expect(
      buildBundle({
        ...base,
        signers: [{ ...signer, id: 'E01', audit: { ...audit.head, length: 5 } }],
        files: new Map([['audit.json', audit.bytes]]),
      }),
    ).rejects.toThrow('日志被截短或改写');
  });
});

describe('every kind in the registry', () => {
  it('builds, opens and verifies a format-2 bundle of each kind, several signers included', async () => {
    const bureau = generateSigningKey();
    for (const [kind, make] of Object.entries(KIND_SAMPLES)) {
      const { bytes, keys } = await make(bureau);
      const r = await open(bytes);
      expect(errorOf(r), kind).toBeNull();
      if (!r.ok) continue;
      expect(r.bundle.kind).toBe(kind);
      expect(r.bundle.manifest.signers.length).toBe(keys.length);
      expect(r.bundle.checks.every((c) => c.ok)).toBe(true);
      if (r.bundle.kind === 'panel-result') {
        expect(r.bundle.inner.length).toBe(3);
        expect(r.bundle.extra.transcribed.map((t) => t.sheet.expertId)).toEqual(['E05']);
        expect(r.bundle.checks.map((c) => c.name)).toContain('纸质评分表');
      }
    }
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
      const r = await open(copy);
      expect(r.ok, `byte ${at}`).toBe(false);
    }
  });

  it('every single flipped byte of a sheet bundle is refused (exhaustive)', async () => {
    const sheet = sampleSheets()[2];
    if (!sheet) throw new Error('sheet');
    const bytes = await sheetBundle(sheet, generateSigningKey(), 'a'.repeat(64));
    expect(await acceptedFlips(bytes)).toEqual([]);
  }, 180_000);

  it('every single flipped byte of a two-signer bundle is refused (exhaustive)', async () => {
    // An inspection report signed by both inspectors of the team.
    const { bytes, keys } = await KIND_SAMPLES['inspection-report'](generateSigningKey());
    expect(keys.length).toBe(2);
    expect(await acceptedFlips(bytes)).toEqual([]);
  }, 180_000);

  it('names the failing check for a signature, a checksum, a truncation', async () => {
    const { bytes, bureau } = await sampleBundle();
    const entries = readZip(bytes, crypto);
    // Listed in SHA256SUMS and signed, but not a file this kind holds.
    const stray = await reseal(
      bytes,
      (m) => m.set('photos/x.jpg', encode('x')),
      (_n, manifest) => ({ sig: sign(manifest, bureau.secretKey) }),
    );
    expect(errorOf(await open(stray))).toEqual({
      code: 'extra-entry',
      message: '评审包不应包含：photos/x.jpg（评审包只含 package.json、申报材料附件）',
    });
    const rezip = (change: (m: Map<string, Uint8Array>) => void) => {
      const m = new Map(entries);
      change(m);
      return writeZip(m, crypto);
    };
    const manifest = decode(entries.get('manifest.json'));
    const badSig = rezip((m) =>
      m.set('manifest.json', encode(manifest.replace('"counter": 1', '"counter": 2'))),
    );
    expect(errorOf(await open(badSig))).toMatchObject({ code: 'bad-signature' });
    expect(errorOf(await open(badSig))?.message).toContain(
      'manifest.json 与 signatures/1.sig 不符',
    );
    const swapped = rezip((m) =>
      m.set('attachments/A01-proposal.pdf', encode('%PDF-1.4 someone else’s proposal')),
    );
    expect(errorOf(await open(swapped))).toMatchObject({
      code: 'checksum-mismatch',
      message: '文件内容与校验和不符：attachments/A01-proposal.pdf',
    });
    const extra = rezip((m) => m.set('attachments/extra.pdf', new Uint8Array([1])));
    expect(errorOf(await open(extra))).toMatchObject({ code: 'extra-entry' });
    const missing = rezip((m) => m.delete('attachments/A02-agreement.pdf'));
    expect(errorOf(await open(missing))).toMatchObject({
      code: 'missing-entry',
      message: '缺少文件：attachments/A02-agreement.pdf',
    });
    const noSig = rezip((m) => m.delete('signatures/1.sig'));
    expect(errorOf(await open(noSig))).toMatchObject({
      code: 'missing-entry',
      message: '缺少 signatures/1.sig',
    });
    expect(errorOf(await open(bytes.subarray(0, bytes.length - 100)))?.code).toBe('zip-malformed');
    expect(errorOf(await open(bytes.subarray(0, 200)))?.code).toBe('zip-malformed');
    expect(errorOf(await open(encode('hello')))?.code).toBe('not-a-bundle');
    // An age file of another version is named as such, not as no bundle at all.
    expect(
      errorOf(await open(encode('age-encryption.org/v2\n-> X25519 abc\n--- x\n'))),
    ).toMatchObject({
      code: 'not-a-bundle',
      message: '这是 age 加密文件，但其版本 v2 不受支持（本程序读写 age-encryption.org/v1）',
    });
  });

  it('refuses a duplicate key in a signed manifest, even correctly signed', async () => {
    const key = generateSigningKey();
    const sheet = sampleSheets()[0];
    if (!sheet) throw new Error('sheet');
    const entries = readZip(await sheetBundle(sheet, key, 'a'.repeat(64)), crypto);
    // The signer signs a manifest naming "kind" twice: JSON.parse would read the second,
    // another parser the first; the bundle is refused whatever the signature says.
    const manifest = decode(entries.get('manifest.json')).replace(
      '"kind": "expert-sheets",',
      '"kind": "expert-sheets",\n  "kind": "panel-result",',
    );
    const bytes = encode(manifest);
    entries.set('manifest.json', bytes);
    entries.set('signatures/1.sig', sign(bytes, key.secretKey));
    const r = await open(writeZip(entries, crypto));
    expect(errorOf(r)?.code).toBe('bad-manifest');
    expect(errorOf(r)?.message).toContain('重复的键 "kind"');
    // Anywhere: deep in the payload too, under a valid signature and valid checksums.
    const deep = await reseal(
      await sheetBundle(sheet, key, 'a'.repeat(64)),
      (m) =>
        m.set(
          'sheet.json',
          encode(
            decode(m.get('sheet.json')).replace(
              '"criterionId": "C2",',
              '"criterionId": "C2",\n          "criterionId": "C3",',
            ),
          ),
        ),
      (_n, manifest) => ({ sig: sign(manifest, key.secretKey) }),
    );
    const dr = await open(deep);
    expect(errorOf(dr)?.code).toBe('bad-payload');
    expect(errorOf(dr)?.message).toMatch(
      /重复的键 "criterionId".*scores\[0\]\.criteria\[1\]\.criterionId/,
    );
  });

  it('refuses a signer name that hides what it says (bidi override, control character), even correctly signed', async () => {
    const key = generateSigningKey();
    const sheet = sampleSheets()[0];
    if (!sheet) throw new Error('sheet');
    /** The sheet bundle with the signer's name in manifest.json (JSON text) replaced, re-signed. */
    const signedAs = async (name: string) =>
      open(
        await reseal(
          await sheetBundle(sheet, key, 'a'.repeat(64)),
          (m) => {
            const text = decode(m.get('manifest.json'));
            m.set(
              'manifest.json',
              encode(text.replace(`"name": "${sheet.expertId}"`, `"name": "${name}"`)),
            );
          },
          (_n, manifest) => ({ sig: sign(manifest, key.secretKey) }),
        ),
      );
    for (const [name, cp] of [
      ['\\u202e\u5b50\u6587\u674e', 'U+202E'],
      ['李文华\\u001b[2K\\r✓', 'U+001B'],
      ['李文华\\u200f', 'U+200F'],
    ] as const) {
      const r = await signedAs(name);
      expect(errorOf(r)?.code, cp).toBe('bad-manifest');
      expect(errorOf(r)?.message).toContain(cp);
    }
    // A zero-width character is dropped from the name shown, as in every other name.
    const opened = await signedAs('李\\u200b文华');
    expect(opened.ok && opened.bundle.manifest.signers[0].name).toBe('李文华');
  });

  it('a manifest re-signed with a foreign key verifies, but the import policy refuses it', async () => {
    const bureau = generateSigningKey();
    const genuine = await open((await sampleBundle(bureau)).bytes);
    if (!genuine.ok) throw new Error('genuine');
    const trust = applyImport(
      emptyTrust(),
      genuine.bundle,
      checkImport(genuine.bundle, emptyTrust()),
    );
    expect(trust.bureauFingerprint).toBe(genuine.bundle.manifest.signers[0].fingerprint);
    const forged = await open((await sampleBundle(generateSigningKey())).bytes);
    if (!forged.ok) throw new Error('forged opens');
    const verdict = checkImport(forged.bundle, trust);
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
      expect(() => readZip(raw(name), crypto), name).toThrow(ZipError);
      expect(() => readZip(raw(name), crypto), name).toThrow(why);
    }
  });

  it('refuses a zip bomb from its directory, inflating nothing', async () => {
    const one = zipSync({
      'attachments/zeros.bin': [new Uint8Array(50 * 1024 * 1024), { level: 9 }],
    });
    expect(one.length).toBeLessThan(200_000);
    expect(() => readZip(one, crypto)).toThrow('疑似 ZIP 炸弹');
    // Said in words, with what to do — no bare 52428800/50934.
    expect(() => readZip(one, crypto)).toThrow(
      /压缩比异常（疑似 ZIP 炸弹）：条目 attachments\/zeros\.bin 解压后 50 MB，压缩后仅 [\d.]+ KB，压缩比约 \d+:1，超过上限 200:1，未解压。.*请勿使用该文件，向发件方核实后请其重新导出$/,
    );
    // Many entries just under any per-entry threshold: the archive's total ratio gives it away.
    const many: Record<string, [Uint8Array, { level: 9 }]> = {};
    for (let i = 0; i < 40; i++)
      many[`attachments/a${i}.pdf`] = [new Uint8Array(60 * 1024), { level: 9 }];
    const r = await open(zipSync(many));
    expect(errorOf(r)).toMatchObject({ code: 'zip-limits' });
    expect(r.inflatedBytes).toBe(0);
  });

  it('refuses duplicate and case-colliding names', () => {
    // fflate will not write duplicates; patch the second name of a two-entry archive in place.
    const z = zipSync({ 'a.txt': new Uint8Array([1]), 'b.txt': new Uint8Array([2]) });
    const text = new TextDecoder('latin1').decode(z);
    const copy = new Uint8Array(z);
    for (let i = text.indexOf('b.txt'); i >= 0; i = text.indexOf('b.txt', i + 1))
      copy[i] = 'A'.charCodeAt(0);
    expect(() => readZip(copy, crypto)).toThrow('重复的条目名');
  });

  it('refuses too many entries, and symlinks', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.txt`] = new Uint8Array([i]);
    expect(() =>
      readZip(zipSync(many), crypto, {
        maxEntries: 20,
        maxEntryBytes: 1e6,
        maxTotalBytes: 1e7,
        maxRatio: 200,
      }),
    ).toThrow('条目过多');
    const link = zipSync({
      'link.txt': [encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    expect(() => readZip(link, crypto)).toThrow('符号链接');
  });

  it('inflates only entries the signed manifest names: an unnamed entry is refused unread', async () => {
    const { bytes } = await sampleBundle();
    const entries = readZip(bytes, crypto);
    entries.set('attachments/unlisted.pdf', new Uint8Array(5 * 1024 * 1024));
    const r = await open(writeZip(entries, crypto));
    expect(errorOf(r)).toMatchObject({ code: 'extra-entry' });
    // Only the manifest, the signature files and SHA256SUMS were read.
    const signed = ['manifest.json', 'signatures/1.sig', 'signatures/1.pem', 'SHA256SUMS'];
    const expected = signed.reduce((n, name) => n + (entries.get(name)?.byteLength ?? 0), 0);
    expect(r.inflatedBytes).toBe(expected);
  });
});

describe('import policy', () => {
  it('pins the bureau, refuses replays and wrong signers, and a second import changes nothing', async () => {
    const rp = await open((await sampleBundle()).bytes);
    if (!rp.ok) throw new Error('rp');
    let trust = applyImport(emptyTrust(), rp.bundle, checkImport(rp.bundle, emptyTrust()));
    expect(checkImport(rp.bundle, trust).action).toBe('duplicate');
    const sheet = sampleSheets()[1];
    if (!sheet) throw new Error('sheet');
    const key = generateSigningKey();
    const s1 = await open(await sheetBundle(sheet, key, rp.bundle.manifestSha256, 2));
    if (!s1.ok) throw new Error('s1');
    const v1 = checkImport(s1.bundle, trust);
    expect(v1.action).toBe('import');
    trust = applyImport(trust, s1.bundle, v1);
    const replay = await open(await sheetBundle(sheet, key, rp.bundle.manifestSha256, 1));
    if (!replay.ok) throw new Error('replay');
    const rv = checkImport(replay.bundle, trust);
    expect(rv.action === 'refuse' && rv.reason).toContain('疑似重放');
    const impostor = await open(
      await sheetBundle(sheet, generateSigningKey(), rp.bundle.manifestSha256, 3),
    );
    if (!impostor.ok) throw new Error('impostor');
    const iv = checkImport(impostor.bundle, trust);
    expect(iv.action === 'refuse' && iv.reason).toContain('密钥与已登记的不一致');
    const otherPkg = { ...sheet, packageId: 'OTHER-PKG' };
    const foreign = await open(await sheetBundle(otherPkg, key, rp.bundle.manifestSha256, 9));
    if (!foreign.ok) throw new Error('foreign');
    const fv = checkImport(foreign.bundle, trust);
    expect(fv.action === 'refuse' && fv.reason).toContain('属于另一个评审包');
    const wrongAnswer = await open(await sheetBundle(sheet, key, '0'.repeat(64), 10));
    if (!wrongAnswer.ok) throw new Error('wa');
    const wv = checkImport(wrongAnswer.bundle, trust);
    expect(wv.action === 'refuse' && wv.reason).toContain(
      '不是针对当前评审包文件作出的：它所回应的评审包文件',
    );
  });
});
