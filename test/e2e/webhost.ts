import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningWebHost {
  url: string;
  origin: string;
  /** Where the host says its data lives (its `JIEBANG_DATA_DIR=` line). */
  dataDir: string;
  process: ChildProcess;
  /** Stops the host and waits for it to exit; removes the data folder if the test did not give one. */
  stop: () => Promise<void>;
}

export interface WebHostStart {
  /** A data folder the test owns (kept on stop). Default: a fresh temporary one, removed on stop. */
  dataDir?: string;
  /**
   * `true`: pass no JIEBANG_DATA_DIR, so the host picks its default (the test points
   * XDG_DATA_HOME and HOME at temporary folders through `env`).
   */
  defaultDataDir?: boolean;
  /** Default 0: any free port. */
  port?: number;
}

/**
 * Starts the built web host (`out/node/server.mjs`). Tests never use the user's data folder or the
 * stable default port: each host gets its own temporary folder and a free port unless the test
 * says otherwise.
 */
export async function startBuiltWebHost(
  env: Record<string, string> = {},
  start: WebHostStart = {},
): Promise<RunningWebHost> {
  const ownDir = start.dataDir === undefined && !start.defaultDataDir;
  const dataDir = ownDir ? await mkdtemp(join(tmpdir(), 'jiebang-e2e-')) : start.dataDir;
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  if (dataDir === undefined) delete childEnv['JIEBANG_DATA_DIR'];
  else childEnv['JIEBANG_DATA_DIR'] = dataDir;
  const child = spawn(
    process.execPath,
    [resolve('out/node/server.mjs'), '--port', String(start.port ?? 0)],
    { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const started = await new Promise<{ url: string; dataDir: string }>((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`web host did not start: ${out}${err}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /JIEBANG_WEB_URL=(\S+)/.exec(out)?.[1];
      const dir = /JIEBANG_DATA_DIR=(.+)/.exec(out)?.[1];
      if (url && dir) {
        clearTimeout(timer);
        done({ url, dataDir: dir.trim() });
      }
    });
    child.once('exit', (code) => fail(new Error(`web host exited (${code}): ${out}${err}`)));
  });
  return {
    url: started.url,
    origin: new URL(started.url).origin,
    dataDir: started.dataDir,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      if (ownDir && dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
