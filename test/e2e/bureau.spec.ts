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
import { generateSigningKey, secretKeyToPem } from '../../src-shared/crypto/keys';
import { expect, test } from './fixtures';
import type { BundlesPage } from './pages';

const KEY = 'resources/sample/keys/bureau-signing.key';
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], { encoding: 'utf8' });

async function openOnVerifyScreen(bundles: BundlesPage, path: string) {
  await bundles.open();
  await bundles.openFile(path);
  await expect(bundles.passed).toBeVisible();
}

test('a review package made from the templates filled with the sample opens in the expert’s import', async ({
  ui,
}) => {
  const { gate, review } = ui;
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

  await gate.create('刘珺（模板）');
  await review.open();
  await review.openPackage(join(dir, 'KLMY-2026-JB-001.jbx'));
  await expect(review.importChecks).toContainText('✓ 签名：Ed25519 签名有效');
  await expect(review.bureauFingerprint).toContainText('9955 e4cd 08fa 8007 f34e f507 cff6 6106');
  await review.confirmImport();
  await expect(review.expert(/E02 刘珺/)).toBeVisible();
  await expect(review.expert(/E01 张志远.*专家组组长/)).toBeVisible();
});

test('a calendar for a year the app lacks is accepted from the pinned bureau key and counts its make-up day; another key’s is refused', async ({
  ui,
}) => {
  const { page, gate, review, bundles } = ui;
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

  await gate.create('孙昇（日历）');
  await review.open();
  await review.useSamplePackage();
  await review.confirmImport();
  await expect(review.expert(/E03 孙昇/)).toBeVisible();

  // Another key's calendar: refused, nothing written.
  await openOnVerifyScreen(bundles, join(dir, 'other-2028.jbx'));
  await bundles.importCalendar();
  await expect(bundles.calendar.getByRole('alert')).toContainText(
    '未导入：⚠ 市科技局签名密钥与首次导入时固定的密钥不一致',
  );
  await bundles.publicityFrom('2028-01-20');
  await expect(bundles.publicityWindow).toHaveText(
    '日历数据不含 2028 年的法定节假日安排，无法计算工作日；请导入包含 2028 年的日历文件。',
  );

  // The bureau's: accepted; the publicity window counts Saturday 22 January, a make-up working day.
  await openOnVerifyScreen(bundles, join(dir, 'calendar-2028.jbx'));
  await expect(bundles.summary).toContainText('工作日日历');
  await bundles.importCalendar();
  const accepted = bundles.calendar.getByRole('status');
  await expect(accepted).toContainText('已导入 2028 年工作日日历');
  await expect(accepted).toContainText('注意：这是测试数据，不是国务院办公厅的放假安排通知');
  await bundles.publicityFrom('2028-01-20');
  await expect(bundles.publicityWindow).toContainText(
    '公示期（5 个工作日，第十二条（六））：2028年1月20日 至 2028年2月2日',
  );
  await expect(bundles.publicityWindow).toContainText('2028年1月22日（调休上班）');
  await page.screenshot({ path: 'docs/screenshots/calendar-import.png', fullPage: true });
});
