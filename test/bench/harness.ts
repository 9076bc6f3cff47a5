/** A benchmark row: one figure, printed in a table with its target and its peer beside it. */
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** The target for this figure (issue 22): at most `max`, or at least `min`. */
  target?: { max: number } | { min: number };
  /** The peer measured in the same run, as printed: "age CLI 529 MB/s". */
  peer?: string;
  /** Anything else: what a ratio compares, what the figure includes. */
  note?: string;
}

export interface BenchSuite {
  name: string;
  run: () => Promise<BenchRow[]>;
}

/** Whether a row meets its target; null when it has none. */
export function meets(row: BenchRow): boolean | null {
  if (!row.target) return null;
  return 'max' in row.target ? row.value <= row.target.max : row.value >= row.target.min;
}

/** Wall-clock milliseconds of `fn`, best of `repeat` runs after one warm-up. */
export async function timeMs(fn: () => unknown, repeat = 3): Promise<number> {
  return (await timesMs(fn, repeat)).best;
}

/** Wall-clock milliseconds of `fn` over `repeat` runs after one warm-up: best and median. */
export async function timesMs(
  fn: () => unknown,
  repeat: number,
): Promise<{ best: number; median: number }> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { best: runs[0] ?? NaN, median: runs[Math.floor(runs.length / 2)] ?? NaN };
}

/** Peak resident set size growth (MB) while `fn` runs, sampled every 5 ms. */
export async function peakRssMb<T>(
  fn: () => Promise<T> | T,
): Promise<{ result: T; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
