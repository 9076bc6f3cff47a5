/**
 * The PDF viewer's toolbar fits at 1280×720 (the smaller of the two window sizes people here use):
 * on the expert's screen, beside the score form, every control — 上一页, the page number, 下一页,
 * the zoom and the search field — is inside the window and inside the proposal's visible box, none
 * cut off at its right edge (before, the search field ran past it and the box scrolled sideways).
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { expect, test } from './fixtures';

test.use({ screenSize: { width: 1280, height: 720 } });

/** Each control of the toolbar (not the empty spacer), and the boxes that must hold it. */
async function rects(page: Page) {
  return z
    .object({
      window: z.number(),
      box: z.tuple([z.number(), z.number()]),
      controls: z.array(z.object({ left: z.number(), right: z.number(), what: z.string() })),
    })
    .parse(
      await page.evaluate(`(() => {
        const bar = document.querySelector('.pdf-toolbar');
        const holder = bar.closest('.proposal') ?? bar.parentElement;
        const b = holder.getBoundingClientRect();
        const controls = [...bar.querySelectorAll('button, input')].map((c) => {
          const r = c.getBoundingClientRect();
          return { left: r.left, right: r.right, what: c.getAttribute('aria-label') ?? c.textContent ?? '' };
        });
        return { window: window.innerWidth, box: [b.left, b.left + holder.clientWidth], controls };
      })()`),
    );
}

test('at 1280×720 the PDF viewer’s toolbar and search are inside the window and the proposal’s box', async ({
  ui,
}, info) => {
  test.setTimeout(240_000);
  const { page, gate, review } = ui;
  await gate.create('工具栏');
  await review.importSampleAndEnrol(/E01 张志远/);
  await expect(page.getByTestId('pdf-text')).toContainText('揭榜', { timeout: 60_000 });
  const search = page.locator('.pdf-toolbar input[type="search"]');
  await expect(search).toBeVisible();
  await page.screenshot({ path: info.outputPath('pdf-toolbar-1280x720.png') });
  const { window, box, controls } = await rects(page);
  expect(controls.length).toBeGreaterThanOrEqual(6);
  for (const c of controls) {
    expect(c.left, `${c.what} left of the window`).toBeGreaterThanOrEqual(0);
    expect(c.right, `${c.what} past the window`).toBeLessThanOrEqual(window);
    expect(c.left, `${c.what} left of the proposal`).toBeGreaterThanOrEqual(box[0] - 0.5);
    expect(c.right, `${c.what} cut off at the proposal's right`).toBeLessThanOrEqual(box[1] + 0.5);
  }
  // The proposal does not scroll sideways to show its toolbar.
  const [scroll, client] = await page
    .locator('.proposal')
    .evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect((scroll ?? 0) - (client ?? 0)).toBeLessThanOrEqual(0);
  // The search works from where it is.
  await search.fill('揭榜');
  await search.press('Enter');
  await expect(page.locator('.pdf-hits')).toBeVisible();
});
