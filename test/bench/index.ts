import { suites } from './suites';
import type { BenchRow } from './harness';

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  process.stderr.write(`bench: ${suite.name}…\n\n`);
  rows.push(...(await suite.run()));
}
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const w = Math.max(10, ...rows.map((r) => `${r.suite} / ${r.name}`.length));
console.log(`${'benchmark'.padEnd(w)}  ${'value'.padStart(12)}  unit      note`);
for (const r of rows) {
  console.log(
    `${`${r.suite} / ${r.name}`.padEnd(w)}  ${fmt(r.value).padStart(12)}  ${r.unit.padEnd(8)}  ${r.note ?? ''}`,
  );
}
