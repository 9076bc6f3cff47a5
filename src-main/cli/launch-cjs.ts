/**
 * The built `jiebang` command's launcher (out/node/cli/launch.cjs, which bin/jiebang.cjs and
 * out/node/jiebang.mjs require). Every command runs from a CommonJS build with V8's code cache
 * (./code-cache.ts; node 20 keeps no compiled ES module between processes, issue 22): those that
 * render (./renders.ts) from out/node/renders, which bundles react-pdf, fontkit, pdfkit and yoga
 * whole; the others from out/node/cli, which holds no PDF stack. `npm run -s cli` runs the
 * TypeScript source (./index.ts) instead, without either.
 *
 * CommonJS, and so is the bin: its `node:fs`, `node:vm` and `node:path` are plain `require`s.
 * Through an ES module the same start cost ≈ 20 M instructions more (node's ES-module loader,
 * which reads through `fs/promises`, and the ES facade of `node:fs`, whose export list reads
 * `fs.ReadStream` and so loads node's stream stack) — a sixth of `jiebang --help`.
 */
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache';
import { RENDERING_COMMANDS } from './renders';

runWithCodeCache(
  RENDERING_COMMANDS.includes(process.argv[2] ?? '')
    ? join(import.meta.dirname, '..', 'renders', 'jiebang-renders.cjs')
    : join(import.meta.dirname, 'jiebang.cjs'),
  { write: process.env.JIEBANG_WRITE_CODE_CACHE === '1' },
);
