/**
 * A young-generation collection on demand, for loops that take a fresh buffer from OpenSSL per
 * 64 KiB (node 20's `Decipher.update` has no output buffer: issue 22). V8 frees those buffers only
 * once ≈ 32–64 MB of them have piled up, so a new process (`jiebang verify`) touches that much fresh
 * memory — a page fault per 4 KiB, the largest cost on this kind of machine. Collected every few
 * MiB, malloc hands the same pages back.
 *
 * V8 gives `gc` only to a context made while `--expose-gc` is set: the flag is set for that moment
 * and put back (V8's flags are the process's; the CLI's code cache checks them). Not under
 * Electron, whose V8 may refuse a flag set after start: there this gives null and the loop runs as
 * before (main meets its target without it).
 */

import { createRequire } from 'node:module';

/** A property of a module loaded with `require` (typed `unknown` until checked). */
const member = (module: unknown, name: string): unknown =>
  typeof module === 'object' && module !== null ? Reflect.get(module, name) : undefined;

function load(): (() => void) | null {
  if (process.versions.electron !== undefined) return null;
  try {
    // Loaded here, not imported: `node:v8` brings node's streams (≈ 10–25 ms), which a small
    // `jiebang verify` does not need. (No dynamic import: the CLI's chunks run in `vm.Script`.)
    const load = createRequire(process.execPath);
    const setFlags = member(load('node:v8'), 'setFlagsFromString');
    const runInNewContext = member(load('node:vm'), 'runInNewContext');
    if (typeof setFlags !== 'function' || typeof runInNewContext !== 'function') return null;
    let gc: unknown = null;
    Reflect.apply(setFlags, undefined, ['--expose-gc']);
    try {
      gc = Reflect.apply(runInNewContext, undefined, ['gc']);
    } finally {
      Reflect.apply(setFlags, undefined, ['--no-expose-gc']);
    }
    if (typeof gc !== 'function') return null;
    const collect = gc;
    return () => {
      Reflect.apply(collect, undefined, [{ type: 'minor' }]);
    };
  } catch {
    return null;
  }
}

let loaded: { gc: (() => void) | null } | null = null;

/** The collection (the same function for the process's life), or null where it is not offered. */
export function minorGc(): (() => void) | null {
  return (loaded ??= { gc: load() }).gc;
}
