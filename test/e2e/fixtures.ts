import { readFileSync } from 'node:fs';
import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { sheetBundleFor } from '../fixtures/bundles';
import { ScoreSheetSchema } from '../../src-shared/model';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { startBuiltWebHost, type RunningWebHost } from './webhost';

interface WorkerFixtures {
  webHost: RunningWebHost;
  sharedBrowser: Browser;
}

interface TestFixtures {
  /** A fresh browser context (own IndexedDB) on the app's home screen. */
  app: Page;
}

/**
 * One web host and one Chromium per worker, shared by its tests; each test gets its own
 * browser context, so storage never leaks from one test to the next.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  webHost: [
    async ({}, use) => {
      const host = await startBuiltWebHost();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  sharedBrowser: [
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ sharedBrowser, webHost }, use) => {
    const context = await sharedBrowser.newContext({
      locale: 'zh-CN',
      acceptDownloads: true,
      viewport: { width: 1360, height: 860 },
    });
    const page = await context.newPage();
    await page.goto(webHost.url);
    await use(page);
    await context.close();
  },
});

export { expect };

export const PASSPHRASE = '克拉玛依 评审 correct horse';

/** Creates a profile through the first-run screen and waits for the app behind the gate. */
export async function createProfile(
  page: Page,
  label = '张志远',
  passphrase = PASSPHRASE,
): Promise<void> {
  // Other tests of this worker may have left profiles (main keeps them): ask for a new one.
  const newProfile = page.getByRole('button', { name: '新建用户档案' });
  const nameField = page.getByLabel('姓名');
  await expect(newProfile.or(nameField).first()).toBeVisible();
  if (await newProfile.isVisible()) await newProfile.click();
  await page.getByLabel('姓名').fill(label);
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '创建用户档案' }).click();
  await expect(page.getByText(`当前用户：${label}`)).toBeVisible({ timeout: 20_000 });
}

export async function unlockProfile(
  page: Page,
  label = '张志远',
  passphrase = PASSPHRASE,
): Promise<void> {
  await page.getByRole('radio', { name: label }).check();
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText(`当前用户：${label}`)).toBeVisible({ timeout: 20_000 });
}

/** Scores one applicant with the keyboard only: digits, Tab to the comment, Tab to the next criterion. */
export async function scoreByKeyboard(page: Page, points: string[], opinion: string) {
  await page.getByLabel('揭榜方资质条件（满分 20）').focus();
  for (const [i, p] of points.entries()) {
    await page.keyboard.type(p);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`第${i + 1}项评语`);
    await page.keyboard.press('Tab');
  }
  await page.getByLabel('总体意见').fill(opinion);
}

/** 专家评审: import the bundled sample (checks pass), confirm the fingerprint, enrol as `expert`. */
export async function importSampleAndEnrol(page: Page, expert: RegExp): Promise<void> {
  await page.getByRole('link', { name: '专家评审' }).click();
  await page.getByRole('button', { name: '使用示例评审包' }).click();
  await page.getByRole('button', { name: '指纹一致，确认导入' }).click();
  await page.getByRole('radio', { name: expert }).check();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: '确认报到并生成签名密钥' }).click();
}

/** The chair's (E01's) sample sheet, as typed: points per criterion for each applicant. */
export const CHAIR_POINTS: readonly (readonly [string, readonly string[]])[] = [
  ['A01', ['17.5', '35', '17.5', '18']],
  ['A02', ['17', '34.5', '17', '17.5']],
  ['A03', ['17', '34', '17', '17']],
  ['A04', ['14.5', '29', '14.5', '14']],
];

/** 专家评审, enrolled: scores every applicant by keyboard and submits the sheet. */
export async function scoreAndSubmit(
  page: Page,
  points: readonly (readonly [string, readonly string[]])[] = CHAIR_POINTS,
): Promise<void> {
  for (const [id, p] of points) {
    await page.getByRole('button', { name: new RegExp(`^${id} `) }).click();
    await scoreByKeyboard(page, [...p], '方案先进可行，建议支持。');
  }
  await page.getByRole('button', { name: '提交评分表…' }).click();
  await page.getByRole('button', { name: '确认提交（提交后锁定，不能再修改）' }).click();
  await expect(page.getByText('评分表已提交并锁定')).toBeVisible();
}

/**
 * A sheet as the app exports it: a signed sheet bundle answering the sample package (a fresh key
 * per call); `tamper` flips one byte after signing.
 */
export async function sheetBundleFile(name: string, sheet: unknown, tamper = false) {
  const rp = await openBundle(new Uint8Array(readFileSync('resources/sample/review-package.jbx')), {
    crypto: nodeCrypto,
  });
  if (!rp.ok) throw new Error('sample bundle');
  const parsed = ScoreSheetSchema.parse(sheet);
  const bytes = await sheetBundleFor(parsed, { answers: rp.bundle.manifestSha256 });
  const buffer = Buffer.from(bytes);
  if (tamper) {
    const at = buffer.indexOf(Buffer.from('"overallOpinion"')) + 2;
    buffer.writeUInt8((buffer.readUInt8(at) ^ 1) & 0xff, at);
  }
  return { name, mimeType: 'application/octet-stream', buffer };
}

/** The sample experts' sheets as bundles, one file per id; the ones in `tampered` corrupted. */
export async function sheetFiles(
  ids: readonly string[] = ['E02', 'E03', 'E04', 'E05', 'E06', 'E07'],
  tampered: readonly string[] = ['E07'],
) {
  const files = [];
  for (const id of ids) {
    const sheet: unknown = JSON.parse(readFileSync(`resources/sample/sheets/${id}.json`, 'utf8'));
    files.push(await sheetBundleFile(`${id}.jbx`, sheet, tampered.includes(id)));
  }
  return files;
}

/**
 * 组长汇总 as the chair (E01, enrolled): scores and submits the chair's own sheet, gathers the six
 * other sample sheets, funds the proposed horse race of A01 and A02 with 400 万元 each, signs and
 * exports the panel decision. Returns the downloaded panel bundle's path.
 */
export async function signSampleDecision(page: Page): Promise<string> {
  await scoreAndSubmit(page);
  await page.getByRole('link', { name: '组长汇总' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入评分表文件…' }).click();
  await (await chooser).setFiles(await sheetFiles(undefined, []));
  await expect(page.getByTestId('import-outcomes').locator('li.ok')).toHaveCount(6);
  await page.getByLabel('核定经费（万元） A01').fill('400');
  await page.getByLabel('核定经费（万元） A02').fill('400');
  await expect(page.getByText('✓ 规则校验通过')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '签署并导出专家组评审结果…' }).click();
  return (await (await download).path()) ?? '';
}
