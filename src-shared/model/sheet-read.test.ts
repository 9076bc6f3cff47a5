import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSheets } from '../sample-fixture';
import { generatePanel } from '../sample/generate';
import { parseScoreSheet, quickScoreSheet } from './sheet-read';
import { ScoreSheetSchema } from './sheet';

/** A JSON copy of a value (what a file's `JSON.parse` gives). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const { sheets: panel } = generatePanel({ experts: 3, applicants: 6, criteria: 4, seed: 9 });
const bases: unknown[] = [...sampleSheets(), ...panel].map(json);

/** Values a field may be mutated to: well-formed and not, texts that normalise or are refused. */
const oddValue = fc.oneof(
  { arbitrary: fc.anything(), weight: 1 },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'A01',
      'C1',
      '好',
      '理由充分',
      ' 理由 ',
      'a\r\nb',
      'a\rb',
      'x\u200by',
      '\ufeffz',
      'm\u202en',
      'c\u0007d',
      'lone\ud800',
      'é'.normalize('NFD'),
      'x'.repeat(2001),
      'x'.repeat(5001),
      '12.5',
      '-1',
      '1.1234567',
      '2026-12-01T09:00:00+08:00',
      '2026-12-01T09:00:00Z',
      '2026-12-01',
      'submitted',
      'draft',
      'employment',
      0,
      -0,
      -1,
      0.1 + 0.2,
      17.5,
      1e300,
      Infinity,
      NaN,
      1,
      2,
      null,
      [],
      {},
    ),
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('employment', 'other', 'nope'),
      reason: fc.string(),
    }),
    weight: 1,
  },
);

type Path = (string | number)[];

/** Every path to a value in `value` (objects' keys and arrays' indexes), the root included. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

const MUTATIONS = ['set', 'delete', 'add-key', 'undefined'] as const;

/** `value` with one change at `path` (a copy; `value` is left as it is). */
function mutate(value: unknown, path: Path, how: (typeof MUTATIONS)[number], to: unknown): unknown {
  const root: unknown = json(value);
  if (path.length === 0) return how === 'set' ? to : root;
  let parent: unknown = root;
  for (const step of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return root;
    parent = Reflect.get(parent, step);
  }
  const last = path[path.length - 1];
  if (typeof parent !== 'object' || parent === null || last === undefined) return root;
  if (how === 'set') Reflect.set(parent, last, to);
  else if (how === 'undefined') Reflect.set(parent, last, undefined);
  else if (how === 'delete') {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else Reflect.deleteProperty(parent, last);
  } else {
    const target: unknown = Reflect.get(parent, last);
    if (typeof target === 'object' && target !== null && !Array.isArray(target))
      Reflect.set(target, 'extra', to);
  }
  return root;
}

/** Same result as the schema: success, the same object (keys in the same order), or the same issues. */
function expectSame(raw: unknown): void {
  const fast = parseScoreSheet(raw);
  const schema = ScoreSheetSchema.safeParse(raw);
  expect(fast.success).toBe(schema.success);
  if (fast.success && schema.success) {
    expect(fast.data).toStrictEqual(schema.data);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(schema.data));
  } else {
    expect(fast.error?.issues).toEqual(schema.error?.issues);
  }
}

describe('parseScoreSheet', () => {
  it('takes the well-formed sheets by the fast check, as the schema gives them', () => {
    for (const raw of bases) {
      expect(quickScoreSheet(raw)).not.toBeNull();
      expectSame(raw);
    }
  });

  it('gives what ScoreSheetSchema gives for sheets changed at any one place (property)', () => {
    let quick = 0;
    fc.assert(
      fc.property(
        fc
          .constantFrom(...bases)
          .chain((base) =>
            fc.tuple(
              fc.constant(base),
              fc.constantFrom(...pathsOf(base)),
              fc.constantFrom(...MUTATIONS),
              oddValue,
            ),
          ),
        ([base, path, how, to]) => {
          const raw = mutate(base, path, how, to);
          if (quickScoreSheet(raw)) quick += 1;
          expectSame(raw);
        },
      ),
      { numRuns: 2000 },
    );
    // Both sides of the check are exercised: mutated sheets it takes, and ones it leaves.
    expect(quick).toBeGreaterThan(100);
    expect(quick).toBeLessThan(1950);
  });

  it('gives what ScoreSheetSchema gives for any value (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => expectSame(raw)),
      { numRuns: 500 },
    );
  });
});
