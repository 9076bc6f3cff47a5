/**
 * The string tables are loaded with the screens that show them (issue 22): the first screen
 * registers its own (`i18n/strings.ts`), and every other table is imported by a module of the
 * screen's lazy chunk, so it is registered before the screen renders. `t()` stays synchronous, so a
 * key whose table is not registered yet would be shown as the key itself: this test reads the
 * renderer's import graph and fails on any key a chunk can show before its table is there.
 *
 * For each entry — `main.tsx`, every `import('…')` target (a screen, the unlocked app, the profile
 * workflow, the PDF view) — the keys written in the modules it imports statically (a literal key, or
 * `prefix.${…}` standing for every key of that prefix) must be in the tables imported statically by
 * the same modules, or by every entry that loads it (the first screen's tables are always there).
 * A worker's keys count as its page-side client's: its messages are shown on the page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src-renderer/src/i18n/all';

const SRC = resolve('src-renderer/src');
const I18N = join(SRC, 'i18n');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/^test-/.test(name)
      ? [path]
      : [];
  });
}

/** The keys of a table file: the properties of its first (Chinese) object. */
function tableKeys(text: string): string[] {
  const zh = text.slice(text.indexOf('defineStrings('), text.indexOf('\n  },\n  {'));
  return [...zh.matchAll(/^ {4}(?:'([^']+)'|([A-Za-z_$][\w$]*)):/gm)].flatMap((m) => {
    const key = m[1] ?? m[2];
    return key === undefined ? [] : [key];
  });
}

const files = sources(SRC);
const tableOf = new Map<string, string>();
const tableFiles = new Set<string>();
for (const file of files) {
  if (dirname(file) !== I18N) continue;
  const text = readFileSync(file, 'utf8');
  if (!/= defineStrings\(/.test(text)) continue;
  tableFiles.add(file);
  for (const key of tableKeys(text)) tableOf.set(key, file);
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
    (c) => /\.tsx?$/.test(c) && existsSync(c),
  );
}

interface Module {
  /** Modules imported statically (not `import type`). */
  imports: string[];
  /** Targets of `import('…')`. */
  lazy: string[];
  /** Workers it starts (`new Worker(new URL('…', import.meta.url))`). */
  workers: string[];
  /** String keys it names. */
  keys: Set<string>;
}

const modules = new Map<string, Module>();
for (const file of files) {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found = (re: RegExp, skip?: (m: RegExpExecArray) => boolean): string[] =>
    [...text.matchAll(re)].flatMap((m) => {
      const spec = m[m.length - 1];
      const target = spec === undefined || skip?.(m) ? undefined : resolveImport(file, spec);
      return target === undefined ? [] : [target];
    });
  const keys = new Set<string>();
  // A table names its own keys; the storage layer (db/) names none (its sentences are i18n/db.ts,
  // and its stored audit actions, some spelt like a key, are shown through workflows/audit.ts).
  const names = !tableFiles.has(file) && relative(SRC, file).split('/')[0] !== 'db';
  for (const m of text.matchAll(/(['"`])([A-Za-z][\w.-]*)\1/g))
    if (names && m[2] !== undefined && tableOf.has(m[2])) keys.add(m[2]);
  for (const m of names ? text.matchAll(/`([A-Za-z][\w.]*\.)\$\{/g) : []) {
    const prefix = m[1];
    if (prefix === undefined) continue;
    for (const key of tableOf.keys()) if (key.startsWith(prefix)) keys.add(key);
  }
  modules.set(file, {
    imports: found(
      /^\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
      (m) => m[1] !== undefined,
    ),
    lazy: found(/(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, (m) => m[1] !== undefined),
    workers: found(/new Worker\(\s*new URL\(\s*['"]([^'"]+)['"]/g),
    keys,
  });
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(modules.get(next)?.imports ?? []));
  }
  return seen;
}

/** The keys a chunk's modules name, with the keys of the workers they start. */
function keysOf(chunk: Set<string>): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of chunk) {
    const m = modules.get(file);
    for (const key of m?.keys ?? []) used.set(key, file);
    for (const worker of m?.workers ?? [])
      for (const inWorker of closure(worker))
        for (const key of modules.get(inWorker)?.keys ?? []) used.set(key, inWorker);
  }
  return used;
}

const main = join(SRC, 'main.tsx');
const entries = [main, ...new Set([...modules.values()].flatMap((m) => m.lazy))];
const chunks = new Map(entries.map((e) => [e, closure(e)]));

/** The tables registered when an entry's modules run: its own, and those of every entry loading it. */
const registered = new Map<string, Set<string>>();
function registeredAt(entry: string, seen: Set<string> = new Set()): Set<string> {
  const known = registered.get(entry);
  if (known) return known;
  const own = [...(chunks.get(entry) ?? [])].filter((f) => tableFiles.has(f));
  const loaders = entries.filter(
    (e) =>
      e !== entry &&
      !seen.has(e) &&
      [...(chunks.get(e) ?? [])].some((f) => modules.get(f)?.lazy.includes(entry)),
  );
  const inherited = loaders.map((e) => registeredAt(e, new Set([...seen, entry])));
  const common = inherited.reduce<Set<string> | undefined>(
    (acc, s) => (acc === undefined ? new Set(s) : new Set([...acc].filter((t) => s.has(t)))),
    undefined,
  );
  const all = new Set([...own, ...(common ?? [])]);
  registered.set(entry, all);
  return all;
}

describe('string tables load with their screens', () => {
  it('reads every key of every table (the parse of the tables is whole)', () => {
    const keys = new Set(dictionaries.flatMap((d) => Object.keys(d.zh)));
    expect([...tableOf.keys()].sort()).toEqual([...keys].sort());
  });

  it('the first screen loads only its own tables', () => {
    const first = [...(chunks.get(main) ?? [])].filter((f) => tableFiles.has(f));
    expect(first.map((f) => basename(f)).sort()).toEqual([
      'core.ts',
      'errors.ts',
      'progress.ts',
      'storage.ts',
    ]);
  });

  it.each(entries.map((e) => [relative(SRC, e), e]))(
    '%s: every key it can show is registered before it renders',
    (_name, entry) => {
      const tables = registeredAt(entry);
      const missing = [...keysOf(chunks.get(entry) ?? new Set())]
        .filter(([key]) => !tables.has(tableOf.get(key) ?? ''))
        .map(
          ([key, file]) =>
            `${relative(SRC, file)}: ${key} (${basename(tableOf.get(key) ?? '')}) not loaded`,
        );
      expect(missing).toEqual([]);
    },
  );
});
