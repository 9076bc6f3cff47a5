import type { BenchSuite } from './harness';
import { aggregationSuite } from './aggregation';
import { bundleSuite } from './bundle';
import { cliSuite } from './cli';
import { storageSuite } from './storage';
import { taskbookSuite } from './taskbook';
import { expertSuite } from './expert';
import { dashboardSuite } from './dashboard';
import { rendererSuite } from './renderer';

/** Every benchmark suite `npm run bench` runs. Add yours: `test/bench/<topic>.ts` + a line here. */
export const suites: BenchSuite[] = [
  aggregationSuite,
  bundleSuite,
  cliSuite,
  storageSuite,
  taskbookSuite,
  expertSuite,
  dashboardSuite,
  rendererSuite,
];
