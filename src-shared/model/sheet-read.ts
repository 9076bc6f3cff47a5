/**
 * A score sheet read at a door (a sheet bundle's `sheet.json`, a sheet file for `jiebang score`):
 * `ScoreSheetSchema`, with a hand-written fast check in front of it for the well-formed case
 * (issue 22: zod without compiled code — the renderer's CSP — spends seconds on the chair's
 * 49 × 2,000 scores).
 *
 * `ScoreSheetSchema` stays the one definition: the fast check takes a sheet only when every field
 * is one the schema takes as it is (no default to fill but the schema's own, no text to normalise,
 * no unknown key), and then gives the object the schema gives (same keys, same order, same
 * values); anything else — every refusal included — goes to the schema, so a refusal's message
 * and path are the schema's. `sheet-read.test.ts` holds the two to the same result on random and
 * mutated sheets.
 */
import { z } from 'zod';
import { MONEY_PATTERN } from '../money';
import { DateTimeSchema, FORMAT_VERSION, ID_PATTERN, isPlainText } from './common';
import {
  ApplicantScoreSchema,
  SHEET_TEXT_MAX,
  ScoreSheetSchema,
  type ApplicantScore,
  type CriterionScore,
  type ScoreSheet,
} from './sheet';

type Plain = Record<string, unknown>;

/** A plain object (as from `JSON.parse`) whose own keys are all in `keys`. */
function isPlain(value: unknown, keys: ReadonlySet<string>): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) if (!keys.has(key)) return false;
  return true;
}

const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);

const CRITERION_KEYS = new Set(['criterionId', 'points', 'comment']);
const SCORE_KEYS = new Set([
  'applicantId',
  'recusal',
  'criteria',
  'overallOpinion',
  'suggestedFunding',
  'deviationReason',
]);
const SHEET_KEYS = new Set([
  'formatVersion',
  'packageId',
  'expertId',
  'scores',
  'status',
  'submittedAt',
  'pledgeConfirmedAt',
]);

function criterionScore(value: unknown): CriterionScore | null {
  if (!isPlain(value, CRITERION_KEYS)) return null;
  const o = value;
  const { criterionId, points } = o;
  const comment = 'comment' in o ? o['comment'] : '';
  if (!isId(criterionId)) return null;
  if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) return null;
  if (!isPlainText(comment, SHEET_TEXT_MAX.comment)) return null;
  return { criterionId, points, comment };
}

function applicantScore(value: unknown): ApplicantScore | null {
  if (!isPlain(value, SCORE_KEYS)) return null;
  const o = value;
  // A recusal (rare: a few per sheet at most) is read by the schema itself.
  if ('recusal' in o) {
    const parsed = ApplicantScoreSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  }
  const { applicantId } = o;
  if (!isId(applicantId)) return null;
  const list = 'criteria' in o ? o['criteria'] : [];
  if (!Array.isArray(list)) return null;
  const criteria: CriterionScore[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = criterionScore(list[i]);
    if (!c) return null;
    criteria.push(c);
  }
  const overallOpinion = 'overallOpinion' in o ? o['overallOpinion'] : '';
  if (!isPlainText(overallOpinion, SHEET_TEXT_MAX.overallOpinion)) return null;
  const score: ApplicantScore = { applicantId, criteria, overallOpinion };
  if ('suggestedFunding' in o) {
    const funding = o['suggestedFunding'];
    if (typeof funding !== 'string' || !MONEY_PATTERN.test(funding)) return null;
    score.suggestedFunding = funding;
  }
  if ('deviationReason' in o) {
    const reason = o['deviationReason'];
    if (!isPlainText(reason, SHEET_TEXT_MAX.deviationReason)) return null;
    score.deviationReason = reason;
  }
  return score;
}

const isDateTime = (v: unknown): v is string =>
  typeof v === 'string' && DateTimeSchema.safeParse(v).success;

/** The fast check: the sheet `ScoreSheetSchema` would give for `raw`, or null (ask the schema). */
export function quickScoreSheet(raw: unknown): ScoreSheet | null {
  if (!isPlain(raw, SHEET_KEYS)) return null;
  const o = raw;
  const { formatVersion, packageId, expertId, scores: list, status } = o;
  if (formatVersion !== FORMAT_VERSION || !isId(packageId) || !isId(expertId)) return null;
  if (status !== 'draft' && status !== 'submitted') return null;
  if (!Array.isArray(list)) return null;
  const scores: ApplicantScore[] = [];
  for (let i = 0; i < list.length; i++) {
    const s = applicantScore(list[i]);
    if (!s) return null;
    scores.push(s);
  }
  const sheet: ScoreSheet = { formatVersion, packageId, expertId, scores, status };
  if ('submittedAt' in o) {
    const at = o['submittedAt'];
    if (!isDateTime(at)) return null;
    sheet.submittedAt = at;
  }
  if ('pledgeConfirmedAt' in o) {
    const at = o['pledgeConfirmedAt'];
    if (!isDateTime(at)) return null;
    sheet.pledgeConfirmedAt = at;
  }
  return sheet;
}

/**
 * `ScoreSheetSchema.safeParse(raw)`, the same result, the well-formed case checked by hand
 * (`quickScoreSheet`) and everything else by the schema.
 */
export function parseScoreSheet(raw: unknown): z.ZodSafeParseResult<ScoreSheet> {
  const quick = quickScoreSheet(raw);
  return quick ? { success: true, data: quick } : ScoreSheetSchema.safeParse(raw);
}
