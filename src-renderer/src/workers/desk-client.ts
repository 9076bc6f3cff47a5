/**
 * The page's side of the chair's desk Web Worker (workers/desk.ts): started on first use, one
 * worker for the session; every reply validated (`DeskReplySchema`) before it is believed.
 */
import type { TrustState } from '../../../src-shared/bundle';
import type { ReviewPackage } from '../../../src-shared/model';
import type { GatherResult } from '../workflows/gather';
import { DeskReplySchema, type DeskRequest } from './desk';

interface Pending {
  resolve: (result: GatherResult) => void;
  reject: (error: Error) => void;
  onProgress: (done: number, total: number) => void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
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
      case 'verified':
        pending.delete(r.id);
        p.resolve(r.result);
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

/**
 * `verifySheetFiles` in the desk's worker: the same result, computed off the page's thread.
 * The files' bytes are copied to the worker (the page keeps them, to store them unchanged).
 */
export function verifyInWorker(
  pkg: ReviewPackage,
  trust: TrustState | undefined,
  files: readonly { name: string; bytes: Uint8Array }[],
  onProgress: (done: number, total: number) => void,
): Promise<GatherResult> {
  const id = nextId++;
  const request: DeskRequest = {
    type: 'verify',
    id,
    pkg,
    ...(trust ? { trust } : {}),
    files: [...files],
  };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    started().postMessage(request);
  });
}
