/**
 * The built `jiebang` command (out/node/jiebang.mjs, which bin/jiebang.mjs runs). Every command
 * but those that render runs from the CLI's CommonJS build (out/node/cli) with V8's code cache
 * (./code-cache.ts; node 20 keeps no compiled ES module between processes, issue 22); the
 * commands that render (./renders.ts) run from the ES-module build, which react-pdf needs.
 * `npm run -s cli` runs the TypeScript source (./index.ts) instead, without either.
 */
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache';
import { RENDERING_COMMANDS } from './renders';

if (RENDERING_COMMANDS.includes(process.argv[2] ?? '')) await import('./index');
else
  runWithCodeCache(join(import.meta.dirname, 'cli', 'jiebang.cjs'), {
    write: process.env.JIEBANG_WRITE_CODE_CACHE === '1',
  });
