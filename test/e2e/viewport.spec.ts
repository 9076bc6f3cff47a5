/**
 * Every screen as a new user sees it on the two window sizes people here use most (1440×900,
 * 1280×720): nothing clipped or wrapped that should not be, the task-book findings and 定稿 in
 * view while the form scrolls, Chinese all through (the audit log included), dates year first,
 * and no console error or failed request anywhere (the fixture checks the last).
 */
import type { Locator, Page } from '@playwright/test';
import { z } from 'zod';
import { expect, signSampleDecision, test } from './fixtures';

/** A locator's box, which must exist (it is visible). */
async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`no box for ${locator.toString()}`);
  return b;
}

/** Whether the whole of `locator` is inside the window as it is scrolled now. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const b = await box(locator);
  const size = page.viewportSize();
  return b.y >= 0 && b.y + b.height <= (size?.height ?? 0) && b.x + b.width <= (size?.width ?? 0);
}

/**
 * The page never scrolls sideways, once the screen has settled (a screen just opened may still
 * be drawing its charts and tables: the check waits for that, as a user would see it).
 */
async function noSidewaysScroll(page: Page, where = ''): Promise<void> {
  await expect
    .poll(
      async () => {
        const [scroll, inner] = z
          .tuple([z.number(), z.number()])
          .parse(await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]'));
        return scroll - inner;
      },
      { message: `${where} scrolls sideways (px wider than the window)` },
    )
    .toBeLessThanOrEqual(0);
}

/** Stored names a user should never read (English words of pure letters, e.g. taskbook.sign). */
const englishWord = /(^|[\s·(（])[A-Za-z]{3,}([\s·.)）]|$)/;

const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** Runs `check` at each window size, then leaves the window at the first. */
async function atEachSize(
  page: Page,
  check: (size: (typeof sizes)[number]) => Promise<void>,
): Promise<void> {
  for (const size of sizes) {
    await test.step(`${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      await check(size);
    });
  }
  await page.setViewportSize(sizes[0]);
}

// One set-up (a profile, the sample scored, the decision signed, a task book drafted) shared by
// both window sizes: the window is resized at each step instead of doing the work twice.
test.use({ screenSize: sizes[0] });

test('at 1440×900 and 1280×720 every screen fits, speaks Chinese, writes dates year first, and keeps the task book’s findings and 定稿 in view', async ({
  ui,
}) => {
  test.setTimeout(600_000);
  const { page, gate, review, taskbook: tb } = ui;
  const label = '视口';
  await gate.create(label);

  // The profile picker: each radio on the line of its name.
  await ui.shell.lock();
  await atEachSize(page, async () => {
    const radio = gate.radio(label);
    const name = page.getByRole('radiogroup').getByText(label, { exact: true });
    const [r, n] = [await box(radio), await box(name)];
    expect(Math.abs(r.y + r.height / 2 - (n.y + n.height / 2))).toBeLessThan(6);
    expect(n.x).toBeGreaterThan(r.x);
  });
  await gate.unlock(label);

  // The expert's screen: the proposal viewer's toolbar on one line; the sidebar the whole
  // height of the window, wherever the page is scrolled.
  await review.importSampleAndEnrol(/E01 张志远/);
  await expect(page.getByTestId('pdf-text')).toContainText('揭榜', { timeout: 60_000 });
  await atEachSize(page, async (size) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await expect(page.locator('.pdf-toolbar')).toBeVisible();
    // One line: every control (not the empty spacer) overlaps every other vertically.
    const rows = z
      .array(z.tuple([z.number(), z.number()]))
      .parse(
        await page.evaluate(
          `[...document.querySelector('.pdf-toolbar').children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 1).map((r) => [r.top, r.bottom])`,
        ),
      );
    const lowestTop = Math.max(...rows.map(([top]) => top));
    const highestBottom = Math.min(...rows.map(([, bottom]) => bottom));
    expect(lowestTop, 'the toolbar wraps').toBeLessThan(highestBottom);
    await noSidewaysScroll(page);
    // Nothing hidden below the content makes the page taller than what it shows.
    const [pageHeight, shellBottom] = z
      .tuple([z.number(), z.number()])
      .parse(
        await page.evaluate(
          `[document.documentElement.scrollHeight, document.querySelector('.shell').getBoundingClientRect().bottom + window.scrollY]`,
        ),
      );
    expect(pageHeight).toBeLessThanOrEqual(Math.ceil(shellBottom));
    await page.mouse.wheel(0, 5000);
    await expect
      .poll(async () => {
        const b = await box(page.getByRole('navigation', { name: '评审工作' }));
        return b.y <= 0.5 && b.y + b.height >= size.height - 0.5;
      })
      .toBe(true);
  });

  // The chair decides and signs; the task book is drafted from the decision.
  await signSampleDecision(ui);
  await noSidewaysScroll(page);
  await tb.open();
  await tb.draft();
  await expect(tb.findings).toBeVisible();
  await expect(tb.field('项目类型')).toHaveValue(/赛马制联合项目/);
  await atEachSize(page, async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    const [scrollWidth, clientWidth] = z
      .tuple([z.number(), z.number()])
      .parse(
        await page.evaluate(
          `(() => { const el = document.querySelector('[data-testid="tb-type"]'); return [el.scrollWidth, el.clientWidth]; })()`,
        ),
      );
    expect(scrollWidth, '项目类型 shown whole').toBeLessThanOrEqual(clientWidth);
    // Findings and 定稿 in view at the top of the form, and at its far end.
    await expect.poll(() => inView(page, tb.findings)).toBe(true);
    await expect.poll(() => inView(page, tb.finaliseButton)).toBe(true);
    await tb.field('利益分配').scrollIntoViewIfNeeded();
    await tb.field('利益分配').fill('按 7:3 分配。');
    expect(await inView(page, tb.field('利益分配'))).toBe(true);
    expect(await inView(page, tb.findings)).toBe(true);
    expect(await inView(page, tb.finaliseButton)).toBe(true);
    await noSidewaysScroll(page);
  });

  // Dates: shown and typed year first (never the browser's month-first picker).
  const start = tb.field('实施周期：开始');
  await expect(start).toHaveAttribute('type', 'text');
  await expect(start).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await start.fill('2027年1月1日');
  await start.blur();
  await expect(start).toHaveValue('2027-01-01');
  await start.fill('01/02/2027');
  await expect(page.getByRole('alert').filter({ hasText: '请按年、月、日填写' })).toBeVisible();
  await start.fill('2027-01-01');
  await ui.shell.saved();

  // Every other screen: nothing wider than the window.
  for (const screen of ['首页', '核验打印件', '文件包核验', '账户与安全', '组长汇总']) {
    await ui.shell.go(screen);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await atEachSize(page, (size) => noSidewaysScroll(page, `${screen} at ${size.width}`));
  }
  await ui.diagnostics.open();
  await expect(ui.diagnostics.info).toBeVisible();
  await atEachSize(page, () => noSidewaysScroll(page));

  // The audit log in Chinese: every action in words, no stored names or role codes.
  await ui.security.open();
  const actions = await ui.security.actions();
  expect(actions.length).toBeGreaterThan(10);
  for (const action of actions) expect(action, action).not.toMatch(/[A-Za-z]/);
  for (const entry of await ui.security.timeline.locator('li').allInnerTexts()) {
    const words = entry.replace(/#[0-9a-f]{8}/, '');
    expect(words, entry).not.toMatch(englishWord);
    // Times year first.
    expect(entry, entry).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  }
});
