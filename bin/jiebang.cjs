#!/usr/bin/env node
// The installed `jiebang` command runs the built CLI (npm run build). From a checkout without a
// build, use `npm run -s cli -- <command>`, which runs the TypeScript source directly.
// CommonJS, like the launcher it requires: an ES module here would start node's ES-module loader
// (which reads files through `fs/promises`) for every command, ≈ 20 M instructions, a sixth of
// `jiebang --help` (src-main/cli/launch-cjs.ts, issue 22).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const launcher = join(__dirname, '..', 'out', 'node', 'cli', 'launch.cjs');
if (!existsSync(launcher)) {
  process.stderr.write(
    'jiebang: 尚未构建 not built yet — run `npm run build` first, or use `npm run -s cli -- <command>`\n',
  );
  process.exit(1);
}
require(launcher);
