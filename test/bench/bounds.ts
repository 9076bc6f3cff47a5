import type { BenchRow } from './harness';

/**
 * What the bench prints beside a target it does not meet (issue 22: "where a target proves out of
 * reach after honest work, the bench prints the best reached beside it and docs/bench.md shows
 * the measured bound"): the best figure a recorded full or suite run on this machine kind reached,
 * and the heading of docs/bench.md's section that says where the remaining time goes.
 *
 * A row is matched by its suite and a pattern of its name (the suites' names carry counts such as
 * the book's page count, so a pattern rather than the literal). `test/unit/bench-bounds.test.ts`
 * checks that each pattern matches the name its suite prints and that each heading exists.
 */
export interface Bound {
  suite: string;
  name: RegExp;
  /** The best figure reached in a recorded run, in the row's unit, and which run (docs/bench.md). */
  best: { value: number; run: string };
  /** A level-4 heading of docs/bench.md, under "## Where targets are not met: the measured bound". */
  heading: string;
}

export const BOUNDS: readonly Bound[] = [
  {
    suite: 'dashboard',
    name: /→ ranking ready$/,
    best: { value: 794, run: '2026-12-03 20:01 full run' },
    heading: 'The desk: 49 files to a ready ranking',
  },
  {
    suite: 'storage',
    name: /^write ratio/,
    best: { value: 0.99, run: '2026-12-03 16:08–16:12 storage runs' },
    heading: 'Encrypted storage ÷ plain Dexie',
  },
  {
    suite: 'storage',
    name: /^read ratio/,
    best: { value: 1.06, run: '2026-12-03 16:08 storage run' },
    heading: 'Encrypted storage ÷ plain Dexie',
  },
  {
    suite: 'storage',
    name: /^query ratio/,
    best: { value: 1.08, run: '2026-12-03 16:08 storage run' },
    heading: 'Encrypted storage ÷ plain Dexie',
  },
  {
    suite: 'taskbook',
    name: /^1280 milestones \(\d+ pages\), ÷ Chromium$/,
    best: { value: 0.78, run: '2026-12-01 07:08 full run' },
    heading: 'The task book at 80 milestone pages ÷ Chromium',
  },
  {
    suite: 'bundle',
    name: /^CLI: jiebang pack/,
    best: { value: 0.59, run: '2026-12-03 16:05 full run' },
    heading: '`jiebang pack` ÷ `age`',
  },
];

/** The recorded bound of a row, if any. */
export function boundFor(row: Pick<BenchRow, 'suite' | 'name'>): Bound | undefined {
  return BOUNDS.find((b) => b.suite === row.suite && b.name.test(row.name));
}

/**
 * The note printed beside a row that misses its target: the best reached and where docs/bench.md
 * gives the bound — or, when none is recorded, that none is (so a new miss is not silent).
 */
export function boundNote(row: BenchRow, fmt: (v: number) => string): string {
  const bound = boundFor(row);
  if (!bound) return 'no measured bound recorded in docs/bench.md';
  return `best reached ${fmt(bound.best.value)} ${row.unit} (${bound.best.run}); bound: docs/bench.md «${bound.heading}»`;
}
