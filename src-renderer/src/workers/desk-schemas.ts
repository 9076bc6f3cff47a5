/**
 * The schemas the desk worker, its helper and the page share for what crosses between them
 * (workers/desk.ts, desk-helper.ts): a sheet as a message carries it, a message, a file's outcome.
 */
import { z } from 'zod';
import { ScoreSheetSchema, type ApplicantScore } from '../../../src-shared/model';
import { isStringKey, type StringKey } from '../i18n/strings';

/** At most this many files in one import (a panel has far fewer members). */
export const MAX_DESK_FILES = 500;

/**
 * A sheet as a message carries it: every field checked, each applicant's scores as an object (the
 * side that sends it parsed them with `ScoreSheetSchema` when it opened the bundle or read the
 * row; 200 applicants × 10 criteria are not parsed a second time).
 */
export const CarriedSheetSchema = ScoreSheetSchema.extend({
  scores: z.array(
    z.custom<ApplicantScore>((v) => typeof v === 'object' && v !== null, 'not a score'),
  ),
});

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

/** One file's outcome in an import (`ImportOutcome`). */
export const OutcomeSchema = z.object({
  file: z.string(),
  ok: z.boolean(),
  message: MessageSchema,
});
