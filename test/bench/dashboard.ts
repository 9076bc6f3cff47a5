import { chromium } from 'playwright-core';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { reviewPackageBundle, sheetBundleFor } from '../fixtures/bundles';
import { generatePanel } from '../../src-shared/sample/generate';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { startBuiltWebHost } from '../e2e/webhost';
import type { BenchSuite } from './harness';
import { enrolWithPackage } from './app-flow';

/** The chair's dashboard for 50 experts × 200 applicants: import of 50 sheet files to a ready ranking table. */
export const dashboardSuite: BenchSuite = {
  name: 'dashboard',
  run: async () => {
    const { pkg, sheets } = generatePanel({ experts: 50, applicants: 200, criteria: 10, seed: 5 });
    const rpBytes = await reviewPackageBundle(pkg);
    const rp = await openBundle(rpBytes, { crypto: nodeCrypto });
    if (!rp.ok) throw new Error(rp.error.message);
    const files = [];
    for (const sheet of sheets.slice(1)) {
      const bytes = await sheetBundleFor(sheet, { answers: rp.bundle.manifestSha256 });
      files.push({
        name: `${sheet.expertId}.jbx`,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(bytes),
      });
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const host = await startBuiltWebHost();
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await enrolWithPackage(page, host.url, rpBytes, /^E001 /);
      await page.getByRole('link', { name: '组长汇总' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '导入评分表文件…' }).click();
      const t = performance.now();
      await (await chooser).setFiles(files);
      await page
        .getByTestId('import-outcomes')
        .locator('li.ok')
        .nth(files.length - 1)
        .waitFor({ timeout: 300_000 });
      await page.getByTestId('ranking').locator('tbody tr').nth(199).waitFor({ timeout: 300_000 });
      const ready = performance.now() - t;
      const t2 = performance.now();
      await page.getByRole('button', { name: '平均' }).click();
      await page.getByTestId('ranking').locator('tbody tr').nth(199).waitFor();
      const resort = performance.now() - t2;
      return [
        {
          suite: 'dashboard',
          name: '49 sheet files (200 applicants × 10 criteria) → ranking ready',
          value: ready,
          unit: 'ms',
          note: 'verify + import + aggregate + render',
        },
        { suite: 'dashboard', name: 're-sort the 200-row table', value: resort, unit: 'ms' },
      ];
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};
