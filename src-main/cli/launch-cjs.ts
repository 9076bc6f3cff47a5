/**
 * The built `jiebang` command's launcher (out/node/cli/launch.cjs, which bin/jiebang.cjs and
 * out/node/jiebang.mjs require). Every command but those that render runs from the CLI's
 * CommonJS build (out/node/cli) with V8's code cache (./code-cache.ts; node 20 keeps no compiled
 * ES module between processes, issue 22); the commands that render (./renders.ts) run from the
 * ES-module build (out/node/jiebang-renders.mjs), which react-pdf needs. `npm run -s cli` runs
 * the TypeScript source (./index.ts) instead, without either.
 *
 * CommonJS, and so is the bin: its `node:fs`, `node:vm` and `node:path` are plain `require`s.
 * Through an ES module the same start cost ≈ 20 M instructions more (node's ES-module loader,
 * which reads through `fs/promises`, and the ES facade of `node:fs`, whose export list reads
 * `fs.ReadStream` and so loads node's stream stack) — a sixth of `jiebang --help`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runWithCodeCache } from './code-cache';
import { RENDERING_COMMANDS } from './renders';

if (RENDERING_COMMANDS.includes(process.argv[2] ?? ''))
  void import(pathToFileURL(join(import.meta.dirname, '..', 'jiebang-renders.mjs')).href);
else
  runWithCodeCache(join(import.meta.dirname, 'jiebang.cjs'), {
    write: process.env.JIEBANG_WRITE_CODE_CACHE === '1',
  });
