import {
  formatFingerprint,
  fingerprint,
  generateSigningKey,
  type SigningKeyPair,
} from '../../src-shared/crypto/keys';
import { readFileSync } from 'node:fs';
import { ScoreSheetSchema, TaskBookSchema } from '../../src-shared/model';
import type { Page } from '@playwright/test';
import { armor } from 'age-encryption';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { buildBundle } from '../../src-shared/bundle';
import { ageEncrypt } from '../../src-shared/crypto/age';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { sheetBundleFor } from '../fixtures/bundles';
import { createProfile, expect, test } from './fixtures';

const BUREAU_RECIPIENT = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';

/** A fresh profile, the 文件包核验 screen, and `bytes` chosen in its file input. */
async function openOnVerifyScreen(app: Page, name: string, bytes: Buffer) {
  await createProfile(app);
  await app.getByRole('link', { name: '文件包核验' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '打开文件包…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
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

test('verifies a bundle step by step and shows the signer fingerprint', async ({ app }) => {
  const { bytes, fp } = await sheetFile();
  await openOnVerifyScreen(app, 'E01.jbx', bytes);
  await expect(app.getByRole('status').filter({ hasText: '核验通过' })).toBeVisible();
  await expect(app.getByTestId('bundle-checks')).toContainText('✓ 签名：Ed25519 签名有效');
  await expect(app.getByTestId('bundle-fingerprint')).toHaveText(fp);
  await expect(app.getByTestId('bundle-summary')).toContainText('专家评分表');
  await app.screenshot({ path: 'docs/screenshots/bundles.png' });
});

test('refuses a tampered bundle and names the failed check', async ({ app }) => {
  const { bytes } = await sheetFile();
  const at = bytes.indexOf(Buffer.from('"overallOpinion"'));
  bytes[at + 3] = (bytes[at + 3] ?? 0) ^ 0x01;
  await openOnVerifyScreen(app, 'bad.jbx', bytes);
  await expect(app.getByRole('alert')).toContainText('核验失败');
  await expect(app.getByTestId('bundle-checks')).toContainText('✗');
});

test('asks for the passphrase of an encrypted bundle, refuses a wrong one, opens with the right one', async ({
  app,
}) => {
  const { bytes } = await sheetFile('纸质口令 7d1f');
  await openOnVerifyScreen(app, 'enc.jbx', bytes);
  await expect(app.getByText('该文件已加密')).toBeVisible();
  await app.getByLabel('口令或身份密钥').fill('wrong');
  await app.getByRole('button', { name: '解密并核验' }).click();
  await expect(app.getByRole('alert')).toContainText('解密失败');
  await app.getByLabel('口令或身份密钥').fill('纸质口令 7d1f');
  await app.getByRole('button', { name: '解密并核验' }).click();
  await expect(app.getByTestId('bundle-checks')).toContainText('✓ 解密：age');
  await expect(app.getByRole('status').filter({ hasText: '核验通过' })).toBeVisible();
});

test('opens an ASCII-armored task book signed by the chair and the 发榜方, with the bureau’s identity', async ({
  app,
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
  await openOnVerifyScreen(app, 'taskbook.jbx', Buffer.from(armored));
  await expect(app.getByText('该文件已加密')).toBeVisible();
  const identity = readFileSync('resources/sample/keys/bureau.agekey', 'utf8');
  await app.getByLabel('口令或身份密钥').fill(identity);
  await app.getByRole('button', { name: '解密并核验' }).click();
  await expect(app.getByRole('status').filter({ hasText: '核验通过' })).toBeVisible();
  await expect(app.getByTestId('bundle-checks')).toContainText(
    '✓ 签名：Ed25519 签名有效（2 名签名者）',
  );
  await expect(app.getByTestId('bundle-fingerprint')).toHaveText(
    [chair, issuer].map((k) => formatFingerprint(fingerprint(k.publicKey))),
  );
  const summary = app.getByTestId('bundle-summary');
  await expect(summary).toContainText('项目任务书（第 2 版格式）');
  await expect(summary).toContainText(`任务书 ${tb.taskBookId}`);
  await expect(summary).toContainText('克拉玛依油田开发有限公司（示例）（发榜方 ISSUER）');
  await app.screenshot({ path: 'docs/screenshots/bundles-two-signers.png', fullPage: true });
});
