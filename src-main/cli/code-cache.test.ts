import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The code cache is only an aid: a chunk runs the same with its cache, without one, and with one
 * V8 refuses. Each case runs in a new node process (a cache is taken or refused at compile time,
 * once per process), loading two CommonJS chunks in a cycle and a built-in, as the CLI's build does.
 */
let dir: string;
const loader = join(import.meta.dirname, 'code-cache.ts');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jb-code-cache-'));
  await writeFile(
    join(dir, 'entry.cjs'),
    [
      '"use strict";',
      'const { join } = require("node:path");',
      'const b = require("./assets/b.cjs");',
      'exports.name = "entry";',
      'process.stdout.write(JSON.stringify({ sum: b.twice(21), path: join("a", "b"), back: b.seen() }));',
    ].join('\n'),
  );
  await writeFile(join(dir, 'package.json'), '{}');
  await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'assets')));
  await writeFile(
    join(dir, 'assets', 'b.cjs'),
    [
      '"use strict";',
      'const entry = require("../entry.cjs");',
      'exports.twice = (n) => n * 2;',
      'exports.seen = () => entry.name;',
    ].join('\n'),
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the loader on the test's chunks in a new process; its output and how the caches were used. */
function run(write: boolean): { out: unknown; use: Record<string, string> } {
  const script = [
    `import { runWithCodeCache } from ${JSON.stringify(loader)};`,
    `const use = runWithCodeCache(${JSON.stringify(join(dir, 'entry.cjs'))}, { write: ${String(write)} });`,
    'process.stderr.write(JSON.stringify(Object.fromEntries([...use].map(([f, u]) => [f.slice(f.lastIndexOf("/") + 1), u]))));',
  ].join('\n');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
    },
  );
  expect(result.status, result.stderr).toBe(0);
  const use: unknown = JSON.parse(result.stderr);
  const out: unknown = JSON.parse(result.stdout);
  if (typeof use !== 'object' || use === null) throw new Error('no cache use reported');
  return { out, use: Object.fromEntries(Object.entries(use).map(([k, v]) => [k, String(v)])) };
}

describe('runWithCodeCache', () => {
  const expected = { sum: 42, path: join('a', 'b'), back: 'entry' };

  it('runs chunks without a cache, writes one, and takes it on the next run', async () => {
    const first = run(true);
    expect(first.out).toEqual(expected);
    expect(first.use).toEqual({ 'entry.cjs': 'none', 'b.cjs': 'none' });
    expect((await readFile(join(dir, 'assets', 'b.cjs.cache'))).length).toBeGreaterThan(0);

    const second = run(false);
    expect(second.out).toEqual(expected);
    expect(second.use).toEqual({ 'entry.cjs': 'used', 'b.cjs': 'used' });
  });

  it('runs the same when V8 refuses a cache (another source, node or flags)', async () => {
    run(true);
    await writeFile(join(dir, 'assets', 'b.cjs.cache'), Buffer.from('not a code cache'));
    await writeFile(
      join(dir, 'entry.cjs.cache'),
      await readFile(join(dir, 'assets', 'b.cjs.cache')),
    );
    const again = run(false);
    expect(again.out).toEqual(expected);
    expect(again.use).toEqual({ 'entry.cjs': 'rejected', 'b.cjs': 'rejected' });
  });
});
