/**
 * out/node/jiebang.mjs: the built `jiebang` command for callers that run the ES build's file (the
 * end-to-end tests, scripts). It hands over to the one launcher, out/node/cli/launch.cjs
 * (./launch-cjs.ts), which bin/jiebang.cjs requires directly.
 */
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./cli/launch.cjs');
