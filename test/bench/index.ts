import { suites } from './suites';
import { meets, type BenchRow } from './harness';
import { boundNote } from './bounds';

/**
 * `npm run bench [suite…]`: every figure of issue 22 with its target and its peer beside it, in
 * one run. A suite that finds a wrong result (the aggregation's hand-computed cells) throws, and
 * the run fails.
 */
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
const failed: string[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  process.stderr.write(`bench: ${suite.name}…\n`);
  try {
    rows.push(...(await suite.run()));
  } catch (error) {
    // One suite's failure (a wrong result, a timeout) is printed, the others still run; the run fails.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    failed.push(`${suite.name}: ${message}`);
    process.stderr.write(`bench: ${suite.name} FAILED: ${message}\n`);
  }
}
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const target = (r: BenchRow) =>
  !r.target ? '' : 'max' in r.target ? `≤ ${fmt(r.target.max)}` : `≥ ${fmt(r.target.min)}`;
const w = Math.max(10, ...rows.map((r) => `${r.suite} / ${r.name}`.length));
console.log(
  `${'benchmark'.padEnd(w)}  ${'value'.padStart(10)} ${'unit'.padEnd(5)}  ${'target'.padEnd(9)}     peer / note`,
);
for (const r of rows) {
  const met = meets(r);
  const mark = met === null ? '  ' : met ? '✓ ' : '✗ ';
  // A missed target carries the best reached and the heading of its measured bound (bounds.ts).
  const extra = [r.peer, r.note, met === false ? boundNote(r, fmt) : undefined]
    .filter(Boolean)
    .join('; ');
  console.log(
    `${`${r.suite} / ${r.name}`.padEnd(w)}  ${fmt(r.value).padStart(10)} ${r.unit.padEnd(5)}  ${target(r).padEnd(9)}  ${mark} ${extra}`,
  );
}
const judged = rows.filter((r) => meets(r) !== null);
console.log(`\ntargets met: ${judged.filter((r) => meets(r)).length} of ${judged.length}`);
for (const f of failed) console.log(`FAILED ${f}`);
if (failed.length > 0) process.exitCode = 1;
