/**
 * The bureau's files as an expert's installation meets them (issue 17): a review package made by
 * `jiebang package new` + `sign` from the templates filled with the sample opens in the expert's
 * import; a calendar bundle the bureau signed for a year the app lacks is accepted from the pinned
 * key, and the publicity window then counts its make-up day; one signed by another key is refused.
 * The bundles are made with the built CLI, as the bureau makes them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateSigningKey, secretKeyToPem } from '../../src-shared/crypto/keys';
import { createProfile, expect, test } from './fixtures';

const KEY = 'resources/sample/keys/bureau-signing.key';
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], { encoding: 'utf8' });

async function openOnVerifyScreen(app: Page, path: string) {
  await app.getByRole('link', { name: '文件包核验' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '打开文件包…' }).click();
  await (await chooser).setFiles(path);
  await expect(app.getByRole('status').filter({ hasText: '核验通过' })).toBeVisible();
}

test('a review package made from the templates filled with the sample opens in the expert’s import', async ({
  app,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-package-'));
  cli(
    'package',
    'new',
    'resources/templates/sample',
    '--attachments',
    'resources/sample/attachments',
    '-o',
    join(dir, 'rp.json'),
  );
  const signed = cli(
    'package',
    'sign',
    join(dir, 'rp.json'),
    '--key',
    KEY,
    '--attachments',
    'resources/sample/attachments',
    '-o',
    join(dir, 'KLMY-2026-JB-001.jbx'),
    '--data',
    join(dir, 'data'),
  );
  expect(signed).toContain('市科技局签名密钥指纹：9955 e4cd 08fa 8007 f34e f507 cff6 6106');

  await createProfile(app, '刘珺');
  await app.getByRole('link', { name: '专家评审' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '打开评审包…' }).click();
  await (await chooser).setFiles(join(dir, 'KLMY-2026-JB-001.jbx'));
  await expect(app.getByTestId('import-checks')).toContainText('✓ 签名：Ed25519 签名有效');
  await expect(app.getByTestId('bureau-fingerprint')).toContainText(
    '9955 e4cd 08fa 8007 f34e f507 cff6 6106',
  );
  await app.getByRole('button', { name: '指纹一致，确认导入' }).click();
  await expect(app.getByRole('radio', { name: /E02 刘珺/ })).toBeVisible();
  await expect(app.getByRole('radio', { name: /E01 张志远.*专家组组长/ })).toBeVisible();
});

test('a calendar for a year the app lacks is accepted from the pinned bureau key and counts its make-up day; another key’s is refused', async ({
  app,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-calendar-'));
  // The sample package (counter 1) is what pins the key here; the calendar comes after it.
  cli(
    'calendar',
    'sign',
    'test/fixtures/calendar/2028-test.json',
    '--key',
    KEY,
    '-o',
    join(dir, 'calendar-2028.jbx'),
    '--data',
    join(dir, 'bureau'),
    '--counter',
    '2',
  );
  writeFileSync(join(dir, 'other.key'), secretKeyToPem(generateSigningKey().secretKey));
  cli(
    'calendar',
    'sign',
    'test/fixtures/calendar/2028-test.json',
    '--key',
    join(dir, 'other.key'),
    '-o',
    join(dir, 'other-2028.jbx'),
    '--data',
    join(dir, 'other'),
  );

  await createProfile(app, '孙昇');
  await app.getByRole('link', { name: '专家评审' }).click();
  await app.getByRole('button', { name: '使用示例评审包' }).click();
  await app.getByRole('button', { name: '指纹一致，确认导入' }).click();
  await expect(app.getByRole('radio', { name: /E03 孙昇/ })).toBeVisible();

  // Another key's calendar: refused, nothing written.
  await openOnVerifyScreen(app, join(dir, 'other-2028.jbx'));
  const card = app.getByTestId('calendar-import');
  await card.getByRole('button', { name: '导入此日历' }).click();
  await expect(card.getByRole('alert')).toContainText(
    '未导入：⚠ 市科技局签名密钥与首次导入时固定的密钥不一致',
  );
  await card.getByLabel('公示开始日期').fill('2028-01-20');
  await expect(card.getByTestId('publicity-window')).toHaveText(
    '日历数据不含 2028 年的法定节假日安排，无法计算工作日；请导入包含 2028 年的日历文件。',
  );

  // The bureau's: accepted; the publicity window counts Saturday 22 January, a make-up working day.
  await openOnVerifyScreen(app, join(dir, 'calendar-2028.jbx'));
  await expect(app.getByTestId('bundle-summary')).toContainText('工作日日历');
  await card.getByRole('button', { name: '导入此日历' }).click();
  await expect(card.getByRole('status')).toContainText('已导入 2028 年工作日日历');
  await expect(card.getByRole('status')).toContainText(
    '注意：这是测试数据，不是国务院办公厅的放假安排通知',
  );
  await card.getByLabel('公示开始日期').fill('2028-01-20');
  const window = card.getByTestId('publicity-window');
  await expect(window).toContainText(
    '公示期（5 个工作日，第十二条（六））：2028-01-20 至 2028-02-02',
  );
  await expect(window).toContainText('2028-01-22（调休上班）');
  await app.screenshot({ path: 'docs/screenshots/calendar-import.png', fullPage: true });
});
