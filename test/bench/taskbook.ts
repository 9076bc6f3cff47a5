import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { renderTaskBookPdf } from '../../src-main/pdf/render';
import { peakRssMb, timeMs, type BenchRow, type BenchSuite } from './harness';

async function sample(): Promise<TaskBook> {
  return TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
}

function large(tb: TaskBook): TaskBook {
  return {
    ...tb,
    milestones: Array.from({ length: 480 }, (_, i) => ({
      id: `M${i}`,
      title: `第${i + 1}个里程碑`,
      due: '2028-01-01',
      deliverables: ['阶段报告与中试运行记录'],
      indicators: ['出水含油量 ≤ 5 mg/L'],
      tranche: i === 0 ? '321' : '1',
    })),
  };
}

function pages(pdf: Uint8Array): number {
  return (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

export const taskbookSuite: BenchSuite = {
  name: 'taskbook',
  run: async () => {
    const rows: BenchRow[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'jb-tb-'));
    for (const [label, tb] of [
      ['sample', await sample()],
      ['large', large(await sample())],
    ] as const) {
      const pdf = await renderTaskBookPdf(tb);
      const file = join(dir, `${label}.json`);
      await writeFile(file, JSON.stringify(tb));
      // Cold: a new process that loads the fonts and renders once (the built CLI).
      let t = performance.now();
      execFileSync(process.execPath, [
        'out/node/jiebang.mjs',
        'render-taskbook',
        file,
        '-o',
        join(dir, `${label}.pdf`),
      ]);
      const cold = performance.now() - t;
      t = performance.now();
      const warm = await timeMs(() => renderTaskBookPdf(tb), 2);
      const { peakMb } = await peakRssMb(() => renderTaskBookPdf(tb));
      rows.push(
        {
          suite: 'taskbook',
          name: `${label} (${pages(pdf)} pages): cold, new process`,
          value: cold,
          unit: 'ms',
        },
        {
          suite: 'taskbook',
          name: `${label} (${pages(pdf)} pages): warm`,
          value: warm,
          unit: 'ms',
        },
        { suite: 'taskbook', name: `${label}: peak RSS growth (warm)`, value: peakMb, unit: 'MB' },
      );
    }
    return rows;
  },
};
