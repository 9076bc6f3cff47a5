/**
 * The chair's desk Web Worker, as a function (issue 22: verifying 49 sheet bundles is seconds of
 * hashing, Ed25519, unzipping and schema checks, and aggregating them and making the 评分汇总表
 * is more; all of it off the page's thread). `handleDeskRequest` is what the worker runs on each
 * message (desk.worker.ts only wires it to `self`); the unit test calls it directly. Both sides
 * validate with zod: the request here, the replies in desk-client.ts (`DeskReplySchema`).
 *
 * Two requests: `verify` (files to verify; with the desk's other sheets, the figures of the whole
 * desk after the import) and `analyse` (the figures of the sheets the page holds). Replies:
 * `progress` per file, `sheet` per sheet accepted (each its own message: the page reads 49 sheets
 * in 49 short tasks, not one long one), then `verified` or `analysed` with the desk's figures
 * (`DeskView`: the aggregation's wire form, its `Float64Array` transferred, and the table), or
 * `failed`.
 */
import { z } from 'zod';
import { TranscribedSheetSchema, TrustStateSchema } from '../../../src-shared/bundle';
import {
  ReviewPackageSchema,
  ScoreSheetSchema,
  type ApplicantScore,
  type ReviewPackage,
  type ScoreSheet,
} from '../../../src-shared/model';
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import { jsonText } from '../../../src-shared/io/json-text';
import { AggregateWireSchema } from '../../../src-shared/scoring/aggregate-wire';
import { SummaryTableSchema } from '../../../src-shared/summary/wire';
import { isStringKey, type StringKey } from '../i18n/strings';
import { deskView, type DeskView } from '../workflows/desk';
import {
  markJudged,
  mergeGathered,
  verifySheetFiles,
  type AcceptedSheet,
  type CryptoFor,
  type GatherResult,
} from '../workflows/gather';
import { errorText } from '../workflows/deps';

/** At most this many files in one import (a panel has far fewer members). */
export const MAX_DESK_FILES = 500;

/**
 * A sheet as a message carries it: every field checked, each applicant's scores as an object (the
 * side that sends it parsed them with `ScoreSheetSchema` when it opened the bundle or read the
 * row; 200 applicants × 10 criteria are not parsed a second time).
 */
const CarriedSheetSchema = ScoreSheetSchema.extend({
  // One check of the whole list, not a schema run per entry (the page reads 49 of these while
  // the worker verifies: 200 × 49 entries).
  scores: z.custom<ApplicantScore[]>(
    (v) => Array.isArray(v) && v.every((s) => typeof s === 'object' && s !== null),
    'not a list of scores',
  ),
});

/**
 * The desk's other sheets, as the page holds them: the sheet bundles gathered before (`judged`:
 * judged to the cell by an import in this page), the chair's own sheet, the transcribed paper
 * sheets. `deskSheets` gathers them in the worker as on the page.
 */
const DeskSheetsSchema = z.object({
  known: z
    .array(z.object({ expertId: z.string(), sheet: CarriedSheetSchema, judged: z.boolean() }))
    .max(MAX_DESK_FILES),
  own: CarriedSheetSchema.nullable(),
  paper: z.array(z.object({ record: TranscribedSheetSchema })).max(MAX_DESK_FILES),
});
export type DeskSheets = z.infer<typeof DeskSheetsSchema>;

/** The package the last request carried as text, and the package it was read as. */
let lastPackage: { text: string; pkg: ReviewPackage } | null = null;

/**
 * A request's package: its JSON text (as the page sends it, `packageText`), read through
 * `ReviewPackageSchema` once per distinct text — the same text again gives the package read
 * before (issue 22: without zod's JIT, which the CSP forbids, a 200-applicant package took
 * 10–40 ms of the worker's every request) — or the package itself.
 */
const PackageSchema = z.union([
  z.string().transform((text, ctx): ReviewPackage => {
    if (lastPackage?.text === text) return lastPackage.pkg;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'the package is not JSON text' });
      return z.NEVER;
    }
    const read = ReviewPackageSchema.safeParse(raw);
    if (!read.success) {
      for (const issue of read.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    lastPackage = { text, pkg: read.data };
    return read.data;
  }),
  ReviewPackageSchema,
]);

/** The package as a request carries it: its JSON text, made once per package object. */
export const packageText = (pkg: ReviewPackage): string => jsonText(pkg);

export const DeskRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('verify'),
    id: z.number().int().nonnegative(),
    pkg: PackageSchema,
    trust: TrustStateSchema.optional(),
    files: z
      .array(
        z.object({
          name: z.string().min(1).max(1000),
          bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'not bytes'),
        }),
      )
      .max(MAX_DESK_FILES),
    desk: DeskSheetsSchema,
  }),
  z.object({
    type: z.literal('analyse'),
    id: z.number().int().nonnegative(),
    pkg: PackageSchema,
    desk: DeskSheetsSchema,
  }),
]);
/** A request as the page posts it (the package as text or as itself). */
export type DeskRequest = z.input<typeof DeskRequestSchema>;

const DayParamSchema = z.object({ day: z.string() });

const ParamSchema = z.union([
  z.string(),
  z.number(),
  z.object({
    items: z.array(z.union([z.string(), DayParamSchema])),
    sep: z.enum(['list', 'clause']),
  }),
  DayParamSchema,
]);

export const MessageSchema = z.union([
  z.object({
    key: z.custom<StringKey>((v) => typeof v === 'string' && isStringKey(v), 'unknown message'),
    params: z.record(z.string(), ParamSchema).optional(),
  }),
  z.object({ text: z.string() }),
]);

/** The verification's result without the sheets (each came in a `sheet` message of its own). */
const VerifiedSchema = z.object({
  accepted: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      fingerprint: z.string(),
      manifestSha256: z.string(),
      file: z.number().int().nonnegative(),
    }),
  ),
  outcomes: z.array(z.object({ file: z.string(), ok: z.boolean(), message: MessageSchema })),
  trust: TrustStateSchema,
});
export type Verified = Omit<GatherResult, 'accepted'> & {
  accepted: Omit<AcceptedSheet, 'sheet'>[];
};

const SheetProblemSchema = z.object({
  origin: z.string(),
  expertId: z.string(),
  message: z.string(),
});

export const DeskViewSchema = z.object({
  counted: z.array(z.string()),
  problems: z.array(SheetProblemSchema),
  setAside: z.array(SheetProblemSchema),
  proposal: z.object({
    candidateIds: z.array(z.string()),
    reasons: z.array(z.string()),
    isRecommended: z.boolean(),
  }),
  agg: AggregateWireSchema,
  table: SummaryTableSchema,
}) satisfies z.ZodType<DeskView>;

/**
 * A `DeskView` as the reply carries it: JSON text (one string: a structured clone copies it at
 * once, where 30,000 small objects cost the page a long task to rebuild) and the scores'
 * `Float64Array` (transferred).
 */
const PackedViewSchema = z.object({
  json: z.string(),
  points: z.custom<Float64Array>((v) => v instanceof Float64Array, 'not a Float64Array'),
});
export type PackedView = z.infer<typeof PackedViewSchema>;

/** Packs a view for the reply; its buffer is the one to transfer. */
export function packView(view: DeskView): PackedView {
  const { points, ...agg } = view.agg;
  return { json: JSON.stringify({ ...view, agg }), points };
}

/** The view a packed reply carries, read through `DeskViewSchema` (throws when it is not one). */
export function unpackView(packed: PackedView): DeskView {
  const raw: unknown = JSON.parse(packed.json);
  const whole =
    typeof raw === 'object' && raw !== null && 'agg' in raw && typeof raw.agg === 'object'
      ? { ...raw, agg: { ...raw.agg, points: packed.points } }
      : raw;
  return DeskViewSchema.parse(whole);
}

export const DeskReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    id: z.number(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('sheet'),
    id: z.number(),
    file: z.number().int().nonnegative(),
    sheet: CarriedSheetSchema,
  }),
  z.object({
    type: z.literal('verified'),
    id: z.number(),
    result: VerifiedSchema,
    view: PackedViewSchema,
    /** The files' bytes, given back (moved to the worker with the request, moved back here). */
    files: z.array(z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'not bytes')),
  }),
  z.object({ type: z.literal('analysed'), id: z.number(), view: PackedViewSchema }),
  z.object({ type: z.literal('failed'), id: z.number(), message: z.string() }),
]);
/** A reply as the worker posts it (the page reads it through `DeskReplySchema`). */
export type DeskReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'sheet'; id: number; file: number; sheet: ScoreSheet }
  | { type: 'verified'; id: number; result: Verified; view: PackedView; files: Uint8Array[] }
  | { type: 'analysed'; id: number; view: PackedView }
  | { type: 'failed'; id: number; message: string };

/** Posts a reply; `transfer`: buffers moved to the page rather than copied. */
export type PostReply = (reply: DeskReply, transfer?: Transferable[]) => void;

const IdOnlySchema = z.object({ id: z.number() });

/**
 * The buffers of `list` that can move to the other thread rather than be copied: each array that
 * is the whole of its own buffer, each buffer once (a view into a larger buffer is copied).
 */
export function movable(list: readonly Uint8Array[]): ArrayBuffer[] {
  const seen = new Set<ArrayBufferLike>();
  const out: ArrayBuffer[] = [];
  for (const bytes of list) {
    const { buffer } = bytes;
    if (
      buffer instanceof ArrayBuffer &&
      !seen.has(buffer) &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === buffer.byteLength
    )
      out.push(buffer);
    seen.add(buffer);
  }
  return out;
}

/** The desk's figures with `imported` gathered over the page's other sheets (`DeskView`). */
function viewOf(
  pkg: ReviewPackage,
  desk: DeskSheets,
  imported: readonly { expertId: string; sheet: ScoreSheet }[],
): DeskView {
  for (const k of desk.known) if (k.judged) markJudged(k.sheet, pkg.packageId);
  for (const a of imported) markJudged(a.sheet, pkg.packageId);
  // Merged as the page merges them (`mergeGathered`).
  const gathered = mergeGathered<{ expertId: string; sheet: ScoreSheet }>(desk.known, imported);
  return deskView(pkg, gathered, desk.own, desk.paper);
}

/** How many files' providers a `verify` request begins before it is read (see `begunAhead`). */
const BEGUN_AHEAD = 2;

/**
 * `cryptoFor` with the providers of the first files of `raw` (a request not yet read) begun now:
 * a provider made per file (the desk worker's WebCrypto digests and signature checks, off this
 * thread) is then under way while the request is read, instead of the first file waiting for it
 * after (issue 22: 20–25 ms idle before the first file). Only bytes are hashed here; nothing of
 * the request is used before it has passed `DeskRequestSchema`, and a file's provider is still
 * asked for by its bytes (the same array), in order, by `verifySheetFiles`.
 */
function begunAhead(cryptoFor: CryptoFor, raw: unknown): CryptoFor {
  if (typeof cryptoFor !== 'function' || typeof raw !== 'object' || raw === null) return cryptoFor;
  const files: unknown = Reflect.get(raw, 'files');
  if (!Array.isArray(files)) return cryptoFor;
  const begun = new Map<Uint8Array, Promise<CryptoProvider>>();
  for (const f of files.slice(0, BEGUN_AHEAD)) {
    const bytes: unknown = typeof f === 'object' && f !== null ? Reflect.get(f, 'bytes') : null;
    if (!(bytes instanceof Uint8Array) || begun.has(bytes)) continue;
    const made = (async () => cryptoFor(bytes))();
    void made.catch(() => undefined); // asked for in its turn, which throws; not unhandled meanwhile
    begun.set(bytes, made);
  }
  if (begun.size === 0) return cryptoFor;
  return (bytes) => {
    const made = begun.get(bytes);
    begun.delete(bytes);
    return made ?? cryptoFor(bytes);
  };
}

/**
 * Runs one request: for `verify`, a progress reply after each file and a `sheet` reply per sheet
 * taken, then `verified` with the result and the desk's figures; for `analyse`, `analysed`; or
 * `failed` with why (a malformed request included). Never throws.
 */
export async function handleDeskRequest(
  raw: unknown,
  post: PostReply,
  cryptoFor: CryptoFor,
): Promise<void> {
  const crypto = begunAhead(cryptoFor, raw);
  const parsed = DeskRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const id = IdOnlySchema.safeParse(raw);
    post({
      type: 'failed',
      id: id.success ? id.data.id : -1,
      message: `bad request: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`,
    });
    return;
  }
  const request = parsed.data;
  const { id, pkg, desk } = request;
  try {
    if (request.type === 'analyse') {
      const view = packView(viewOf(pkg, desk, []));
      post({ type: 'analysed', id, view }, [view.points.buffer]);
      return;
    }
    const { accepted, outcomes, trust } = await verifySheetFiles(
      crypto,
      pkg,
      request.trust,
      request.files,
      (done, total, taken) => {
        post({ type: 'progress', id, done, total });
        if (taken) post({ type: 'sheet', id, file: taken.file, sheet: taken.sheet });
      },
    );
    const view = packView(viewOf(pkg, desk, accepted));
    const bytes = request.files.map((f) => f.bytes);
    post(
      {
        type: 'verified',
        id,
        result: { accepted: accepted.map(({ sheet: _sheet, ...rest }) => rest), outcomes, trust },
        view,
        files: bytes,
      },
      [view.points.buffer, ...movable(bytes)],
    );
  } catch (e) {
    post({ type: 'failed', id, message: errorText(e) });
  }
}
