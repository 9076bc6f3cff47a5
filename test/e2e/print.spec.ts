import type { Page } from '@playwright/test';
import { z } from 'zod';
import { AppInfoSchema } from '../../src-shared/ipc';
import { encodeWire } from '../../src-shared/wire';
import { createPdfPrinter } from '../../src-main/print';
import { createElectronStandIn } from '../electron/stand-in';
import { expect, signSampleDecision, test } from './fixtures';

/**
 * The error main answers when Chromium's PDF viewer never becomes ready: produced by the real
 * printer (src-main/print.ts) on the electron stand-in withholding the ready event.
 */
async function printerFailure(): Promise<string> {
  const printer = createPdfPrinter(createElectronStandIn({ pdfReadyToPrint: false }), 50);
  const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
  return printer.print(pdf, '任务书').then(
    () => 'printed',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

/** Matches the web host's endpoint of `channel` (the bridge encodes the channel's colon). */
const api = (channel: string) => (url: URL) =>
  decodeURIComponent(url.pathname) === `/api/${channel}`;

/**
 * The page as the desktop app: main reports `host: 'electron'` (so 打印… prints instead of
 * downloading), and `pdf:print` answers what main would, one answer per click.
 */
async function asDesktopApp(page: Page, printAnswers: unknown[]): Promise<void> {
  await page.route(api('app:info'), async (route) => {
    const response = await route.fetch();
    const info = AppInfoSchema.parse(
      z.object({ ok: z.literal(true), value: z.unknown() }).parse(await response.json()).value,
    );
    await route.fulfill({
      response,
      body: encodeWire({ ok: true, value: { ...info, host: 'electron' } }),
    });
  });
  await page.route(api('pdf:print'), (route) =>
    route.fulfill({ contentType: 'application/json', body: encodeWire(printAnswers.shift()) }),
  );
  await page.reload();
}

test('a print that fails is shown to the user (in the user’s language); one that prints says so', async ({
  app,
  ui,
}) => {
  test.setTimeout(180_000);
  const failure = await printerFailure();
  // main's sentence is Chinese only, shown as it is.
  expect(failure).toMatch(/^打印失败：PDF 查看器 0\.05 秒内未载入文档，未打印任何内容。/);
  expect(failure).not.toMatch(/[a-z]{2,}/);
  await asDesktopApp(app, [
    { ok: false, error: { code: 'handler-failed', message: failure } },
    { ok: true, value: { printed: true } },
  ]);
  await ui.gate.create('张志远（打印）');
  await ui.review.importSampleAndEnrol(/E01 张志远/);
  await signSampleDecision(ui);
  await ui.taskbook.open();
  await ui.taskbook.draft();

  await ui.taskbook.printButton.click();
  await expect(app.getByRole('alert').filter({ hasText: failure })).toBeVisible({
    timeout: 30_000,
  });
  await expect(app.getByText('已送打印。')).toHaveCount(0);

  // Printing again: the error goes, the outcome is said.
  await ui.taskbook.printButton.click();
  await expect(app.getByText('已送打印。')).toBeVisible({ timeout: 30_000 });
  await expect(app.getByRole('alert').filter({ hasText: failure })).toHaveCount(0);
});
