import {
  formatFingerprint,
  fingerprint,
  generateSigningKey,
  type SigningKeyPair,
} from '../../src-shared/crypto/keys';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoreSheetSchema, TaskBookSchema } from '../../src-shared/model';
import { armor } from 'age-encryption';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { buildBundle } from '../../src-shared/bundle';
import { ageEncrypt } from '../../src-shared/crypto/age';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { sheetBundleFor } from '../fixtures/bundles';
import { expect, test, type Screens } from './fixtures';

const BUREAU_RECIPIENT = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';

/** A fresh profile, the 文件包核验 screen, and `bytes` chosen in its file input. */
async function openOnVerifyScreen(ui: Screens, name: string, bytes: Buffer) {
  await ui.gate.create();
  await ui.bundles.open();
  await ui.bundles.openFile({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

async function sheetFile(passphrase?: string) {
  const key = generateSigningKey();
  const sheet = ScoreSheetSchema.parse(
    JSON.parse(readFileSync('resources/sample/sheets/E01.json', 'utf8')),
  );
  const bytes = await sheetBundleFor(sheet, {
    key,
    name: '张志远',
    ...(passphrase ? { encryptTo: { passphrase } } : {}),
  });
  return { bytes: Buffer.from(bytes), fp: formatFingerprint(fingerprint(key.publicKey)) };
}

test('verifies a bundle step by step and shows the signer fingerprint', async ({ ui }) => {
  const { bytes, fp } = await sheetFile();
  await openOnVerifyScreen(ui, 'E01.jbx', bytes);
  await expect(ui.bundles.passed).toBeVisible();
  await expect(ui.bundles.checks).toContainText('✓ 签名：Ed25519 签名有效');
  await expect(ui.bundles.fingerprints).toHaveText(fp);
  await expect(ui.bundles.summary).toContainText('专家评分表');
  // When it was signed, year first.
  await expect(ui.bundles.summary).toContainText(
    /签署时间\s*\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/,
  );
  await ui.page.screenshot({ path: 'docs/screenshots/bundles.png' });
});

test('refuses a tampered bundle and names the failed check', async ({ ui }) => {
  const { bytes } = await sheetFile();
  const at = bytes.indexOf(Buffer.from('"overallOpinion"'));
  bytes[at + 3] = (bytes[at + 3] ?? 0) ^ 0x01;
  await openOnVerifyScreen(ui, 'bad.jbx', bytes);
  await expect(ui.page.getByRole('alert')).toContainText('核验失败');
  await expect(ui.bundles.checks).toContainText('✗');
});

test('asks for the passphrase of an encrypted bundle (no failure, no command-line words), refuses a wrong one, opens with the right one', async ({
  ui,
}) => {
  const { bytes } = await sheetFile('纸质口令 7d1f');
  await openOnVerifyScreen(ui, 'enc.jbx', bytes);
  await expect(ui.bundles.askedForKey).toBeVisible();
  // Nothing was entered yet: no red, and nothing about --identity (a CLI flag).
  await expect(ui.page.getByRole('alert')).toHaveCount(0);
  await expect(ui.page.getByText('--identity')).toHaveCount(0);
  await ui.bundles.decrypt('wrong');
  await expect(ui.page.getByRole('alert')).toContainText('解密失败');
  await ui.bundles.decrypt('纸质口令 7d1f');
  await expect(ui.bundles.checks).toContainText('✓ 解密：age');
  await expect(ui.bundles.passed).toBeVisible();
});

test('opens an ASCII-armored task book signed by the chair and the 发榜方, with the bureau’s identity', async ({
  ui,
}) => {
  const tb = TaskBookSchema.parse(
    JSON.parse(readFileSync('resources/sample/taskbook.json', 'utf8')),
  );
  const chair = generateSigningKey();
  const issuer = generateSigningKey();
  const signer = (role: 'chair' | 'issuer', id: string, name: string, key: SigningKeyPair) => ({
    role,
    id,
    name,
    secretKey: key.secretKey,
    counter: 1,
    audit: EMPTY_HEAD,
  });
  const zip = await buildBundle({
    crypto: nodeCrypto,
    kind: 'task-book',
    bundleId: `${tb.taskBookId}-1`,
    subject: { type: 'task-book', id: tb.taskBookId },
    signers: [
      signer('chair', 'E01', '张志远', chair),
      signer('issuer', 'ISSUER', '克拉玛依油田开发有限公司（示例）', issuer),
    ],
    document: tb,
    files: new Map([['taskbook.pdf', new TextEncoder().encode('%PDF-1.4 stand-in')]]),
  });
  const armored = armor.encode(await ageEncrypt(zip, { recipient: BUREAU_RECIPIENT }, nodeCrypto));
  await openOnVerifyScreen(ui, 'taskbook.jbx', Buffer.from(armored));
  await expect(ui.bundles.askedForKey).toBeVisible();
  await ui.bundles.decrypt(readFileSync('resources/sample/keys/bureau.agekey', 'utf8'));
  await expect(ui.bundles.passed).toBeVisible();
  await expect(ui.bundles.checks).toContainText('✓ 签名：Ed25519 签名有效（2 名签名者）');
  await expect(ui.bundles.fingerprints).toHaveText(
    [chair, issuer].map((k) => formatFingerprint(fingerprint(k.publicKey))),
  );
  const summary = ui.bundles.summary;
  await expect(summary).toContainText('项目任务书（第 2 版格式）');
  await expect(summary).toContainText(`任务书 ${tb.taskBookId}`);
  await expect(summary).toContainText('克拉玛依油田开发有限公司（示例）（发榜方 ISSUER）');
  await ui.page.screenshot({ path: 'docs/screenshots/bundles-two-signers.png', fullPage: true });
});

test('refuses a file past the bound on one file from its size, by name, before reading it', async ({
  ui,
}) => {
  // 300 MB starting with PK, sparse on disk: the host is given its path and reads none of it.
  const dir = mkdtempSync(join(tmpdir(), 'jb-big-'));
  const big = join(dir, 'big.jbx');
  writeFileSync(big, Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
  truncateSync(big, 300 * 1024 * 1024);
  await ui.gate.create();
  await ui.bundles.open();
  await ui.bundles.openFile(big);
  await expect(ui.page.getByRole('alert')).toContainText(
    'big.jbx 有 300 MB，超过单个文件 256 MB 的上限，未读取：请确认选对了文件',
  );
});
