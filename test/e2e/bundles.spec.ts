import { formatFingerprint, fingerprint, generateSigningKey } from '../../src-shared/crypto/keys';
import { readFileSync } from 'node:fs';
import { ScoreSheetSchema } from '../../src-shared/model';
import type { Page } from '@playwright/test';
import { sheetBundleFor } from '../fixtures/bundles';
import { createProfile, expect, test } from './fixtures';

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
