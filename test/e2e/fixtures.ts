import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
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
