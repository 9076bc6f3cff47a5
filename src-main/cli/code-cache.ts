/**
 * Runs the CLI's CommonJS build (out/node/cli) with V8's code cache (issue 22). Node 20 caches no
 * compiled code between processes (node ≥ 22.1 has `module.enableCompileCache`), and parsing and
 * compiling the ≈ 500 KB that `jiebang verify` loads was a third of its CPU. Each chunk is compiled
 * here with `vm.Script` and the `cachedData` written beside it (`<chunk>.cache`) by
 * `npm run build` (scripts/cli-code-cache.ts runs `--help` and `verify` once with
 * `JIEBANG_WRITE_CODE_CACHE=1`): a cache made after a run holds the bytecode of every function that
 * ran, so neither the top level nor the functions called are parsed again.
 *
 * The cache is only ever an aid. A missing or unreadable file, or one V8 refuses (another node or
 * V8 version, other V8 flags, another source: `cachedDataRejected`), leaves V8 to compile the
 * source as it would without it: the same code runs, only slower.
 *
 * Chunks are loaded like node's own CommonJS loader does (the same wrapper, `module.exports`,
 * cycles see a partly filled `exports`); a specifier that is not relative (`node:fs`, `exceljs`)
 * goes to node's `require` from the chunk's place.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What each loaded chunk evaluates to: node's CommonJS wrapper. */
type ChunkFunction = (
  exports: unknown,
  load: (id: string) => unknown,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

/** How one run used the code cache: by chunk file, whether V8 took its cache. */
export type CacheUse = Map<string, 'used' | 'rejected' | 'none'>;

export interface RunOptions {
  /** Write each loaded chunk's cache when the process exits (the build does, once). */
  write: boolean;
}

const isChunkFunction = (value: unknown): value is ChunkFunction => typeof value === 'function';

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
}

/**
 * Loads `entry` (a CommonJS file) and the chunks it requires, each compiled with its code cache.
 * Returns how each chunk's cache was used (for tests and the build's check); with `write`, writes
 * every loaded chunk's cache at the process's exit (atomically: a temporary file renamed).
 */
export function runWithCodeCache(entry: string, options: RunOptions): CacheUse {
  const modules = new Map<string, { exports: unknown }>();
  const scripts: [string, Script][] = [];
  const use: CacheUse = new Map();

  const load = (file: string): unknown => {
    const known = modules.get(file);
    if (known) return known.exports;
    const source = readFileSync(file, 'utf8');
    const cachedData = readCache(file);
    const script = new Script(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      { filename: file, cachedData },
    );
    use.set(
      file,
      cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used',
    );
    scripts.push([file, script]);
    const module = { exports: {} };
    modules.set(file, module);
    const here = dirname(file);
    // node's `require` from the chunk's place, made when the chunk first requires a package or
    // a built-in (most chunks only require other chunks).
    let fromHere: NodeJS.Require | undefined;
    const requireInChunk = (id: string): unknown => {
      if (id.startsWith('./') || id.startsWith('../')) return load(join(here, id));
      fromHere ??= createRequire(file);
      return fromHere(id);
    };
    const wrapper: unknown = script.runInThisContext();
    if (!isChunkFunction(wrapper)) throw new Error(`${file}: not a CommonJS chunk`);
    wrapper(module.exports, requireInChunk, module, file, here);
    return module.exports;
  };

  if (options.write)
    process.on('exit', () => {
      for (const [file, script] of scripts) {
        const temporary = `${file}.cache.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, `${file}.cache`);
      }
    });
  load(entry);
  return use;
}
