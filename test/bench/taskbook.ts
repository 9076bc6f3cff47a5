import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { createPdfWorker } from '../../src-main/pdf/pool';
import { renderTaskBookPdf } from '../../src-main/pdf/render';
import { peakRssMb, timeMs, type BenchRow, type BenchSuite } from './harness';

async function sample(): Promise<TaskBook> {
  return TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
}

/** About 40 pages: the sample with 640 milestones (one per line of the long table). */
function forty(tb: TaskBook): TaskBook {
  const n = 640;
  return {
    ...tb,
    milestones: Array.from({ length: n }, (_, i) => ({
      id: `M${i}`,
      title: `第${i + 1}个里程碑`,
      due: '2028-01-01',
      deliverables: ['阶段报告与中试运行记录'],
      indicators: ['出水含油量 ≤ 5 mg/L'],
      tranche: i === 0 ? String(800 - (n - 1)) : '1',
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

export const taskbookSuite: BenchSuite = {
  name: 'taskbook',
  run: async () => {
    const rows: BenchRow[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'jb-tb-'));
    // The built worker, as the app and the web host start it.
    const worker = createPdfWorker(join(process.cwd(), 'out/node/pdf-worker.mjs'));
    try {
      for (const [label, tb] of [
        ['sample', await sample()],
        ['40-page', forty(await sample())],
      ] as const) {
        const pdf = await renderTaskBookPdf(tb);
        const name = `${label} (${pages(pdf)} pages)`;
        const file = join(dir, `${label}.json`);
        await writeFile(file, JSON.stringify(tb));
        // Cold: a new process that loads the fonts and renders once (the built CLI).
        // Its peak memory: the process's own maxRSS, printed as it exits.
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
            join(dir, `${label}.pdf`),
          ],
          { encoding: 'utf8' },
        );
        const cold = performance.now() - t;
        const coldPeakMb = Number(/MAXRSS=(\d+)/.exec(report.stderr)?.[1] ?? 'NaN') / 1024;
        const warm = await timeMs(() => renderTaskBookPdf(tb), 2);
        const { peakMb } = await peakRssMb(() => renderTaskBookPdf(tb));
        await worker.render({ kind: 'taskbook', tb }); // warm the worker's fonts
        const warmWorker = await timeMs(() => worker.render({ kind: 'taskbook', tb }), 2);
        const stallInProcess = await longestStallMs(() => renderTaskBookPdf(tb));
        const stallWorker = await longestStallMs(() => worker.render({ kind: 'taskbook', tb }));
        rows.push(
          { suite: 'taskbook', name: `${name}: cold, new process`, value: cold, unit: 'ms' },
          {
            suite: 'taskbook',
            name: `${label}: cold, peak RSS of the process`,
            value: coldPeakMb,
            unit: 'MB',
          },
          { suite: 'taskbook', name: `${name}: warm, in process`, value: warm, unit: 'ms' },
          {
            suite: 'taskbook',
            name: `${name}: warm, in the worker`,
            value: warmWorker,
            unit: 'ms',
          },
          {
            suite: 'taskbook',
            name: `${name}: ms per page (warm)`,
            value: warm / pages(pdf),
            unit: 'ms',
          },
          {
            suite: 'taskbook',
            name: `${label}: peak RSS growth (warm)`,
            value: peakMb,
            unit: 'MB',
          },
          {
            suite: 'taskbook',
            name: `${label}: longest event-loop stall, in process vs worker`,
            value: stallInProcess / Math.max(stallWorker, 0.001),
            unit: '×',
            note: `${stallInProcess.toFixed(0)} ms in process, ${stallWorker.toFixed(1)} ms with the worker`,
          },
        );
      }
    } finally {
      await worker.close();
    }
    return rows;
  },
};
