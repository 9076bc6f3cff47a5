import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { z } from 'zod';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { startBuiltWebHost } from '../e2e/webhost';
import type { BenchSuite } from './harness';

const FiguresSchema = z.object({ writeMs: z.number(), readMs: z.number(), queryMs: z.number() });
const ResultSchema = z.object({
  plain: FiguresSchema,
  enc: FiguresSchema,
  attachment: z.object({ writeMBps: z.number(), readMBps: z.number(), peakHeapMB: z.number() }),
});

/**
 * Builds `src-renderer/bench/<entry>` as one script, serves it from the app's own origin (so the
 * CSP, script-src 'self', lets it run) in Debian's Chromium, and returns what `expression`
 * evaluates to there. BENCH_CPU_PROFILE=file.cpuprofile writes the page's CPU profile of the
 * evaluation (CDP), for docs/bench.md's measured bound.
 */
export async function inBenchPage(
  entry: string,
  name: string,
  expression: string,
): Promise<unknown> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: resolve('src-renderer/bench', entry), formats: ['iife'], name },
      minify: false,
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  let code = '';
  for (const o of outputs)
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') code += chunk.code;
  const host = await startBuiltWebHost();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage();
    const script = `${name}.js`;
    await page.route(`**/${script}`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: code }),
    );
    await page.goto(host.url);
    await page.addScriptTag({ url: `${host.origin}/${script}` });
    const profileTo = process.env['BENCH_CPU_PROFILE'];
    const cdp = profileTo ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const result: unknown = await page.evaluate(expression);
    if (cdp && profileTo) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(profileTo, JSON.stringify(profile));
    }
    return result;
  } finally {
    await browser.close();
    await host.stop();
  }
}

/**
 * Encrypted vs plain Dexie in Debian's Chromium, on the app's own origin (needs `npm run build`):
 * medians of five alternating rounds after a warm-up (src-renderer/bench/storage-bench.ts).
 */
export const storageSuite: BenchSuite = {
  name: 'storage',
  run: async () => {
    const r = ResultSchema.parse(
      await inBenchPage('storage-bench.ts', 'storageBench', 'window.runStorageBench(10000, 100)'),
    );
    const ratio = (a: number, b: number) => a / Math.max(0.001, b);
    return [
      {
        suite: 'storage',
        name: '10,000 records write: plain',
        value: r.plain.writeMs,
        unit: 'ms',
      },
      {
        suite: 'storage',
        name: '10,000 records write: encrypted',
        value: r.enc.writeMs,
        unit: 'ms',
      },
      {
        suite: 'storage',
        name: 'write ratio encrypted ÷ plain',
        value: ratio(r.enc.writeMs, r.plain.writeMs),
        unit: '×',
        target: { max: 1.2 },
      },
      { suite: 'storage', name: '10,000 records read: plain', value: r.plain.readMs, unit: 'ms' },
      {
        suite: 'storage',
        name: '10,000 records read: encrypted',
        value: r.enc.readMs,
        unit: 'ms',
      },
      {
        suite: 'storage',
        name: 'read ratio encrypted ÷ plain',
        value: ratio(r.enc.readMs, r.plain.readMs),
        unit: '×',
        target: { max: 1.2 },
      },
      { suite: 'storage', name: 'index query ×10: plain', value: r.plain.queryMs, unit: 'ms' },
      { suite: 'storage', name: 'index query ×10: encrypted', value: r.enc.queryMs, unit: 'ms' },
      {
        suite: 'storage',
        name: 'query ratio encrypted ÷ plain',
        value: ratio(r.enc.queryMs, r.plain.queryMs),
        unit: '×',
        target: { max: 1.2 },
      },
      {
        suite: 'storage',
        name: '100 MB attachment write (sealed chunks)',
        value: r.attachment.writeMBps,
        unit: 'MB/s',
      },
      {
        suite: 'storage',
        name: '100 MB attachment read',
        value: r.attachment.readMBps,
        unit: 'MB/s',
      },
      {
        suite: 'storage',
        name: '100 MB attachment peak JS heap growth',
        value: r.attachment.peakHeapMB,
        unit: 'MB',
      },
    ];
  },
};
