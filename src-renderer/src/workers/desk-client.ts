/**
 * The page's side of the chair's desk Web Worker (workers/desk.ts): started on first use, one
 * worker for the session; every reply validated (`DeskReplySchema`) before it is believed.
 */
import type { TrustState } from '../../../src-shared/bundle';
import type { ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import type { DeskView } from '../workflows/desk';
import type { GatherResult } from '../workflows/gather';
import {
  DeskReplySchema,
  movable,
  packageText,
  unpackView,
  type DeskRequest,
  type DeskSheets,
  type Verified,
} from './desk';

/** What a request resolves with: the verification (for `verify`) and the desk's figures. */
interface Answer {
  verified?: Verified;
  view: DeskView;
  /** The files' bytes, given back by the worker. */
  files?: Uint8Array[];
}

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  onProgress: (done: number, total: number) => void;
  /** The sheets taken so far, by the index of their file. */
  sheets: Map<number, ScoreSheet>;
}

let worker: Worker | null = null;

/**
 * A User Timing mark of the desk's steps (`desk:posted`, `desk:first-sheet`, `desk:verified`,
 * then the store's `desk:shown` and `desk:stored`; `desk:analysed` for each analysis alone): the
 * bench reads them to say where the time to "ready" goes.
 */
export const mark = (name: string): void => {
  performance.mark(name);
};
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

/** Resolves with what `read` makes of a reply, or rejects with why it could not be read. */
function settle(p: Pending, read: () => Answer): void {
  try {
    p.resolve(read());
  } catch (e) {
    p.reject(
      new Error(`bad reply from the desk worker: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}

function started(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./desk.worker.ts', import.meta.url), {
    type: 'module',
    name: 'chair-desk',
  });
  w.addEventListener('message', (event: MessageEvent<unknown>) => {
    const reply = DeskReplySchema.safeParse(event.data);
    if (!reply.success) {
      failAll(new Error(`bad reply from the desk worker: ${reply.error.message}`));
      return;
    }
    const r = reply.data;
    const p = pending.get(r.id);
    if (!p) return;
    switch (r.type) {
      case 'progress':
        p.onProgress(r.done, r.total);
        return;
      case 'sheet':
        if (p.sheets.size === 0) mark('desk:first-sheet');
        p.sheets.set(r.file, r.sheet);
        return;
      case 'verified':
        mark('desk:verified');
        pending.delete(r.id);
        settle(p, () => ({ verified: r.result, view: unpackView(r.view), files: r.files }));
        return;
      case 'analysed':
        mark('desk:analysed');
        pending.delete(r.id);
        settle(p, () => ({ view: unpackView(r.view) }));
        return;
      case 'failed':
        pending.delete(r.id);
        p.reject(new Error(r.message));
        return;
      default: {
        const unknown: never = r;
        throw new Error(`unknown reply ${JSON.stringify(unknown)}`);
      }
    }
  });
  w.addEventListener('error', (event) => {
    failAll(new Error(`the desk worker failed: ${event.message}`));
    w.terminate();
    worker = null;
  });
  worker = w;
  return w;
}

function ask(
  request: DeskRequest,
  onProgress: (done: number, total: number) => void,
  transfer: Transferable[] = [],
): Promise<Answer & { sheets: Map<number, ScoreSheet> }> {
  const sheets = new Map<number, ScoreSheet>();
  return new Promise((resolve, reject) => {
    pending.set(request.id, {
      resolve: (answer) => resolve({ ...answer, sheets }),
      reject,
      onProgress,
      sheets,
    });
    const w = started();
    mark('desk:posted');
    w.postMessage(request, transfer);
  });
}

/**
 * `verifySheetFiles` in the desk's worker: the same result, computed off the page's thread, and
 * the desk's figures with the sheets taken gathered over `desk` (`DeskView`). The files' bytes
 * move to the worker and back (not copied; `files` must not be read meanwhile): the result's
 * `bytes` are the files' bytes, in order, unchanged, to store.
 */
export async function verifyInWorker(
  pkg: ReviewPackage,
  trust: TrustState | undefined,
  files: readonly { name: string; bytes: Uint8Array }[],
  desk: DeskSheets,
  onProgress: (done: number, total: number) => void,
): Promise<GatherResult & { view: DeskView; bytes: Uint8Array[] }> {
  const id = nextId++;
  const {
    verified,
    view,
    sheets,
    files: bytes,
  } = await ask(
    {
      type: 'verify',
      id,
      pkg: packageText(pkg),
      ...(trust ? { trust } : {}),
      files: [...files],
      desk,
    },
    onProgress,
    movable(files.map((f) => f.bytes)),
  );
  if (!verified || bytes?.length !== files.length)
    throw new Error('the desk worker did not verify');
  const accepted = verified.accepted.map((a) => {
    const sheet = sheets.get(a.file);
    if (!sheet) throw new Error(`the desk worker sent no sheet for file ${a.file}`);
    return { ...a, sheet };
  });
  return { ...verified, accepted, view, bytes };
}

/** The desk's figures for the sheets the page holds (`deskView`, in the worker). */
export async function analyseInWorker(pkg: ReviewPackage, desk: DeskSheets): Promise<DeskView> {
  const { view } = await ask(
    { type: 'analyse', id: nextId++, pkg: packageText(pkg), desk },
    () => undefined,
  );
  return view;
}
