import type { BenchSuite } from './harness';

/** Every benchmark suite `npm run bench` runs. Add yours: `test/bench/<topic>.ts` + a line here. */
export const suites: BenchSuite[] = [];
