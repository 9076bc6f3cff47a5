/**
 * The PDF render worker (a worker thread of main, or of the web host): react-pdf lays out pages
 * synchronously for seconds on long documents, so it never runs on main's own event loop — the
 * window's IPC, dialogs and progress keep flowing while a task book renders (docs/taskbook.md). Fonts stay loaded between jobs, so only the first render pays for them.
 */
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { loadFonts } from './fonts';
import { PdfJobSchema, renderJob } from './jobs';

const RequestSchema = z.object({ id: z.number().int(), job: z.unknown() });

const port = parentPort;
if (port) {
  // Warm-up: the fonts are read while the app starts, not when the first task book is asked for.
  void loadFonts();
  port.on('message', (message: unknown) => {
    void (async () => {
      const request = RequestSchema.safeParse(message);
      if (!request.success) return;
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
    })();
  });
}
