import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { generatePanel } from '../../src-shared/sample/generate';
import { sheetBundleFor } from '../fixtures/bundles';
import type { BenchRow, BenchSuite } from './harness';

const CLI = 'out/node/jiebang.mjs';

/**
 * Wall time of a whole process, hyperfine-style: one warm-up run (the file cache), then `runs`
 * runs; the median and the spread. Throws when the command fails, so a broken CLI fails the bench.
 */
export function processMs(args: string[], runs = 11): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')}: ${r.stderr || r.stdout}`);
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? NaN,
    min: times[0] ?? NaN,
    max: times[times.length - 1] ?? NaN,
  };
}

/** The CLI's start-up: `jiebang --help` and `jiebang verify` of an expert's sheet bundle. */
export const cliSuite: BenchSuite = {
  name: 'cli',
  run: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-'));
    try {
      // One expert's sheet of a 7 × 20 panel, as an expert hands it over: plain, and sealed with age.
      const { sheets } = generatePanel({ experts: 7, applicants: 20, criteria: 10, seed: 3 });
      const sheet = sheets[0];
      if (!sheet) throw new Error('no sheet generated');
      const { identity, recipient } = await generateAgeIdentity();
      await writeFile(join(dir, 'id.txt'), `${identity}\n`);
      await writeFile(join(dir, 'plain.jbx'), await sheetBundleFor(sheet));
      await writeFile(
        join(dir, 'sealed.jbx'),
        await sheetBundleFor(sheet, { encryptTo: { recipient } }),
      );

      // The peer, in the same run: a bare node process that does nothing (the floor of any CLI).
      const bare = processMs(['-e', '0']);
      const peer = `bare node ${bare.median.toFixed(0)} ms`;
      const spread = (m: { min: number; max: number }) =>
        `median of 11; ${m.min.toFixed(0)}–${m.max.toFixed(0)} ms`;
      const help = processMs([CLI, '--help']);
      const plain = processMs([CLI, 'verify', join(dir, 'plain.jbx')]);
      const sealed = processMs([
        CLI,
        'verify',
        join(dir, 'sealed.jbx'),
        '--identity',
        join(dir, 'id.txt'),
      ]);
      const rows: BenchRow[] = [
        {
          suite: 'cli',
          name: 'jiebang --help, wall',
          value: help.median,
          unit: 'ms',
          target: { max: 150 },
          peer,
          note: spread(help),
        },
        {
          suite: 'cli',
          name: 'jiebang verify of a sheet bundle, wall',
          value: plain.median,
          unit: 'ms',
          target: { max: 150 },
          peer,
          note: `${spread(plain)}; signed, not encrypted`,
        },
        {
          suite: 'cli',
          name: 'jiebang verify of an age-sealed sheet bundle, wall',
          value: sealed.median,
          unit: 'ms',
          target: { max: 150 },
          peer,
          note: `${spread(sealed)}; loads the age library (typage)`,
        },
      ];
      return rows;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
