import { readFileSync } from 'node:fs';
import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { sheetBundleFor } from '../fixtures/bundles';
import { ScoreSheetSchema } from '../../src-shared/model';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import {
  AppShell,
  AwardPage,
  BundlesPage,
  ChairPage,
  DiagnosticsPage,
  HomePage,
  PASSPHRASE,
  ProfileGate,
  ReviewPage,
  SecurityPage,
  TaskBookPage,
  VerifyPrintPage,
} from './pages';
import { startBuiltWebHost, type RunningWebHost } from './webhost';

interface WorkerFixtures {
  webHost: RunningWebHost;
  sharedBrowser: Browser;
}

/** Every screen's page model, on the test's page. */
export interface Screens {
  page: Page;
  shell: AppShell;
  gate: ProfileGate;
  home: HomePage;
  review: ReviewPage;
  chair: ChairPage;
  taskbook: TaskBookPage;
  award: AwardPage;
  verifyPrint: VerifyPrintPage;
  bundles: BundlesPage;
  security: SecurityPage;
  diagnostics: DiagnosticsPage;
}

export const screensOf = (page: Page): Screens => ({
  page,
  shell: new AppShell(page),
  gate: new ProfileGate(page),
  home: new HomePage(page),
  review: new ReviewPage(page),
  chair: new ChairPage(page),
  taskbook: new TaskBookPage(page),
  award: new AwardPage(page),
  verifyPrint: new VerifyPrintPage(page),
  bundles: new BundlesPage(page),
  security: new SecurityPage(page),
  diagnostics: new DiagnosticsPage(page),
});

interface TestFixtures {
  /**
   * A fresh browser context (own IndexedDB) on the app's first screen. Every console error,
   * uncaught error and failed request of the page fails the test (the favicon's included).
   */
  app: Page;
  /** The page models of `app`. */
  ui: Screens;
  /** The window size of `app` (a spec sets it with `test.use({ screenSize })`). */
  screenSize: { width: number; height: number };
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
  screenSize: [{ width: 1360, height: 860 }, { option: true }],
  app: async ({ sharedBrowser, webHost, screenSize }, use) => {
    const context = await sharedBrowser.newContext({
      locale: 'zh-CN',
      acceptDownloads: true,
      viewport: screenSize,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      // A download's blob URL is revoked once saved, and a reload cancels what the page had in
      // flight (net::ERR_ABORTED): neither is a failure of the app.
      const why = r.failure()?.errorText ?? '';
      if (!r.url().startsWith('blob:') && why !== 'net::ERR_ABORTED')
        problems.push(`failed: ${r.url()} ${why}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    });
    await page.goto(webHost.url);
    await use(page);
    await context.close();
    expect(problems, 'console errors and failed requests').toEqual([]);
  },
  ui: async ({ app }, use) => use(screensOf(app)),
});

export { expect };

export { PASSPHRASE };

/** The manifest hash of the sample package (resources/sample/review-package.jbx). */
async function sampleManifest(): Promise<string> {
  const rp = await openBundle(new Uint8Array(readFileSync('resources/sample/review-package.jbx')), {
    crypto: nodeCrypto,
  });
  if (!rp.ok) throw new Error('sample bundle');
  return rp.bundle.manifestSha256;
}

/**
 * A sheet as the app exports it: a signed sheet bundle answering the package whose manifest hash
 * is `answers` (the sample package unless given; a fresh key per call); `tamper` flips one byte
 * after signing.
 */
export async function sheetBundleFile(
  name: string,
  sheet: unknown,
  tamper = false,
  answers?: string,
) {
  const parsed = ScoreSheetSchema.parse(sheet);
  const bytes = await sheetBundleFor(parsed, { answers: answers ?? (await sampleManifest()) });
  const buffer = Buffer.from(bytes);
  if (tamper) {
    const at = buffer.indexOf(Buffer.from('"overallOpinion"')) + 2;
    buffer.writeUInt8((buffer.readUInt8(at) ^ 1) & 0xff, at);
  }
  return { name, mimeType: 'application/octet-stream', buffer };
}

/**
 * The sample experts' sheets as bundles, one file per id; the ones in `tampered` corrupted. They
 * answer the sample package, or the package whose manifest hash is `answers` (one the bureau's
 * desk signed in the test).
 */
export async function sheetFiles(
  ids: readonly string[] = ['E02', 'E03', 'E04', 'E05', 'E06', 'E07'],
  tampered: readonly string[] = ['E07'],
  answers?: string,
) {
  const files = [];
  for (const id of ids) {
    const sheet: unknown = JSON.parse(readFileSync(`resources/sample/sheets/${id}.json`, 'utf8'));
    files.push(await sheetBundleFile(`${id}.jbx`, sheet, tampered.includes(id), answers));
  }
  return files;
}

/**
 * 组长汇总 as the chair (E01, enrolled): scores and submits the chair's own sheet, gathers the six
 * other sample sheets, funds the proposed horse race of A01 and A02 with 400 万元 each and a race-stage share of 0.3
 * (the desk opens with it empty, 第十三条（三）), signs and
 * exports the panel decision. Returns the downloaded panel bundle's path.
 */
export async function signSampleDecision(ui: Screens): Promise<string> {
  await ui.review.scoreAndSubmit();
  await ui.chair.open();
  await ui.chair.importSheets(await sheetFiles(undefined, []));
  await expect(ui.chair.outcomes.locator('li.ok')).toHaveCount(6);
  await ui.chair.funding('A01').fill('400');
  await ui.chair.funding('A02').fill('400');
  await ui.chair.raceShare.fill('0.3');
  await expect(ui.chair.allRulesPass).toBeVisible();
  return ui.chair.sign();
}

/**
 * 任务书 as the chair (with a signed decision of the sample's horse race, A01 and A02): drafts it,
 * fills what the draft cannot know (contract number `contract`, representatives, IP and benefit
 * sharing) and finalises it.
 */
export async function finalTaskBook(ui: Screens, contract: string): Promise<void> {
  const tb = ui.taskbook;
  await tb.open();
  await tb.draft();
  await tb.field('合同编号').fill(contract);
  await tb.field('知识产权归属').fill('项目形成的知识产权归揭榜方所有。');
  await tb.field('利益分配').fill('转化收益由揭榜方与发榜方按 7:3 分配。');
  await tb.fillRepresentatives({ A01: '周立群', A02: '孟庆和' });
  // 企业出题: 以发榜方投入为主 (第十三条（二）); the draft leaves it 0 for the user to write.
  await tb.field('发榜方投入（万元）').fill('1200');
  await expect(tb.noFindings).toBeVisible();
  await tb.finalise();
  await expect(tb.field('合同编号')).toBeDisabled();
}
