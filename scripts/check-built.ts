/**
 * `npm run check:built` (part of `npm test`, after `npm run build`): every built JavaScript file of
 * the desktop app and the Node entry points must parse. A chunk that does not parse (e.g. a binding
 * that clashes with electron-vite's ESM shim: "Identifier 'require' has already been declared")
 * stops Electron before a window opens, and no other test would load it. Exit 1 names each file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = ['out/main', 'out/preload', 'out/node'];
const SCRIPT = /\.(?:js|mjs|cjs)$/;

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return SCRIPT.test(entry.name) ? [path] : [];
  });
}

const problems: string[] = [];
let checked = 0;
for (const root of ROOTS) {
  const files = existsSync(root) ? scripts(root) : [];
  if (files.length === 0) problems.push(`${root}: 没有构建产物 nothing built (run npm run build)`);
  for (const file of files) {
    checked++;
    const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    if (result.status !== 0)
      problems.push(`${relative('.', file)}: 无法解析 does not parse\n${result.stderr.trim()}`);
  }
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n\n')}\n`);
  process.exit(1);
}
process.stdout.write(`check:built: ${checked} files parse (${ROOTS.join(', ')})\n`);
