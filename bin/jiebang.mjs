#!/usr/bin/env node
// The installed `jiebang` command runs the built CLI (npm run build). From a checkout without a
// build, use `npm run -s cli -- <command>`, which runs the TypeScript source directly.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/node/jiebang.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(
    'jiebang: 尚未构建 not built yet — run `npm run build` first, or use `npm run -s cli -- <command>`\n',
  );
  process.exit(1);
}
await import(built);
