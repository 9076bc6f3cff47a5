/**
 * The PDF render worker (a worker thread of main, or of the web host): react-pdf lays out pages
 * synchronously for seconds on long documents, so it never runs on main's own event loop — the
 * window's IPC, dialogs and progress keep flowing while a task book renders (docs/taskbook.md). Fonts stay loaded between jobs, so only the first render pays for them.
 *
 * Warm-up (issue 22): asked by the pool (`{ warmUp: n }`), the worker renders the sample task book
 * up to n times before any job, so that V8 has compiled react-pdf's layout and fontkit's shaping
 * by the time the first document is asked for (a fresh worker's first renders are 2–10× slower
 * than its tenth: docs/bench.md). A job that arrives waits at most for the render under way; the
 * warm-up stops there.
 */
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import sample from '../../resources/sample/taskbook.json';
import { TaskBookSchema } from '../../src-shared/model';
import { loadFonts } from './fonts';
import { PdfJobSchema, renderJob } from './jobs';

const RequestSchema = z.object({ id: z.number().int(), job: z.unknown() });
const WarmUpSchema = z.object({ warmUp: z.number().int().min(0).max(50) });

const port = parentPort;
if (port) {
  // The fonts are read while the app starts, not when the first task book is asked for.
  void loadFonts();
  // One render at a time: the warm-up's and the jobs'.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  let jobSeen = false;
  let warming = false;

  const warmUp = async (renders: number) => {
    let done = 0;
    if (!warming) {
      warming = true;
      try {
        const tb = TaskBookSchema.parse(sample);
        while (done < renders && !jobSeen) {
          await inTurn(() => renderJob({ kind: 'taskbook', tb }));
          done++;
          // A job's message is taken in before the next warm-up render is queued.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch {
        // A warm-up render that fails leaves the worker as it was; the job will say why.
      }
    }
    port.postMessage({ warmedUp: done });
  };

  port.on('message', (message: unknown) => {
    const warm = WarmUpSchema.safeParse(message);
    if (warm.success) {
      void warmUp(warm.data.warmUp);
      return;
    }
    const request = RequestSchema.safeParse(message);
    if (!request.success) return;
    jobSeen = true;
    const { id } = request.data;
    const job = PdfJobSchema.safeParse(request.data.job);
    if (!job.success) {
      port.postMessage({
        id,
        ok: false,
        message: `排版任务无效：${job.error.issues[0]?.message ?? ''}`,
      });
      return;
    }
    void inTurn(async () => {
      try {
        const { bytes, missing } = await renderJob(job.data);
        // Handed over, not copied (the PDF owns its buffer: render.ts copies out of react-pdf's).
        port.postMessage(
          { id, ok: true, bytes, missing },
          bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [],
        );
      } catch (error) {
        port.postMessage({
          id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    });
  });
}
