import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { generatePanel } from '../../src-shared/sample/generate';
import { sheetBundleFor } from '../fixtures/bundles';
import type { BenchRow, BenchSuite } from './harness';

/** The installed `jiebang` command (package.json `bin`): what a user runs, launcher included. */
export const CLI = 'bin/jiebang.cjs';

/**
 * The environment the figures are judged in: this machine's, less `NODE_EXTRA_CA_CERTS`. The
 * sandbox sets that variable (its proxy's certificates) and node 20 reads and parses the file at
 * every process start, before any script runs: ≈ 400 M instructions, a bare `node -e 0` 5× its
 * cost without it. A user's machine does not set it and the CLI never uses TLS (it works offline),
 * so the judged figures — the CLI's and the bare node's alike — are taken without it; the same
 * commands with it are printed in each row's note (docs/bench.md).
 */
export const USER_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'),
);

/**
 * Wall time of a whole process, hyperfine-style: one warm-up run (the file cache), then `runs`
 * runs; the median and the spread. Throws when the command fails, so a broken CLI fails the bench.
 * `env` is the process's environment (this process's by default).
 */
export function processMs(
  args: string[],
  runs = 11,
  env: NodeJS.ProcessEnv = process.env,
): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
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
      // Each figure in the user's environment (judged) and in this machine's (the note).
      const both = (args: string[]) => ({
        user: processMs(args, 11, USER_ENV),
        here: processMs(args, 11),
      });
      const bare = both(['-e', '0']);
      const hasCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined;
      const peer = `bare node ${bare.user.median.toFixed(0)} ms`;
      const note = (m: ReturnType<typeof both>, what: string) =>
        `median of 11; ${m.user.min.toFixed(0)}–${m.user.max.toFixed(0)} ms; ${what}; ` +
        (hasCerts
          ? `with NODE_EXTRA_CA_CERTS: ${m.here.median.toFixed(0)} ms, bare node ${bare.here.median.toFixed(0)} ms`
          : 'NODE_EXTRA_CA_CERTS not set here');
      const help = both([CLI, '--help']);
      const plain = both([CLI, 'verify', join(dir, 'plain.jbx')]);
      const sealed = both([
        CLI,
        'verify',
        join(dir, 'sealed.jbx'),
        '--identity',
        join(dir, 'id.txt'),
      ]);
      const row = (name: string, m: ReturnType<typeof both>, what: string): BenchRow => ({
        suite: 'cli',
        name,
        value: m.user.median,
        unit: 'ms',
        target: { max: 150 },
        peer,
        note: note(m, what),
      });
      const rows: BenchRow[] = [
        row('jiebang --help, wall', help, 'bin/jiebang.cjs'),
        row('jiebang verify of a sheet bundle, wall', plain, 'signed, not encrypted'),
        row(
          'jiebang verify of an age-sealed sheet bundle, wall',
          sealed,
          'loads the age library (typage)',
        ),
      ];
      return rows;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
