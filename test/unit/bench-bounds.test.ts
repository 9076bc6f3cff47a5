import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOUNDS, boundFor, boundNote } from '../bench/bounds';

const doc = readFileSync(new URL('../../docs/bench.md', import.meta.url), 'utf8');

/** The rows of the recorded full run: the first `text` block under "## One full run". */
function recordedRun(): { suite: string; name: string; missed: boolean }[] {
  const section = doc.slice(doc.indexOf('## One full run'));
  const block = section.slice(
    section.indexOf('```text') + 7,
    section.indexOf('```', section.indexOf('```text') + 7),
  );
  return block
    .split('\n')
    .map(
      (line) =>
        /^(\S+) \/ (.+?)\s{2,}[\d.]+ \S+/.exec(line) && {
          line,
          m: /^(\S+) \/ (.+?)\s{2,}[\d.]+ \S+/.exec(line),
        },
    )
    .flatMap((x) =>
      x && x.m ? [{ suite: x.m[1] ?? '', name: x.m[2] ?? '', missed: x.line.includes('✗') }] : [],
    );
}

describe('the bench’s measured bounds (issue 22)', () => {
  const rows = recordedRun();

  it('reads the recorded full run of docs/bench.md', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.some((r) => r.suite === 'dashboard' && r.name.endsWith('→ ranking ready'))).toBe(
      true,
    );
  });

  it('gives every target missed in the recorded run its best reached and bound', () => {
    const missed = rows.filter((r) => r.missed);
    expect(missed.length).toBeGreaterThan(0);
    for (const row of missed) expect(boundFor(row), `${row.suite} / ${row.name}`).toBeDefined();
  });

  it('matches each bound to exactly one row the suites print', () => {
    for (const bound of BOUNDS) {
      const hits = rows.filter((r) => r.suite === bound.suite && bound.name.test(r.name));
      expect(
        hits.map((r) => r.name),
        `${bound.suite} ${String(bound.name)}`,
      ).toHaveLength(1);
    }
  });

  it('points each bound at a heading that docs/bench.md has, under the measured bound', () => {
    const bounds = doc.slice(doc.indexOf('## Where targets are not met: the measured bound'));
    for (const bound of BOUNDS)
      expect(bounds.includes(`\n#### ${bound.heading}\n`), bound.heading).toBe(true);
  });

  it('says so when a missed target has no recorded bound', () => {
    const fmt = (v: number) => v.toFixed(2);
    expect(
      boundNote({ suite: 'cli', name: 'jiebang --help, wall', value: 200, unit: 'ms' }, fmt),
    ).toBe('no measured bound recorded in docs/bench.md');
    expect(
      boundNote(
        { suite: 'storage', name: 'read ratio encrypted ÷ plain', value: 1.3, unit: '×' },
        fmt,
      ),
    ).toBe(
      'best reached 1.06 × (2026-12-03 16:08 storage run); bound: docs/bench.md «Encrypted storage ÷ plain Dexie»',
    );
  });
});
