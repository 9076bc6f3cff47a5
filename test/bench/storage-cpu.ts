import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { z } from 'zod';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { startBuiltWebHost } from '../e2e/webhost';

/**
 * `npx tsx test/bench/storage-cpu.ts [rounds]` (Linux, after `npm run build`): the storage suite's
 * operations (src-renderer/bench/storage-cpu.ts) with the CPU time each costs every Chromium
 * process, read from /proc around it — the browser process (where IndexedDB stores and reads)
 * and the renderer (Dexie, sealing, opening) apart. CPU time moves less with the machine's load
 * than wall time does; measured only, no target (docs/bench.md, the storage bound).
 */
const TICK_MS = 10;

function fieldsOf(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function kindOf(pid: string): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([a-z-]+)/.exec(cmd)?.[1];
    const sub = /--utility-sub-type=([a-zA-Z.]+)/.exec(cmd)?.[1];
    return type === undefined ? 'browser' : sub === undefined ? type : `${type}:${sub}`;
  } catch {
    return '?';
  }
}

/** This process's descendants (Chromium and its children), each with its kind. */
function descendants(): Map<string, string> {
  const children = new Map<string, string[]>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const parent = fieldsOf(pid)?.[1];
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out = new Map<string, string>();
  const walk = (pid: string) => {
    for (const child of children.get(pid) ?? []) {
      out.set(child, kindOf(child));
      walk(child);
    }
  };
  walk(String(process.pid));
  return out;
}

/** CPU ms (user + system) by process kind. */
function cpu(pids: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, kind] of pids) {
    const f = fieldsOf(pid);
    if (!f) continue;
    out.set(kind, (out.get(kind) ?? 0) + (Number(f[11]) + Number(f[12])) * TICK_MS);
  }
  return out;
}

const rounds = Number(process.argv[2] ?? 5);
const out = await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    lib: { entry: resolve('src-renderer/bench/storage-cpu.ts'), formats: ['iife'], name: 'cpu' },
    minify: false,
  },
});
let code = '';
for (const o of Array.isArray(out) ? out : [out])
  if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') code += chunk.code;
const host = await startBuiltWebHost();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage();
  await page.route('**/storage-cpu.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: code }),
  );
  await page.goto(host.url);
  await page.addScriptTag({ url: `${host.origin}/storage-cpu.js` });
  const names = z.array(z.string()).parse(await page.evaluate('window.storageCpu.setup()'));
  const walls = new Map<string, number[]>();
  const spent = new Map<string, Map<string, number>>();
  // Round 0 warms up and is not counted.
  for (let r = 0; r <= rounds; r++)
    for (const name of names) {
      const pids = descendants();
      const before = cpu(pids);
      const wall = z
        .number()
        .parse(await page.evaluate(`window.storageCpu.op(${JSON.stringify(name)})`));
      const after = cpu(pids);
      if (r === 0) continue;
      walls.set(name, [...(walls.get(name) ?? []), wall]);
      const by = spent.get(name) ?? new Map<string, number>();
      spent.set(name, by);
      for (const [kind, ms] of after)
        by.set(kind, (by.get(kind) ?? 0) + ms - (before.get(kind) ?? 0));
    }
  await page.evaluate('window.storageCpu.done()');
  for (const name of names) {
    const w = [...(walls.get(name) ?? [])].sort((a, b) => a - b);
    const parts = [...(spent.get(name) ?? new Map<string, number>())]
      .filter(([, ms]) => ms > 0)
      .map(([kind, ms]) => `${kind} ${(ms / rounds).toFixed(0)}`)
      .join(', ');
    console.log(
      `${name.padEnd(12)} wall median ${(w[Math.floor(w.length / 2)] ?? 0).toFixed(0)} ms | CPU ms a round: ${parts}`,
    );
  }
} finally {
  await browser.close();
  await host.stop();
}
