import type { BenchSuite } from './harness';
import { aggregationSuite } from './aggregation';
import { bundleSuite } from './bundle';
import { storageSuite } from './storage';
import { taskbookSuite } from './taskbook';
import { expertSuite } from './expert';
import { dashboardSuite } from './dashboard';

/** Every benchmark suite `npm run bench` runs. Add yours: `test/bench/<topic>.ts` + a line here. */
export const suites: BenchSuite[] = [
  aggregationSuite,
  bundleSuite,
  storageSuite,
  taskbookSuite,
  expertSuite,
  dashboardSuite,
];
