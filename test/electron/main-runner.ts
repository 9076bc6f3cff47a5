/**
 * The stand-in's side of the built-main process (run-built-main.mjs): installs the stand-in from
 * the test's configuration, records the worker threads main starts, and answers the test's
 * requests (built-main.ts) over the IPC channel of `child_process.fork`.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { z } from 'zod';
import {
  createElectronStandIn,
  installElectronStandIn,
  type ElectronStandIn,
  type StandInConfig,
} from './stand-in';

const ConfigSchema = z
  .object({
    isPackaged: z.boolean(),
    appPath: z.string(),
    resourcesPath: z.string(),
    paths: z.record(z.string(), z.string()),
    singleInstanceLock: z.boolean(),
    loadURLError: z.string(),
    pdfReadyToPrint: z.boolean(),
    printResult: z.object({ success: z.boolean(), failureReason: z.string().optional() }),
    saveDialogPath: z.string().nullable(),
    openDialogPaths: z.array(z.string()).nullable(),
    safeStorage: z.object({ available: z.boolean(), backend: z.string() }),
  })
  .partial()
  .strict() satisfies z.ZodType<StandInConfig>;

export const CONFIG_ENV = 'JIEBANG_STAND_IN_CONFIG';
export const ENTRY_ENV = 'JIEBANG_MAIN_ENTRY';

/** A sender frame: its URL, and its parent frame's (null for a top frame); null for no frame. */
const FrameSchema = z
  .object({ url: z.string(), parent: z.object({ url: z.string() }).nullable() })
  .nullable();
export type SenderFrame = z.infer<typeof FrameSchema>;

export const RequestSchema = z.object({
  id: z.number(),
  op: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('snapshot') }),
    z.object({
      kind: z.literal('invoke'),
      channel: z.string(),
      input: z.unknown(),
      frame: FrameSchema,
      window: z.number().optional(),
    }),
    z.object({ kind: z.literal('request'), url: z.string() }),
    z.object({ kind: z.literal('emit-app'), event: z.string(), args: z.array(z.unknown()) }),
    z.object({
      kind: z.literal('emit-web-contents'),
      window: z.number(),
      event: z.string(),
      args: z.array(z.unknown()),
    }),
  ]),
});
export type RunnerOp = z.infer<typeof RequestSchema>['op'];

function send(message: unknown): void {
  process.send?.(message);
}

export function entry(): string {
  return process.env[ENTRY_ENV] ?? 'out/main/index.js';
}

/** Creates and installs the stand-in; wraps `Worker` so the test sees which workers main starts. */
export function prepare(): ElectronStandIn {
  const raw = process.env[CONFIG_ENV];
  const standIn = createElectronStandIn(ConfigSchema.parse(raw ? JSON.parse(raw) : {}));
  installElectronStandIn(standIn);
  const threads: typeof import('node:worker_threads') = createRequire(import.meta.url)(
    'node:worker_threads',
  );
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      standIn.workers.push(String(args[0]));
    }
  };
  // ESM importers of node:worker_threads (the built main) see the wrapped class from now on.
  syncBuiltinESMExports();
  return standIn;
}

export function loadFailed(error: unknown): never {
  send({
    type: 'load-failed',
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  process.exit(1);
}

async function perform(standIn: ElectronStandIn, op: RunnerOp): Promise<unknown> {
  switch (op.kind) {
    case 'snapshot':
      return standIn.snapshot();
    case 'invoke': {
      const handler = standIn.ipcHandlers.get(op.channel);
      if (!handler) throw new Error(`no IPC handler registered for ${op.channel}`);
      const win = standIn.windows.find((w) => w.id === (op.window ?? 1));
      return handler({ senderFrame: op.frame, sender: win?.webContents }, op.input);
    }
    case 'request': {
      const scheme = new URL(op.url).protocol.replace(/:$/, '');
      const handler = standIn.protocolHandlers.get(scheme);
      if (!handler) throw new Error(`no protocol handler for ${scheme}:`);
      const response = await handler(new Request(op.url));
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: new Uint8Array(await response.arrayBuffer()),
      };
    }
    case 'emit-app':
      standIn.app.emit(op.event, {}, ...op.args);
      return null;
    case 'emit-web-contents': {
      const win = standIn.windows.find((w) => w.id === op.window);
      if (!win) throw new Error(`no window ${op.window}`);
      win.webContents.emit(op.event, ...op.args);
      return null;
    }
  }
}

/** Makes the app ready, tells the test main is loaded, then answers its requests. */
export function serve(standIn: ElectronStandIn): void {
  standIn.ready();
  process.on('message', (message: unknown) => {
    const request = RequestSchema.safeParse(message);
    if (!request.success) return;
    const { id, op } = request.data;
    perform(standIn, op).then(
      (value) => send({ type: 'reply', id, ok: true, value }),
      (error: unknown) =>
        send({
          type: 'reply',
          id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  send({ type: 'loaded' });
}
