/**
 * The built `jiebang` command (out/node/jiebang.mjs, which bin/jiebang.mjs runs): the CLI itself
 * is built as CommonJS into out/node/cli and run with V8's code cache (./code-cache.ts, issue 22).
 * `npm run -s cli` runs the TypeScript source (./index.ts) instead, without it.
 */
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache';

runWithCodeCache(join(import.meta.dirname, 'cli', 'jiebang.cjs'), {
  write: process.env.JIEBANG_WRITE_CODE_CACHE === '1',
});
