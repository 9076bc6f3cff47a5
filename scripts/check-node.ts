/**
 * `npm start` / `npm run dev` run this first: the desktop app needs the Node.js version that
 * Electron's package declares (Electron 45: `>= 22.12.0`; its install and `electron-vite` run
 * under it), while build, tests and the CLI run on Node ^20.19 as well (package.json `engines`).
 * On an older Node it exits 1 with a message saying what to install, before anything starts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The lowest version a `>= X.Y.Z` engines range allows, as [major, minor, patch]; null if none. */
export function minimumVersion(range: string): [number, number, number] | null {
  const m = /^\s*>=\s*v?(\d+)\.(\d+)(?:\.(\d+))?\s*$/.exec(range);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

/** Why `version` (e.g. process.versions.node) cannot start the app under `range`, or null if it can. */
export function nodeVersionProblem(version: string, range: string): string | null {
  const minimum = minimumVersion(range);
  if (!minimum) return null;
  const current = version.split('.').map(Number);
  for (const [i, need] of minimum.entries()) {
    const have = current[i] ?? 0;
    if (have > need) return null;
    if (have < need) {
      const wanted = minimum.join('.');
      return (
        `揭榜评审台的桌面版需要 Node.js ${wanted} 或更高版本（Electron 的要求），当前为 ${version}。请升级 Node.js 后重新 npm install。\n` +
        `The desktop app needs Node.js ${wanted} or later (Electron's requirement); this is ${version}. ` +
        'Upgrade Node.js, then run npm install again. (Build, tests and the CLI run on Node 20.19 too.)'
      );
    }
  }
  return null;
}

/** The `engines.node` range of the installed Electron package, or null when it cannot be read. */
export function electronNodeRange(): string | null {
  try {
    const pkg: unknown = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8'));
    const parsed = z.object({ engines: z.object({ node: z.string() }) }).safeParse(pkg);
    return parsed.success ? parsed.data.engines.node : null;
  } catch {
    return null;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const range = electronNodeRange();
  const problem = range ? nodeVersionProblem(process.versions.node, range) : null;
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
