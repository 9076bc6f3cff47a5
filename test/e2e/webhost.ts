import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningWebHost {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts the built web host (`out/node/server.mjs`) on a random port with a fresh data dir. */
export async function startBuiltWebHost(env: Record<string, string> = {}): Promise<RunningWebHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jiebang-e2e-'));
  const child = spawn(process.execPath, [resolve('out/node/server.mjs')], {
    env: { ...process.env, JIEBANG_DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`web host did not start: ${out}${err}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /JIEBANG_WEB_URL=(\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`web host exited (${code}): ${out}${err}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
