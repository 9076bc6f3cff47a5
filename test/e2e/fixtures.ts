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
export async function signSampleDecision(ui: Screens): Promise<string> {
  await ui.review.scoreAndSubmit();
  await ui.chair.open();
  await ui.chair.importSheets(await sheetFiles(undefined, []));
  await expect(ui.chair.outcomes.locator('li.ok')).toHaveCount(6);
  await ui.chair.funding('A01').fill('400');
  await ui.chair.funding('A02').fill('400');
  await expect(ui.chair.allRulesPass).toBeVisible();
  return ui.chair.sign();
}
