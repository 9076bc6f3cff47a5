/**
 * Every screen as a new user sees it on the two window sizes people here use most (1440×900,
 * 1280×720): nothing clipped or wrapped that should not be, the task-book findings and 定稿 in
 * view while the form scrolls, Chinese all through (the audit log included), dates year first,
 * and no console error or failed request anywhere (the fixture checks the last). The chair's
 * ranking shows every column without scrolling sideways, for the sample panel and for a panel of
 * 50 experts × 200 applicants (whose experts' totals are in each row's detail).
 */
import type { Locator, Page } from '@playwright/test';
import { z } from 'zod';
import { openBundle } from '../../src-shared/bundle';
import { generatePanel } from '../../src-shared/sample/generate';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { reviewPackageBundle, sheetBundleFor } from '../fixtures/bundles';
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

/**
 * The chair's ranking (评分汇总表) fits its own box, once drawn: nothing to scroll sideways in it
 * (it may fold columns into the rows' details as it draws), and every column's header — the last,
 * 汇总方法, too — wholly inside the box. Returns the headers as read.
 */
async function rankingFits(page: Page, where: string): Promise<string[]> {
  const ranking = page.getByTestId('ranking');
  const scrollBox = ranking.locator('xpath=..');
  await expect
    .poll(
      async () => {
        const [scroll, client] = await scrollBox.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        return (scroll ?? Infinity) - (client ?? 0);
      },
      { message: `${where}: the ranking scrolls sideways in its box (px wider than the box)` },
    )
    .toBeLessThanOrEqual(0);
  const heads = ranking.locator('thead th');
  await expect(heads.last()).toHaveText('汇总方法');
  const b = await box(scrollBox);
  const edges = await heads.evaluateAll((ths) =>
    ths.map((th) => {
      const r = th.getBoundingClientRect();
      return [r.left, r.right];
    }),
  );
  for (const [left = 0, right = Infinity] of edges) {
    expect(left, `${where}: a header left of the box`).toBeGreaterThanOrEqual(b.x - 0.5);
    expect(right, `${where}: a header cut off at the box's right`).toBeLessThanOrEqual(
      b.x + b.width + 0.5,
    );
  }
  return heads.allInnerTexts();
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

  // The expert's screen: the proposal viewer's toolbar on one line at 1440×900 (at 1280×720 it
  // may wrap, every control inside the window: test/e2e/pdf-toolbar.spec.ts); the sidebar the
  // whole height of the window, wherever the page is scrolled.
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
    if (size.width === 1440) expect(lowestTop, 'the toolbar wraps').toBeLessThan(highestBottom);
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
  // The chair's ranking of the sample (7 experts, 4 criteria): every column in the table, each
  // expert's total among them, none cut off or to scroll to, at both sizes.
  await expect(ui.chair.row('A04')).toContainText('(40.00)!');
  await atEachSize(page, async (size) => {
    const heads = await rankingFits(page, `the sample's ranking at ${size.width}`);
    expect(heads.map((h) => h.replace(/\s+/g, ''))).toEqual([
      '名次',
      '揭榜方',
      ...['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'],
      '平均',
      '去极值平均',
      '中位数',
      '极差',
      ...['C1均分', 'C2均分', 'C3均分', 'C4均分'],
      '有效',
      '汇总方法',
    ]);
    await expect(ui.chair.row('A04')).toContainText('(40.00)!');
    await noSidewaysScroll(page, `组长汇总 at ${size.width}`);
  });
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
    // Times as 年月日, to the second (the order within a minute), in Beijing time.
    expect(entry, entry).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}（北京时间）/);
  }
});

test('at 1440×900 and 1280×720 the ranking of 50 experts × 200 applicants fits its box: the experts’ totals in each row’s detail', async ({
  ui,
}) => {
  test.setTimeout(600_000);
  const { page, chair } = ui;
  const { pkg, sheets } = generatePanel({ experts: 50, applicants: 200, criteria: 10, seed: 5 });
  const bundle = await reviewPackageBundle(pkg);
  const opened = await openBundle(bundle, { crypto: nodeCrypto });
  if (!opened.ok) throw new Error(opened.error.message);
  const files = [];
  for (const sheet of sheets.slice(1))
    files.push({
      name: `${sheet.expertId}.jbx`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await sheetBundleFor(sheet, { answers: opened.bundle.manifestSha256 })),
    });
  await ui.gate.create('大评审组');
  await ui.review.open();
  await ui.review.openPackage({
    name: 'panel-50x200.jbx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bundle),
  });
  await ui.review.confirmImport();
  await ui.review.enrol(/^E001 /);
  await chair.open();
  await chair.importSheets(files);
  await expect(chair.outcomes.locator('li.ok')).toHaveCount(49, { timeout: 120_000 });
  await expect(chair.ranking).toHaveAttribute('aria-rowcount', '201');

  // The first row by rank (the rows in view are drawn).
  const id = await chair.ranking
    .locator('tr[data-applicant]')
    .first()
    .getAttribute('data-applicant');
  const first = pkg.applicants.find((a) => a.id === id);
  if (!first) throw new Error(`no applicant ${id ?? ''}`);
  const detail = chair.ranking.locator(`tr[data-detail="${first.id}"]`);
  await atEachSize(page, async (size) => {
    const where = `50 × 200 at ${size.width}`;
    const heads = await rankingFits(page, where);
    // The experts' totals folded into the rows' details; every other column in the table.
    expect(heads.map((h) => h.replace(/\s+/g, ''))).toEqual([
      '名次',
      '揭榜方',
      '评分明细',
      '平均',
      '去极值平均',
      '中位数',
      '极差',
      ...pkg.rubric.criteria.map((c) => `${c.id}均分`),
      '有效',
      '汇总方法',
    ]);
    // A row's detail: each of the 50 experts' totals, inside the box too.
    const show = chair.row(first.id).getByRole('button', { name: `展开 ${first.name}的评分明细` });
    await show.click();
    await expect(detail).toContainText('各专家总分');
    await expect(detail.locator('dt')).toHaveCount(50);
    await expect(detail.locator('dt').last()).toHaveText('E050');
    await rankingFits(page, `${where}, a row's detail open`);
    const [d, b] = [await box(detail), await box(chair.ranking.locator('xpath=..'))];
    expect(d.x + d.width, `${where}: the detail cut off`).toBeLessThanOrEqual(b.x + b.width + 0.5);
    await chair
      .row(first.id)
      .getByRole('button', { name: `收起 ${first.name}的评分明细` })
      .click();
    await expect(detail).toHaveCount(0);
    await noSidewaysScroll(page, `组长汇总 (50 × 200) at ${size.width}`);
  });
});
