/**
 * Starts the BUILT main process (`out/main/index.js`, `npm run build` first) under plain Node with
 * the `electron` stand-in (stand-in.ts), in a process of its own, and drives it. See
 * docs/desktop-shell.md.
 *
 *   const main = await startBuiltMain({ env: { JIEBANG_DATA_DIR: dir }, standIn: { isPackaged: true } });
 *   await main.invoke('app:info', undefined);   // as the app window's top frame
 *   const snap = await main.snapshot();         // what main did with Electron
 *   await main.stop();
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EnvelopeSchema, type Envelope } from '../../src-shared/ipc';
import { CONFIG_ENV, ENTRY_ENV, type RunnerOp, type SenderFrame } from './main-runner';
import type { StandInConfig, StandInSnapshot } from './stand-in';

const RUNNER = fileURLToPath(new URL('./run-built-main.mjs', import.meta.url));

/** The app window's top frame: the only sender main answers. */
export const APP_FRAME: SenderFrame = { url: 'app://jiebang/index.html', parent: null };

const MessageSchema = z.union([
  z.object({ type: z.literal('loaded') }),
  z.object({ type: z.literal('load-failed'), message: z.string() }),
  z.object({ type: z.literal('reply'), id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('reply'), id: z.number(), ok: z.literal(false), message: z.string() }),
]);

export interface StartOptions {
  standIn?: StandInConfig;
  /** Added to the environment (e.g. JIEBANG_DATA_DIR). */
  env?: Record<string, string>;
  /** The main entry to load (default out/main/index.js). */
  entry?: string;
}

export interface BuiltMain {
  snapshot(): Promise<StandInSnapshot>;
  /** Calls an IPC channel as `frame` (default: the app's top frame) of window `window` (default 1). */
  invoke(
    channel: string,
    input: unknown,
    options?: { frame?: SenderFrame; window?: number },
  ): Promise<Envelope>;
  /** Requests a URL from main's protocol handler (app://…). */
  request(
    url: string,
  ): Promise<{ status: number; headers: Record<string, string>; body: Uint8Array }>;
  emitApp(event: string, ...args: unknown[]): Promise<void>;
  emitWebContents(window: number, event: string, ...args: unknown[]): Promise<void>;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

const ResponseSchema = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  body: z.instanceof(Uint8Array),
});

/**
 * Resolves once main is loaded and the app is ready; rejects with the load error (e.g. a chunk
 * that does not parse) or the exit of the process.
 */
export function startBuiltMain(options: StartOptions = {}): Promise<BuiltMain> {
  const child: ChildProcess = fork(RUNNER, [], {
    env: {
      ...process.env,
      ...options.env,
      [CONFIG_ENV]: JSON.stringify(options.standIn ?? {}),
      [ENTRY_ENV]: options.entry ?? 'out/main/index.js',
    },
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const call = (op: RunnerOp): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, op });
    });

  const main: BuiltMain = {
    snapshot: async () => {
      const value = await call({ kind: 'snapshot' });
      // The runner sends StandInSnapshot; a structural check of its top level is enough here.
      const parsed = z.custom<StandInSnapshot>((v) => typeof v === 'object' && v !== null);
      return parsed.parse(value);
    },
    invoke: async (channel, input, { frame = APP_FRAME, window } = {}) =>
      EnvelopeSchema.parse(await call({ kind: 'invoke', channel, input, frame, window })),
    request: async (url) => ResponseSchema.parse(await call({ kind: 'request', url })),
    emitApp: async (event, ...args) => void (await call({ kind: 'emit-app', event, args })),
    emitWebContents: async (window, event, ...args) =>
      void (await call({ kind: 'emit-web-contents', window, event, args })),
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };

  return new Promise<BuiltMain>((resolve, reject) => {
    child.on('message', (message: unknown) => {
      const parsed = MessageSchema.safeParse(message);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.type === 'loaded') resolve(main);
      else if (m.type === 'load-failed') reject(new Error(`main did not load: ${m.message}`));
      else {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.ok) p?.resolve(m.value);
        else p?.reject(new Error(m.message));
      }
    });
    child.once('exit', (code, signal) => {
      const error = new Error(
        `main's process exited (${code ?? signal}) — stderr:\n${stderr.slice(-4000)}`,
      );
      reject(error);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
  });
}
