import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { startBuiltWebHost } from '../e2e/webhost';
import type { BenchRow, BenchSuite } from './harness';

const ASSETS = 'out/renderer/assets';

/**
 * The renderer as built (`npm run build`): every chunk's size gzipped, and the first screen in
 * Debian's Chromium against the web host, from navigation to the profile form ready for typing
 * (median of 5 fresh pages; the browser's cache emptied by a new context each time).
 */
export const rendererSuite: BenchSuite = {
  name: 'renderer',
  run: async () => {
    const rows: BenchRow[] = [];
    const names = (await readdir(ASSETS)).filter((n) => /\.(m?js|css)$/.test(n)).sort();
    let total = 0;
    for (const name of names) {
      const bytes = await readFile(join(ASSETS, name));
      const gz = gzipSync(bytes, { level: 9 }).length / 1024;
      total += gz;
      rows.push({
        suite: 'renderer',
        name: `chunk ${name.replace(/-[\w-]{8}\./, '.')}, gzipped`,
        value: gz,
        unit: 'KiB',
        note: `${(bytes.length / 1024).toFixed(0)} KiB as built`,
      });
    }
    rows.push({ suite: 'renderer', name: 'all chunks, gzipped', value: total, unit: 'KiB' });
    // What the first screen loads: the entry and what index.html preloads with it.
    const html = await readFile('out/renderer/index.html', 'utf8');
    const first = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.(?:m?js|css))"/g)].flatMap(
      (m) => (m[1] === undefined ? [] : [m[1]]),
    );
    let firstGz = 0;
    for (const name of first)
      firstGz += gzipSync(await readFile(join(ASSETS, name)), { level: 9 }).length / 1024;
    rows.push({
      suite: 'renderer',
      name: "first screen's chunks, gzipped",
      value: firstGz,
      unit: 'KiB',
      note: first.map((n) => n.replace(/-[\w-]{8}\./, '.')).join(', '),
    });

    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    // No PDF warm-up in the host: a real start draws its first screen long before the warm-up
    // begins (WARM_UP_AFTER_MS), while these loads go on past it.
    const host = await startBuiltWebHost({ JIEBANG_PDF_WARM_UP: '0' });
    try {
      const times: number[] = [];
      const walls: number[] = [];
      let blank = 0;
      for (let i = 0; i < 6; i++) {
        const context = await browser.newContext();
        // Timed in the page, from navigation start (its time origin) to the first frame with the
        // profile form in it: Playwright's own wait polls at widening steps (up to 500 ms apart),
        // which its wall time below includes.
        await context.addInitScript(() => {
          new MutationObserver((_, observer) => {
            if (!document.querySelector('form.gate-form input')) return;
            observer.disconnect();
            requestAnimationFrame(() => Reflect.set(window, '__firstScreenAt', performance.now()));
          }).observe(document, { subtree: true, childList: true });
        });
        const page = await context.newPage();
        // The peer, same page: a blank document's navigation (the browser's own floor).
        const b = performance.now();
        await page.goto('about:blank');
        blank = performance.now() - b;
        const t = performance.now();
        await page.goto(host.url);
        await page.getByLabel('姓名').waitFor();
        const wall = performance.now() - t;
        const inPage: unknown = await page
          .waitForFunction(() => Reflect.get(window, '__firstScreenAt'))
          .then((h) => h.jsonValue());
        if (typeof inPage !== 'number') throw new Error('the first screen was not timed');
        // The first load warms the host's file cache.
        if (i > 0) {
          times.push(inPage);
          walls.push(wall);
        }
        await context.close();
      }
      const median = (list: number[]) =>
        [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
      rows.push({
        suite: 'renderer',
        name: 'first screen: navigation → profile form drawn',
        value: median(times),
        unit: 'ms',
        target: { max: 1000 },
        peer: `about:blank ${blank.toFixed(0)} ms`,
        note: `median of ${times.length}, in the page (navigation start → first frame with the form); a new browser context each (empty cache); Playwright's wait, wall: ${median(walls).toFixed(0)} ms`,
      });
    } finally {
      await browser.close();
      await host.stop();
    }
    return rows;
  },
};
