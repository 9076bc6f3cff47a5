/** A benchmark row: one figure, printed in a table; `ratio` rows compare two figures side by side. */
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** Optional note, e.g. the target or what a ratio compares. */
  note?: string;
}

export interface BenchSuite {
  name: string;
  run: () => Promise<BenchRow[]>;
}

/** Wall-clock milliseconds of `fn`, best of `repeat` runs after one warm-up. */
export async function timeMs(fn: () => unknown, repeat = 3): Promise<number> {
  await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
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
