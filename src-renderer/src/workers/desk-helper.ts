/**
 * The desk worker's helper (issue 22: verifying 49 sheet bundles on one core left the other idle).
 * An import of several files is split in two: the desk worker opens the first part, its helper (a
 * second worker, desk-helper.worker.ts, started by the desk worker) the rest at the same time —
 * opening, verifying and judging a file reads no trust state (`openSheetFile`). The import policy
 * is then folded in file order (`sheetFold`): the desk worker folds its part and hands the trust
 * state it reached to the helper, which folds its part from there (`joinFolds`: the same result
 * as one fold over every file, `verifySheetFiles`). Both sides validate with zod.
 *
 * Messages to the helper: `open` (its files, and where they start in the import), then `fold`
 * (the trust state to fold from) or `drop`. From the helper: `opened` per file, then `folded` or
 * `failed`.
 */
import { z } from 'zod';
import { TrustStateSchema, type TrustState } from '../../../src-shared/bundle';
import { ReviewPackageSchema, type ReviewPackage } from '../../../src-shared/model';
import {
  openSheetFile,
  sheetFold,
  type CryptoFor,
  type GatherResult,
  type OpenedSheetFile,
} from '../workflows/gather';
import { errorText } from '../workflows/deps';
import { CarriedSheetSchema, MAX_DESK_FILES, OutcomeSchema } from './desk-schemas';

/** A message port as both sides use it (a Worker, a worker's global scope, a MessagePort). */
export interface Port {
  postMessage: (message: unknown) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent<unknown>) => void) => void;
}

const HelperRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('open'),
    id: z.number().int().nonnegative(),
    pkg: ReviewPackageSchema,
    first: z.number().int().nonnegative(),
    files: z
      .array(
        z.object({
          name: z.string(),
          bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'not bytes'),
        }),
      )
      .max(MAX_DESK_FILES),
  }),
  z.object({ type: z.literal('fold'), id: z.number().int(), trust: TrustStateSchema }),
  z.object({ type: z.literal('drop'), id: z.number().int() }),
]);
type HelperRequest =
  | {
      type: 'open';
      id: number;
      pkg: ReviewPackage;
      first: number;
      files: { name: string; bytes: Uint8Array }[];
    }
  | { type: 'fold'; id: number; trust: TrustState }
  | { type: 'drop'; id: number };

const FoldedSchema = z.object({
  accepted: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      fingerprint: z.string(),
      manifestSha256: z.string(),
      file: z.number().int().nonnegative(),
      sheet: CarriedSheetSchema,
    }),
  ),
  outcomes: z.array(OutcomeSchema),
  trust: TrustStateSchema,
});

const HelperReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('opened'), id: z.number() }),
  z.object({ type: z.literal('folded'), id: z.number(), result: FoldedSchema }),
  z.object({ type: z.literal('failed'), id: z.number(), message: z.string() }),
]);
type HelperReply =
  | { type: 'opened'; id: number }
  | { type: 'folded'; id: number; result: GatherResult }
  | { type: 'failed'; id: number; message: string };

/**
 * The helper's side: opens each `open` request's files in order (an `opened` reply per file) and
 * folds them on `fold`, each accepted sheet named by its file's place in the whole import.
 */
export function serveHelper(port: Port, cryptoFor: CryptoFor): void {
  const parts = new Map<
    number,
    { pkg: ReviewPackage; first: number; names: string[]; opened: Promise<OpenedSheetFile[]> }
  >();
  const post = (reply: HelperReply) => port.postMessage(reply);
  port.addEventListener('message', (event) => {
    const parsed = HelperRequestSchema.safeParse(event.data);
    if (!parsed.success) {
      post({ type: 'failed', id: -1, message: `bad request: ${parsed.error.message}` });
      return;
    }
    const request: HelperRequest = parsed.data;
    const { id } = request;
    switch (request.type) {
      case 'open': {
        const { pkg, first, files } = request;
        const opened = (async () => {
          const out: OpenedSheetFile[] = [];
          for (const f of files) {
            out.push(await openSheetFile(cryptoFor, pkg, f.bytes));
            post({ type: 'opened', id });
          }
          return out;
        })();
        // A failure is answered on `fold` (the desk worker waits for that answer).
        opened.catch(() => undefined);
        parts.set(id, { pkg, first, names: files.map((f) => f.name), opened });
        return;
      }
      case 'fold': {
        const part = parts.get(id);
        parts.delete(id);
        if (!part) {
          post({ type: 'failed', id, message: `no files opened for ${id}` });
          return;
        }
        void part.opened.then(
          (opened) => {
            const fold = sheetFold(request.trust);
            opened.forEach((o, i) => fold.add(part.first + i, part.names[i] ?? '', o));
            post({ type: 'folded', id, result: fold.result() });
          },
          (e: unknown) => post({ type: 'failed', id, message: errorText(e) }),
        );
        return;
      }
      case 'drop':
        parts.delete(id);
        return;
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  });
}

/**
 * The desk worker's side of a split import: `files` (the import's files from `first` on) opened
 * by the helper while the caller opens the files before them; once `trustAt` resolves with the
 * trust state after those, the helper's part folded from it. `onOpened` after each file opened.
 * Rejects with the helper's failure, or `trustAt`'s (the helper then drops the files).
 */
export type SplitHelper = (
  part: {
    pkg: ReviewPackage;
    first: number;
    files: readonly { name: string; bytes: Uint8Array }[];
  },
  trustAt: Promise<TrustState>,
  onOpened: () => void,
) => Promise<GatherResult>;

/** A `SplitHelper` that talks to the helper over `port` (its replies validated). */
export function helperThrough(port: Port): SplitHelper {
  let nextId = 0;
  const waiting = new Map<
    number,
    { onOpened: () => void; resolve: (r: GatherResult) => void; reject: (e: Error) => void }
  >();
  port.addEventListener('message', (event) => {
    const reply = HelperReplySchema.safeParse(event.data);
    if (!reply.success) {
      for (const w of waiting.values()) w.reject(new Error(`bad reply from the desk helper`));
      waiting.clear();
      return;
    }
    const r = reply.data;
    const w = waiting.get(r.id);
    if (!w) return;
    if (r.type === 'opened') w.onOpened();
    else {
      waiting.delete(r.id);
      if (r.type === 'folded') w.resolve(r.result);
      else w.reject(new Error(r.message));
    }
  });
  return (part, trustAt, onOpened) => {
    const id = nextId++;
    const { pkg, first } = part;
    return new Promise((resolve, reject) => {
      waiting.set(id, { onOpened, resolve, reject });
      // A copy of the bytes (the desk worker keeps the files, to give them back to the page).
      port.postMessage({ type: 'open', id, pkg, first, files: [...part.files] });
      trustAt.then(
        (trust) => port.postMessage({ type: 'fold', id, trust }),
        (e: unknown) => {
          port.postMessage({ type: 'drop', id });
          waiting.delete(id);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  };
}
