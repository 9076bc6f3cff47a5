/**
 * The chair's desk Web Worker, as a function (issue 22: verifying 49 sheet bundles is seconds of
 * hashing, Ed25519, unzipping and schema checks, off the page's thread). `handleDeskRequest` is
 * what the worker runs on each message (desk.worker.ts only wires it to `self`); the unit test
 * calls it directly. Both sides validate with zod: the request here, the replies in
 * desk-client.ts (`DeskReplySchema`).
 */
import { z } from 'zod';
import { TrustStateSchema } from '../../../src-shared/bundle';
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import {
  ReviewPackageSchema,
  ScoreSheetSchema,
  type ApplicantScore,
} from '../../../src-shared/model';
import { isStringKey, type StringKey } from '../i18n/strings';
import { verifySheetFiles, type GatherResult } from '../workflows/gather';
import { errorText } from '../workflows/deps';

/** At most this many files in one import (a panel has far fewer members). */
export const MAX_DESK_FILES = 500;

export const DeskRequestSchema = z.object({
  type: z.literal('verify'),
  id: z.number().int().nonnegative(),
  pkg: ReviewPackageSchema,
  trust: TrustStateSchema.optional(),
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(1000),
        bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'not bytes'),
      }),
    )
    .max(MAX_DESK_FILES),
});
export type DeskRequest = z.infer<typeof DeskRequestSchema>;

const ParamSchema = z.union([
  z.string(),
  z.number(),
  z.object({ items: z.array(z.string()), sep: z.enum(['list', 'clause']) }),
]);

export const MessageSchema = z.union([
  z.object({
    key: z.custom<StringKey>((v) => typeof v === 'string' && isStringKey(v), 'unknown message'),
    params: z.record(z.string(), ParamSchema).optional(),
  }),
  z.object({ text: z.string() }),
]);

/**
 * A sheet as the reply carries it: every field checked, each applicant's scores as an object
 * (the worker parsed them with `ScoreSheetSchema` when it opened the bundle, and judged them
 * against the rubric; 200 applicants × 10 criteria are not parsed a second time on the page).
 */
const RepliedSheetSchema = ScoreSheetSchema.extend({
  scores: z.array(
    z.custom<ApplicantScore>((v) => typeof v === 'object' && v !== null, 'not a score'),
  ),
});

export const GatherResultSchema = z.object({
  accepted: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      fingerprint: z.string(),
      manifestSha256: z.string(),
      file: z.number().int().nonnegative(),
      sheet: RepliedSheetSchema,
    }),
  ),
  outcomes: z.array(z.object({ file: z.string(), ok: z.boolean(), message: MessageSchema })),
  trust: TrustStateSchema,
});

export const DeskReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    id: z.number(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('verified'), id: z.number(), result: GatherResultSchema }),
  z.object({ type: z.literal('failed'), id: z.number(), message: z.string() }),
]);
/** A reply as the worker posts it (the page reads it through `DeskReplySchema`). */
export type DeskReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'verified'; id: number; result: GatherResult }
  | { type: 'failed'; id: number; message: string };

const IdOnlySchema = z.object({ id: z.number() });

/**
 * Runs one request: a progress reply after each file (n / total), then `verified` with the
 * result, or `failed` with why (a malformed request included). Never throws.
 */
export async function handleDeskRequest(
  raw: unknown,
  post: (reply: DeskReply) => void,
  crypto: CryptoProvider,
): Promise<void> {
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
  const { id, pkg, trust, files } = parsed.data;
  try {
    const result = await verifySheetFiles(crypto, pkg, trust, files, (done, total) =>
      post({ type: 'progress', id, done, total }),
    );
    post({ type: 'verified', id, result });
  } catch (e) {
    post({ type: 'failed', id, message: errorText(e) });
  }
}
