/**
 * A bureau verifies any bundle with standard tools alone (DESIGN.md "Bundles"): the real `age`,
 * `unzip`, `openssl` and `sha256sum` (Debian packages that .ci/run installs) on bundles this
 * project produced — a panel result encrypted to the bureau, and each sheet bundle inside it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, openBundle } from '../../src-shared/bundle';
import { generateSigningKey, sha256Hex } from '../../src-shared/crypto/keys';
import { sampleDecision } from '../../src-shared/sample-fixture';
import { sampleBundle, sampleSheets, sheetBundle } from '../../src-shared/bundle/test-helpers';
import { runForTest } from '../../src-main/cli/run-for-test';

const BUREAU_KEY = 'resources/sample/keys/bureau.agekey';
const BUREAU_RECIPIENT = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';

const sh = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function verifyWithStandardTools(dir: string): string[] {
  return [
    sh(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'signer.pem',
        '-rawin',
        '-in',
        'manifest.json',
        '-sigfile',
        'manifest.sig',
      ],
      dir,
    ),
    sh('sha256sum', ['-c', 'SHA256SUMS'], dir),
  ];
}

const run = runForTest;

describe('standard tools verify our bundles', () => {
  it('age -d, unzip, openssl pkeyutl -verify -rawin and sha256sum -c all succeed on a panel bundle and its sheets', async () => {
    const { bytes: rpBytes } = await sampleBundle();
    const rp = await openBundle(rpBytes);
    if (!rp.ok) throw new Error('review package');
    const inner = new Map<string, Uint8Array>();
    const answers = [];
    for (const sheet of sampleSheets().slice(0, 5)) {
      const b = await sheetBundle(sheet, generateSigningKey(), rp.bundle.manifestSha256);
      const opened = await openBundle(b);
      if (!opened.ok) throw new Error('sheet');
      inner.set(`sheets/${sheet.expertId}.jbx`, b);
      answers.push({
        kind: 'expert-sheets' as const,
        manifestSha256: opened.bundle.manifestSha256,
        ref: sheet.expertId,
      });
    }
    const decision = sampleDecision({ packageId: rp.bundle.manifest.packageId });
    const panel = await buildBundle({
      kind: 'panel-result',
      bundleId: 'PR-1',
      packageId: decision.packageId,
      signer: {
        role: 'chair',
        id: 'E01',
        name: '张志远',
        secretKey: generateSigningKey().secretKey,
      },
      counter: 1,
      answers: [{ kind: 'review-package', manifestSha256: rp.bundle.manifestSha256 }, ...answers],
      document: decision,
      files: inner,
      encryptTo: { recipient: BUREAU_RECIPIENT },
    });
    const dir = await mkdtemp(join(tmpdir(), 'jb-std-'));
    await writeFile(join(dir, 'panel.jbx'), panel);
    sh('age', ['-d', '-i', join(process.cwd(), BUREAU_KEY), '-o', 'inner.zip', 'panel.jbx'], dir);
    sh('unzip', ['-q', 'inner.zip', '-d', 'x'], dir);
    const x = join(dir, 'x');
    const [sig, sums] = verifyWithStandardTools(x);
    expect(sig).toContain('Signature Verified Successfully');
    expect(sums).toContain('decision.json: OK');
    expect(sums).toContain('sheets/E01.jbx: OK');
    // Each inner sheet bundle, still signed by its expert, verifies with the same tools.
    for (const name of await readdir(join(x, 'sheets'))) {
      const sheetDir = join(dir, `s-${name}`);
      sh('unzip', ['-q', join(x, 'sheets', name), '-d', sheetDir], dir);
      const [s, c] = verifyWithStandardTools(sheetDir);
      expect(s).toContain('Signature Verified Successfully');
      expect(c).toContain('sheet.json: OK');
      const manifest = await readFile(join(sheetDir, 'manifest.json'));
      expect(answers.map((a) => a.manifestSha256)).toContain(sha256Hex(new Uint8Array(manifest)));
    }
    // And the standard tools notice a change: openssl refuses an edited manifest.
    const m = join(x, 'manifest.json');
    await writeFile(m, (await readFile(m, 'utf8')).replace('"counter": 1', '"counter": 9'));
    expect(() => verifyWithStandardTools(x)).toThrow();
  });
});

describe('jiebang keygen / pack / verify / unpack', () => {
  it('packs the sample, verifies it (✓ per check), unpacks it, and refuses a tampered copy writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-'));
    expect((await run('keygen', '--role', 'bureau', '--out', join(dir, 'keys'))).code).toBe(0);
    expect((await run('keygen', '--role', 'bureau', '--out', join(dir, 'keys'))).err).toContain(
      '未覆盖',
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
    expect(ok.out).toContain('类型 kind:        评审包（review-package）');
    expect(ok.out).toMatch(/指纹 fingerprint: ([0-9a-f]{4} ){7}[0-9a-f]{4}/);
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
      'manifest.sig',
      'package.json',
      'signer.pem',
    ]);
    expect(sh('sha256sum', ['-c', 'SHA256SUMS'], join(dir, 'out'))).toContain('package.json: OK');
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
});
