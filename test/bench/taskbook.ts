import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { createPdfWorker } from '../../src-main/pdf/pool';
import { renderTaskBookPdf } from '../../src-main/pdf/render';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { peakRssMb, timeMs, type BenchRow, type BenchSuite } from './harness';
import { qrPath } from '../../src-main/pdf/qr';
import { taskBookCode, taskBookQrText } from '../../src-shared/taskbook';
import { TASKBOOK_FOOTER, taskBookHtml } from './taskbook-html';

async function sample(): Promise<TaskBook> {
  return TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
}

/** The sample with `n` milestones (one per line of the long table): about n / 16 pages. */
function withMilestones(tb: TaskBook, n: number): TaskBook {
  return {
    ...tb,
    milestones: Array.from({ length: n }, (_, i) => ({
      id: `M${i}`,
      title: `第${i + 1}个里程碑`,
      due: '2028-01-01',
      deliverables: ['阶段报告与中试运行记录'],
      indicators: ['出水含油量 ≤ 5 mg/L'],
      // Valid amounts (the worker validates its jobs): 800 万元 spread evenly.
      tranche: String(800 / n),
    })),
  };
}

function pages(pdf: Uint8Array): number {
  return (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The longest the calling thread's event loop went without running a 1 ms timer during `fn`. */
async function longestStallMs(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  try {
    await fn();
    worst = Math.max(worst, performance.now() - last);
  } finally {
    clearInterval(timer);
  }
  return worst;
}

/**
 * Chromium's own PDF engine on the same content and fonts (the peer, same run): from the task book
 * to the PDF's bytes (its code and QR path made as the product makes them, the QR drawn as inline
 * SVG as the PDF draws it as a vector path; then the HTML laid out), in
 * one page reused (fonts cached after the first run, as react-pdf's are).
 * A browser of its own each time (its start is not timed), so one size cannot upset the next.
 */
async function chromiumPdf(tb: TaskBook) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  try {
    const once = async () => {
      const qr = qrPath(taskBookQrText(tb));
      await page.setContent(taskBookHtml(tb, qr, taskBookCode(tb)), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      return new Uint8Array(
        await page.pdf({
          format: 'A4',
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: TASKBOOK_FOOTER,
        }),
      );
    };
    const pdf = await once();
    return { ms: await timeMs(once, 2), pages: pages(pdf) };
  } finally {
    await browser.close();
  }
}

/** Page counts the scaling rows are made at (issue 22: flat from 5 to 80 pages). */
const SIZES = [5, 20, 80];

export const taskbookSuite: BenchSuite = {
  name: 'taskbook',
  run: async () => {
    const rows: BenchRow[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'jb-tb-'));
    // The built worker, as the app and the web host start it.
    const worker = createPdfWorker(join(process.cwd(), 'out/node/pdf-worker.mjs'));
    try {
      const tb = await sample();
      const pdf = await renderTaskBookPdf(tb);
      const name = `sample (${pages(pdf)} pages)`;
      const file = join(dir, 'sample.json');
      await writeFile(file, JSON.stringify(tb));
      // Cold: a new process that loads the fonts and renders once (the built CLI), median of 3.
      // Its peak memory: the process's own maxRSS, printed as it exits.
      const colds: number[] = [];
      let coldPeakMb = NaN;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const report = spawnSync(
          process.execPath,
          [
            '--import',
            `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS='+process.resourceUsage().maxRSS))`,
            'out/node/jiebang.mjs',
            'render-taskbook',
            file,
            '-o',
            join(dir, 'sample.pdf'),
          ],
          { encoding: 'utf8' },
        );
        colds.push(performance.now() - t);
        if (report.status !== 0) throw new Error(`render-taskbook: ${report.stderr}`);
        coldPeakMb = Number(/MAXRSS=(\d+)/.exec(report.stderr)?.[1] ?? 'NaN') / 1024;
      }
      colds.sort((a, b) => a - b);
      const cold = colds[1] ?? NaN;
      const warm = await timeMs(() => renderTaskBookPdf(tb), 3);
      // As the app's and the web host's workers are a few seconds after they start: warmed up
      // on the sample (src-main/pdf/pool.ts, WARM_UP_RENDERS). Its first job, then the best of three.
      const warmUps = await worker.warmUp();
      const t0 = performance.now();
      await worker.render({ kind: 'taskbook', tb });
      const firstJob = performance.now() - t0;
      const warmWorker = await timeMs(() => worker.render({ kind: 'taskbook', tb }), 3);
      const { peakMb } = await peakRssMb(() => renderTaskBookPdf(tb));
      const chrome = await chromiumPdf(tb);
      const stallInProcess = await longestStallMs(() => renderTaskBookPdf(tb));
      const stallWorker = await longestStallMs(() => worker.render({ kind: 'taskbook', tb }));
      rows.push(
        {
          suite: 'taskbook',
          name: `${name}: cold, new process`,
          value: cold,
          unit: 'ms',
          target: { max: 700 },
          note: `jiebang render-taskbook, median of 3; peak RSS ${coldPeakMb.toFixed(0)} MB`,
        },
        {
          suite: 'taskbook',
          name: `${name}: warm, in the worker`,
          value: warmWorker,
          unit: 'ms',
          target: { max: 100 },
          peer: `Chromium page.pdf ${chrome.ms.toFixed(0)} ms (${chrome.pages} pages)`,
          note: `after ${warmUps} warm-up renders, first job ${firstJob.toFixed(0)} ms; in process ${warm.toFixed(0)} ms; peak RSS growth ${peakMb.toFixed(0)} MB`,
        },
        {
          suite: 'taskbook',
          name: 'sample: longest event-loop stall, in process ÷ worker',
          value: stallInProcess / Math.max(stallWorker, 0.001),
          unit: '×',
          note: `${stallInProcess.toFixed(0)} ms in process, ${stallWorker.toFixed(1)} ms with the worker`,
        },
      );

      // Scaling: the same book at 5 … 80 pages in the worker (the app's path), react-pdf beside
      // Chromium in the same run. CPU time (this process's, the worker's included: the main
      // thread waits) beside wall time: on a shared machine wall time also counts waiting for a core.
      const perPage: number[] = [];
      const cpuPerPage: number[] = [];
      for (const size of SIZES) {
        const big = withMilestones(tb, size * 16);
        const ours = pages((await worker.render({ kind: 'taskbook', tb: big })).bytes);
        const cpu0 = process.cpuUsage();
        const ms = await timeMs(() => worker.render({ kind: 'taskbook', tb: big }), 2);
        const cpu = process.cpuUsage(cpu0);
        // timeMs runs it three times (a warm-up and two).
        const cpuMs = (cpu.user + cpu.system) / 1000 / 3;
        const peer = await chromiumPdf(big);
        perPage.push(ms / ours);
        cpuPerPage.push(cpuMs / ours);
        rows.push({
          suite: 'taskbook',
          name: `${size * 16} milestones (${ours} pages), ÷ Chromium`,
          value: ms / peer.ms,
          unit: '×',
          ...(size === 80 ? { target: { max: 1 } } : {}),
          peer: `Chromium page.pdf ${peer.ms.toFixed(0)} ms (${peer.pages} pages)`,
          note: `react-pdf ${ms.toFixed(0)} ms, ${(ms / ours).toFixed(1)} ms/page; CPU ${(cpuMs / ours).toFixed(1)} ms/page`,
        });
      }
      const first = perPage[0] ?? NaN;
      const last = perPage[perPage.length - 1] ?? NaN;
      rows.push({
        suite: 'taskbook',
        name: 'ms per page at 80 ÷ at 5 pages (flat = 1)',
        value: last / first,
        unit: '×',
        target: { max: 1.25 },
        note: `${first.toFixed(1)} → ${last.toFixed(1)} ms/page`,
      });
      const cpuFirst = cpuPerPage[0] ?? NaN;
      const cpuLast = cpuPerPage[cpuPerPage.length - 1] ?? NaN;
      rows.push({
        suite: 'taskbook',
        name: 'CPU ms per page at 80 ÷ at 5 pages',
        value: cpuLast / cpuFirst,
        unit: '×',
        note: `${cpuFirst.toFixed(1)} → ${cpuLast.toFixed(1)} CPU ms/page (the worker's young generation: src-main/pdf/pool.ts)`,
      });
    } finally {
      await worker.close();
      await rm(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
