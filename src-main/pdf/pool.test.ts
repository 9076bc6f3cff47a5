import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TaskBookSchema } from '../../src-shared/model';
import { IpcError } from '../../src-shared/ipc';
import { appHandlers } from '../handlers/app';
import type { HostServices } from '../handlers/types';
import { createPdfWorker, WARM_UP_RENDERS } from './pool';

// The worker's TypeScript source through tsx (the built app starts out/main/pdf-worker.js).
const workerEntry = fileURLToPath(
  new URL('../../test/fixtures/pdf-worker-tsx.mjs', import.meta.url),
);
const worker = createPdfWorker(workerEntry);
afterAll(() => worker.close());

const sampleTaskBook = async () =>
  TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));

const host = (extra: Partial<HostServices> = {}): HostServices => ({
  kind: 'web',
  dataDir: '/nonexistent',
  isPackaged: false,
  resourcesDir: 'resources',
  ...extra,
});

describe('PDF render worker', () => {
  it('renders the sample task book in a worker thread, through the taskbook:pdf handler', async () => {
    const tb = await sampleTaskBook();
    const jobs: string[] = [];
    const { bytes, missing } = await appHandlers['taskbook:pdf'](
      { tb },
      host({
        renderPdf: (job) => {
          jobs.push(job.kind);
          return worker.render(job);
        },
      }),
    );
    expect(jobs).toEqual(['taskbook']);
    expect(missing).toEqual([]);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(bytes.byteLength).toBeGreaterThan(20_000);
  }, 60_000);

  it('keeps the event loop free: timers fire while the worker lays out a long task book', async () => {
    const tb = await sampleTaskBook();
    const base = tb.milestones[0];
    if (!base) throw new Error('sample has milestones');
    const long = {
      ...tb,
      milestones: Array.from({ length: 120 }, (_, i) => ({ ...base, id: `M${i}`, tranche: '0' })),
    };
    await worker.render({ kind: 'taskbook', tb }); // fonts warm
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await worker.render({ kind: 'taskbook', tb: long });
    clearInterval(timer);
    // In-process, react-pdf's synchronous layout would starve the timer for the whole render.
    expect(ticks).toBeGreaterThan(3);
  }, 60_000);

  it('refuses a malformed job with a message, goes on rendering, and names characters no font has', async () => {
    const tb = await sampleTaskBook();
    const bad = { kind: 'taskbook' as const, tb: { ...tb, parties: [] } };
    await expect(worker.render(bad)).rejects.toThrow(/排版任务无效/);
    const { missing } = await worker.render({ kind: 'taskbook', tb: { ...tb, title: '𪚥项目' } });
    expect(missing).toEqual(['𪚥']);
    const { bytes } = await worker.render({ kind: 'taskbook', tb: { ...tb, title: '𪚥项目' } });
    expect(bytes.byteLength).toBeGreaterThan(20_000);
  }, 60_000);
});

/** A PDF without what only the moment of its render sets (its creation date and the id made from it). */
const timeless = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> ?<[0-9a-f]+>\]/, '/ID []');

describe('PDF render worker, what it keeps between jobs', () => {
  it('renders A, B, then A again as a fresh worker renders each (faces, glyphs, fonts kept)', async () => {
    const a = await sampleTaskBook();
    const b = {
      ...a,
      title: '𠮷野家 Ångström 试验线',
      milestones: a.milestones.slice(0, 1).map((m) => ({ ...m, title: '中试：Œuvre № 7' })),
    };
    const fresh = async (tb: typeof a) => {
      const own = createPdfWorker(workerEntry);
      try {
        return timeless((await own.render({ kind: 'taskbook', tb })).bytes);
      } finally {
        await own.close();
      }
    };
    const [freshA, freshB] = [await fresh(a), await fresh(b)];
    expect(freshA).not.toBe(freshB);
    const render = async (tb: typeof a) =>
      timeless((await worker.render({ kind: 'taskbook', tb })).bytes);
    expect(await render(a)).toBe(freshA);
    expect(await render(b)).toBe(freshB);
    expect(await render(a)).toBe(freshA);
  }, 120_000);
});

describe('PDF render worker, warm-up', () => {
  it('renders the sample before any job when asked, and then prints as a fresh worker does', async () => {
    const tb = { ...(await sampleTaskBook()), title: '预热之后的任务书' };
    const fresh = createPdfWorker(workerEntry);
    const warmed = createPdfWorker(workerEntry);
    try {
      const expected = timeless((await fresh.render({ kind: 'taskbook', tb })).bytes);
      expect(await warmed.warmUp()).toBe(WARM_UP_RENDERS);
      // Asked again: the same answer, no second warm-up.
      expect(await warmed.warmUp()).toBe(WARM_UP_RENDERS);
      expect(timeless((await warmed.render({ kind: 'taskbook', tb })).bytes)).toBe(expected);
    } finally {
      await Promise.all([fresh.close(), warmed.close()]);
    }
  }, 300_000);

  it('stops warming up when a job comes: the job waits only for the render under way', async () => {
    const tb = await sampleTaskBook();
    const own = createPdfWorker(workerEntry);
    try {
      const warming = own.warmUp();
      const { bytes } = await own.render({ kind: 'taskbook', tb });
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      expect(await warming).toBeLessThan(WARM_UP_RENDERS);
    } finally {
      await own.close();
    }
  }, 120_000);
});

describe('pdf:print', () => {
  it('is Electron-only: the web host answers with a message saying to download instead', async () => {
    await expect(
      appHandlers['pdf:print']({ bytes: new TextEncoder().encode('%PDF-1.7'), title: 't' }, host()),
    ).rejects.toThrow(IpcError);
  });

  it('hands only a PDF to the print window', async () => {
    const printed: string[] = [];
    const h = host({
      printPdf: async (_bytes, title) => {
        printed.push(title);
        return true;
      },
    });
    await expect(
      appHandlers['pdf:print']({ bytes: new TextEncoder().encode('<html>'), title: 'x' }, h),
    ).rejects.toThrow(/不是 PDF/);
    const ok = await appHandlers['pdf:print'](
      { bytes: new TextEncoder().encode('%PDF-1.7\n'), title: '任务书' },
      h,
    );
    expect(ok).toEqual({ printed: true });
    expect(printed).toEqual(['任务书']);
  });
});
