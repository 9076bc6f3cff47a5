import { aggregate, proposeHorseRace } from '../../src-shared/scoring';
import { generatePanel } from '../../src-shared/sample/generate';
import { peakRssMb, timeMs, type BenchSuite } from './harness';

export const aggregationSuite: BenchSuite = {
  name: 'aggregation',
  run: async () => {
    const { pkg, sheets } = generatePanel({
      experts: 50,
      applicants: 200,
      criteria: 10,
      seed: 42,
      recusalRate: 0.02,
    });
    const ms = await timeMs(() => proposeHorseRace(pkg, aggregate(pkg, sheets)), 3);
    const { peakMb } = await peakRssMb(() => aggregate(pkg, sheets));
    return [
      {
        suite: 'aggregation',
        name: '50 experts × 200 applicants × 10 criteria',
        value: ms,
        unit: 'ms',
        note: 'aggregate + rank + horse race, best of 3',
      },
      { suite: 'aggregation', name: 'peak RSS growth', value: peakMb, unit: 'MB' },
    ];
  },
};
