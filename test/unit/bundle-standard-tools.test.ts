/**
 * A bureau verifies any bundle with standard tools alone (docs/bundles.md "Verifying with standard tools"): the real `age`,
 * `unzip`, `openssl` and `sha256sum` (Debian packages that .ci/run installs) on bundles this
 * project produced — a bundle of every kind in the registry, each of its signers in turn, the
 * sheet bundles inside a panel result, binary and ASCII-armored age both ways.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src-shared/bundle';
import { inspectZip } from '../../src-shared/bundle/zip';
import {
  auditChain,
  KIND_SAMPLES,
  sampleSheets,
  sheetBundle,
} from '../../src-shared/bundle/test-helpers';
import { ageEncrypt, parseIdentityFile } from '../../src-shared/crypto/age';
import { generateSigningKey, sha256Hex } from '../../src-shared/crypto/keys';
import { nobleCrypto } from '../../src-shared/crypto/noble';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { runForTest } from '../../src-main/cli/run-for-test';
import { sh, verifyWithStandardTools } from '../fixtures/standard-tools';

const BUREAU_KEY = 'resources/sample/keys/bureau.agekey';
const BUREAU_RECIPIENT = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';

const run = runForTest;

describe('standard tools verify our bundles', () => {
  it('unzip, openssl pkeyutl -verify -rawin (each signer) and sha256sum -c on a bundle of every kind', async () => {
    const bureau = generateSigningKey();
    const root = await mkdtemp(join(tmpdir(), 'jb-std-'));
    for (const [kind, make] of Object.entries(KIND_SAMPLES)) {
      const { bytes, keys } = await make(bureau);
      await writeFile(join(root, `${kind}.jbx`), bytes);
      sh('unzip', ['-q', `${kind}.jbx`, '-d', kind], root);
      const dir = join(root, kind);
      const { signatures, sums } = verifyWithStandardTools(dir);
      expect(signatures.length, kind).toBe(keys.length);
      for (const s of signatures) expect(s, kind).toContain('Signature Verified Successfully');
      expect(sums, kind).toMatch(/: OK\n$/);
      expect(sums, kind).not.toContain('FAILED');
      if (kind === 'panel-result') {
        expect(sums).toContain('paper/E05.pdf: OK');
        expect(sums).toContain('paper/E05.json: OK');
        // Each inner sheet bundle, still signed by its expert, verifies with the same tools.
        const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
        const answered = manifest.answers.map((a: { manifestSha256: string }) => a.manifestSha256);
        const inner = await readdir(join(dir, 'sheets'));
        expect(inner.length).toBe(3);
        for (const name of inner) {
          const sheetDir = join(root, `inner-${name}`);
          sh('unzip', ['-q', join(dir, 'sheets', name), '-d', sheetDir], root);
          const checked = verifyWithStandardTools(sheetDir);
          expect(checked.signatures[0]).toContain('Signature Verified Successfully');
          expect(checked.sums).toContain('sheet.json: OK');
          const innerManifest = await readFile(join(sheetDir, 'manifest.json'));
          expect(answered).toContain(sha256Hex(new Uint8Array(innerManifest)));
        }
      }
    }
    // And the standard tools notice a change: openssl refuses an edited manifest, for each signer.
    const m = join(root, 'task-book', 'manifest.json');
    await writeFile(m, (await readFile(m, 'utf8')).replace('"counter": 1', '"counter": 9'));
    expect(() => verifyWithStandardTools(join(root, 'task-book'))).toThrow();
  });

  it('age -d reads what we encrypt (node:crypto and @noble), and we read what age -e and age -a write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-age-'));
    const { bytes: zip } = await KIND_SAMPLES['panel-result'](generateSigningKey());
    const identity = parseIdentityFile(await readFile(BUREAU_KEY, 'utf8'));
    const keys = identity.map((i) => ({ identity: i }));
    for (const crypto of [nodeCrypto, nobleCrypto]) {
      const sealed = await ageEncrypt(zip, { recipient: BUREAU_RECIPIENT }, crypto);
      await writeFile(join(dir, `${crypto.name}.age`), sealed);
      const back = execFileSync('age', ['-d', '-i', BUREAU_KEY, join(dir, `${crypto.name}.age`)]);
      expect(new Uint8Array(back)).toEqual(zip);
    }
    await writeFile(join(dir, 'panel.zip'), zip);
    sh('age', ['-r', BUREAU_RECIPIENT, '-o', 'binary.jbx', 'panel.zip'], dir);
    sh('age', ['-a', '-r', BUREAU_RECIPIENT, '-o', 'armored.jbx', 'panel.zip'], dir);
    const armored = await readFile(join(dir, 'armored.jbx'));
    expect(armored.toString('latin1')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
    for (const name of ['binary.jbx', 'armored.jbx']) {
      const file = new Uint8Array(await readFile(join(dir, name)));
      for (const crypto of [nodeCrypto, nobleCrypto]) {
        const r = await openBundle(file, { crypto, keys });
        expect(r.ok, `${name} ${crypto.name}`).toBe(true);
        expect(r.ok && r.bundle.kind).toBe('panel-result');
        expect(r.ok && r.bundle.wasEncrypted).toBe(true);
      }
    }
    // The CLI too, with the identity file.
    const verified = await run('verify', join(dir, 'armored.jbx'), '--identity', BUREAU_KEY);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('✓ 解密：age');
    expect(verified.out).toContain('✓ 签名：Ed25519 签名有效（2 名签名者）');
    expect(verified.out).toContain('纸质评分表');
  });
});

describe('jiebang keygen / pack / verify / unpack', () => {
  it('packs the sample, verifies it (✓ per check), unpacks it, and refuses a tampered copy writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-'));
    expect((await run('keygen', '--role', 'bureau', '--out', join(dir, 'keys'))).code).toBe(0);
    expect((await run('keygen', '--role', 'bureau', '--out', join(dir, 'keys'))).err).toContain(
      '未覆盖',
    );
    expect((await run('keygen', '--role', 'inspector', '--out', join(dir, 'i'))).code).toBe(0);
    expect((await run('keygen', '--role', 'nobody', '--out', join(dir, 'n'))).err).toContain(
      '--role 须为以下之一',
    );
    await writeFile(join(dir, 'pass.txt'), '纸质口令 7d1f\n');
    const pack = await run(
      'pack',
      'resources/sample/review-package.json',
      '--attachments',
      'resources/sample/attachments',
      '--key',
      join(dir, 'keys/signing.key'),
      '-o',
      join(dir, 'rp.jbx'),
      '--passphrase-file',
      join(dir, 'pass.txt'),
    );
    expect(pack.code).toBe(0);
    const noKey = await run('verify', join(dir, 'rp.jbx'));
    expect(noKey.code).toBe(1);
    expect(noKey.err).toContain('需要身份密钥');
    const ok = await run('verify', join(dir, 'rp.jbx'), '--passphrase-file', join(dir, 'pass.txt'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('✓ 签名：Ed25519 签名有效');
    expect(ok.out).toContain('类型：评审包（第 2 版格式）');
    expect(ok.out).toContain('用途：市科技局发给评审专家的评审包');
    expect(ok.out).toContain('对象：评审包 KLMY-2026-JB-001');
    expect(ok.out).toMatch(/密钥指纹：([0-9a-f]{4} ){7}[0-9a-f]{4}/);
    // The bureau's key has signed nothing before here: no audit entry, said as a person would
    // (before: 「审计日志 0 条，末条 0000000000000000…」, the empty chain's all-zero head).
    expect(ok.out).toContain('签名计数：1；审计日志：无\n');
    expect(ok.out).not.toContain('末条 0000');
    // The human output is Chinese for officials: the time in Beijing time, no English label.
    expect(ok.out).toMatch(/签发时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/);
    expect(ok.out).not.toMatch(
      /\b(kind|purpose|subject|signer|fingerprint|counter|created|contents):/,
    );
    expect(ok.out).toContain('attachments/A01-proposal.pdf');
    const unpacked = await run(
      'unpack',
      join(dir, 'rp.jbx'),
      '-o',
      join(dir, 'out'),
      '--passphrase-file',
      join(dir, 'pass.txt'),
    );
    expect(unpacked.code).toBe(0);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      'SHA256SUMS',
      'attachments',
      'manifest.json',
      'package.json',
      'signatures',
    ]);
    const standard = verifyWithStandardTools(join(dir, 'out'));
    expect(standard.signatures).toHaveLength(1);
    expect(standard.sums).toContain('package.json: OK');
    // A plain (unencrypted) bundle with one flipped byte: verify says which check failed, unpack writes nothing.
    await run(
      'pack',
      'resources/sample/review-package.json',
      '--attachments',
      'resources/sample/attachments',
      '--key',
      join(dir, 'keys/signing.key'),
      '-o',
      join(dir, 'plain.jbx'),
    );
    // jiebang pack reads each attachment once (ZIP data descriptors, general-purpose bit 3):
    // unzip, openssl and sha256sum verify it, plain and through `age -d`, as any other bundle.
    expect(
      inspectZip(new Uint8Array(await readFile(join(dir, 'plain.jbx'))))
        .filter((e) => e.descriptor)
        .map((e) => e.name),
    ).toContain('attachments/A01-proposal.pdf');
    await run(
      'pack',
      'resources/sample/review-package.json',
      '--attachments',
      'resources/sample/attachments',
      '--key',
      join(dir, 'keys/signing.key'),
      '-o',
      join(dir, 'sealed.jbx'),
      '--recipient',
      BUREAU_RECIPIENT,
    );
    sh(
      'age',
      ['-d', '-i', BUREAU_KEY, '-o', join(dir, 'sealed.zip'), join(dir, 'sealed.jbx')],
      '.',
    );
    for (const zip of ['plain.jbx', 'sealed.zip']) {
      sh('unzip', ['-tqq', zip], dir);
      sh('unzip', ['-q', zip, '-d', `std-${zip}`], dir);
      const tools = verifyWithStandardTools(join(dir, `std-${zip}`));
      expect(tools.signatures, zip).toEqual([
        expect.stringContaining('Signature Verified Successfully'),
      ]);
      expect(tools.sums, zip).toContain('attachments/A01-proposal.pdf: OK');
      expect(tools.sums, zip).not.toContain('FAILED');
    }
    const bytes = new Uint8Array(await readFile(join(dir, 'plain.jbx')));
    const at = bytes.length - 3000;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(join(dir, 'bad.jbx'), bytes);
    const bad = await run('verify', join(dir, 'bad.jbx'));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/✗ /);
    const badUnpack = await run('unpack', join(dir, 'bad.jbx'), '-o', join(dir, 'bad-out'));
    expect(badUnpack.code).toBe(1);
    expect(badUnpack.err).toContain('未写入任何文件');
    await expect(readdir(join(dir, 'bad-out'))).rejects.toThrow();
  });

  it('verify --previous compares two bundles of one expert: a truncated or rewritten audit log is caught', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-prev-'));
    const sheet = sampleSheets()[1];
    if (!sheet) throw new Error('sheet');
    const key = generateSigningKey();
    const write = async (name: string, counter: number, audit: ReturnType<typeof auditChain>) => {
      await writeFile(
        join(dir, name),
        await sheetBundle(sheet, key, 'a'.repeat(64), counter, audit),
      );
      return join(dir, name);
    };
    const first = await write('1.jbx', 1, auditChain(sheet.expertId, 6));
    const grown = await write('2.jbx', 2, auditChain(sheet.expertId, 9));
    const cut = await write('3.jbx', 3, auditChain(sheet.expertId, 4));
    const ok = await run('verify', grown, '--previous', first);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(
      '✓ 与上一份文件比较 E02（评审专家 E02）：计数 1 → 2，审计日志 6 → 9 条，前后相接',
    );
    const truncated = await run('verify', cut, '--previous', grown);
    expect(truncated.code).toBe(1);
    expect(truncated.out).toContain('✓ 签名：Ed25519 签名有效');
    expect(truncated.err).toContain('审计日志变短：该签名者上一份文件记录 9 条，此文件只有 4 条');
    const replay = await run('verify', first, '--previous', grown);
    expect(replay.err).toContain('疑似重放');
  });

  it('pack refuses a package JSON with a duplicate key, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-dup-'));
    expect((await run('keygen', '--role', 'bureau', '--out', join(dir, 'keys'))).code).toBe(0);
    const text = await readFile('resources/sample/review-package.json', 'utf8');
    await writeFile(
      join(dir, 'dup.json'),
      text.replace('"cityFunding": "800",', '"cityFunding": "800",\n    "cityFunding": "8000",'),
    );
    const r = await run(
      'pack',
      join(dir, 'dup.json'),
      '--attachments',
      'resources/sample/attachments',
      '--key',
      join(dir, 'keys/signing.key'),
      '-o',
      join(dir, 'x.jbx'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('重复的键 "cityFunding"');
    expect(r.err).toContain('demand.cityFunding');
    await expect(readdir(dir)).resolves.not.toContain('x.jbx');
  });
});
