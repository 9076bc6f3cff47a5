/**
 * Renders PDFs in a worker thread (src-main/pdf/worker.ts), one job at a time (react-pdf keeps
 * global font state). The worker starts when the renderer is created and loads its fonts at once
 * (warm-up), then stays warm; if it dies, the jobs in flight fail with a clear message and the
 * next job starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { PdfJob, PdfResult } from './jobs';

const ReplySchema = z.discriminatedUnion('ok', [
  z.object({
    id: z.number(),
    ok: z.literal(true),
    bytes: z.instanceof(Uint8Array),
    missing: z.array(z.string()),
  }),
  z.object({ id: z.number(), ok: z.literal(false), message: z.string() }),
]);

const WarmedUpSchema = z.object({ warmedUp: z.number() });

export interface PdfRenderer {
  render: (job: PdfJob) => Promise<PdfResult>;
  /**
   * Has the worker render the sample task book `WARM_UP_RENDERS` times now, unless a job has come
   * (worker.ts); resolves with the number of renders made (0 when a job came first or the worker
   * is gone). Asked once per worker: later calls answer the first's promise.
   */
  warmUp: () => Promise<number>;
  close: () => Promise<void>;
}

export interface PdfWorkerOptions {
  /** execArgv of the worker: `['--import', 'tsx']` for the TypeScript source in tests. */
  execArgv?: string[];
  /**
   * Warm up by itself this many ms after it starts, if no job has come by then (the app and the
   * web host: `WARM_UP_AFTER_MS`); left out, only `warmUp()` warms it (tests, the bench).
   */
  warmUpAfterMs?: number;
}

/**
 * Sample renders a worker makes to warm up. In a fresh worker V8 is still compiling react-pdf's
 * layout, its text engine and fontkit's shaping over the first ten or so renders of a task book:
 * the sample takes ≈ 1.2 s of CPU at the first render, ≈ 0.27 s at the second, ≈ 0.15 s at the
 * fourth and ≈ 0.10 s from the eighth on (docs/bench.md). Eight renders cost ≈ 2 s of CPU once.
 */
export const WARM_UP_RENDERS = 8;

/**
 * When the app's and the web host's workers warm up: after the first screen has been drawn (it
 * takes ≈ 1 s on this machine kind and shares its two cores), long before anyone has opened a
 * project and asked for its task book.
 */
export const WARM_UP_AFTER_MS = 5000;

interface Pending {
  resolve: (result: PdfResult) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's young generation (MB; V8 splits it into two semi-spaces and a large-object space).
 * react-pdf keeps the whole laid-out document alive while it renders; with V8's default young
 * generation its many short-lived layout objects are promoted and collected again by full
 * collections whose cost grows with the document (28 % of a 76-page task book's CPU time went to
 * the collector). With room for them to die young, the worker spends about a fifth less CPU on a
 * 76-page book and its CPU time per page stays flat (docs/bench.md). Used only while a document
 * is laid out.
 */
export const PDF_YOUNG_GENERATION_MB = 192;

/**
 * The worker's environment: NODE_ENV `production` unless the app runs with one set (development,
 * tests). React and react-pdf's reconciler are loaded from node_modules, not bundled, so a
 * build-time `define` cannot reach them: each picks its development or production build by
 * reading NODE_ENV as it loads, and with none set a packaged app's worker ran React's development
 * build (issue 22).
 */
const workerEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
});

/**
 * @param entry the built worker file (out/main/pdf-worker.js, out/node/pdf-worker.mjs), or the
 *   TypeScript source with `execArgv: ['--import', 'tsx']` in tests.
 */
export function createPdfWorker(entry: string, options: PdfWorkerOptions = {}): PdfRenderer {
  const execArgv = options.execArgv ?? [];
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let queue: Promise<unknown> = Promise.resolve();
  let warmed: Promise<number> | null = null;
  let onWarmedUp: ((renders: number) => void) | null = null;

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    onWarmedUp?.(0);
    worker = null;
  };

  const start = (): Worker => {
    const w = new Worker(entry, {
      execArgv,
      env: workerEnv(),
      resourceLimits: { maxYoungGenerationSizeMb: PDF_YOUNG_GENERATION_MB },
    });
    w.on('message', (message: unknown) => {
      const warm = WarmedUpSchema.safeParse(message);
      if (warm.success) {
        onWarmedUp?.(warm.data.warmedUp);
        if (pending.size === 0) w.unref();
        return;
      }
      const reply = ReplySchema.safeParse(message);
      if (!reply.success) return;
      const p = pending.get(reply.data.id);
      if (!p) return;
      pending.delete(reply.data.id);
      if (reply.data.ok) p.resolve({ bytes: reply.data.bytes, missing: reply.data.missing });
      else p.reject(new Error(`PDF 排版失败：${reply.data.message}`));
    });
    w.on('error', (error) => failAll(new Error(`PDF 排版进程出错：${error.message}`)));
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`PDF 排版进程意外退出（代码 ${code}）`));
    });
    // The app may quit while the worker is idle.
    w.unref();
    return w;
  };

  // Started now, so its fonts load while the app starts (the worker reads them as it starts).
  worker = start();

  const renderNow = (job: PdfJob): Promise<PdfResult> =>
    new Promise<PdfResult>((resolve, reject) => {
      const w = (worker ??= start());
      const id = nextId++;
      pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, job });
    }).finally(() => {
      if (pending.size === 0) worker?.unref();
    });

  const warmUp = (keepAlive: boolean): Promise<number> =>
    (warmed ??= new Promise<number>((resolve) => {
      onWarmedUp = (renders) => {
        onWarmedUp = null;
        resolve(renders);
      };
      const w = worker;
      if (!w) return onWarmedUp(0);
      // Kept alive while it warms when asked for (the bench and tests wait for it).
      if (keepAlive) w.ref();
      w.postMessage({ warmUp: WARM_UP_RENDERS });
    }));

  if (options.warmUpAfterMs !== undefined) {
    // Not kept alive for it: the app or host may quit first.
    setTimeout(() => {
      if (nextId === 1) void warmUp(false);
    }, options.warmUpAfterMs).unref();
  }

  return {
    warmUp: () => warmUp(true),
    render: (job) => {
      const run = queue.then(
        () => renderNow(job),
        () => renderNow(job),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    close: async () => {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
