/**
 * Documents that exist only inside bundles: the bureau's key rotation, its order to inspect,
 * and a transcribed paper score sheet with its scan.
 */
import { z } from 'zod';
import {
  DateSchema,
  DateTimeSchema,
  IdSchema,
  NameSchema,
  repeatIssues,
  ruleSentence,
  Sha256Schema,
  TextSchema,
  WHOLE_SENTENCE,
} from '../model/common';
import { ScoreSheetSchema } from '../model/sheet';
import { normaliseText } from '../text/normalize';
import { SubjectSchema } from './terms';
import {
  dueBeforeIssue,
  dueBeforeIssueText,
  teamNameProblem,
  teamNameText,
  teamRepeatText,
} from './assignment-words';

export { dueBeforeIssue, dueBeforeIssueText, teamNameProblem, teamNameText, teamRepeatText };

/**
 * 市科技局更换签名密钥: the new key, signed by the old key and by the new one (a signature by
 * the new key proves it is held). An installation that pinned the old key moves its pin.
 */
export const KeyRotationSchema = z
  .object({
    formatVersion: z.literal(1),
    role: z.literal('bureau'),
    previous: z.object({ fingerprint: Sha256Schema }).strict(),
    next: z
      .object({
        fingerprint: Sha256Schema,
        /** SPKI PEM of the new key, as `openssl` reads it. */
        publicKeyPem: z.string().max(200),
      })
      .strict(),
    effectiveFrom: DateSchema,
    reason: TextSchema,
  })
  .strict();
export type KeyRotation = z.infer<typeof KeyRotationSchema>;

/** The rule (`issueRule`) of the schema's issue for a member named again (`teamRepeatText`). */
export const TEAM_REPEAT_RULE = 'team-repeat';

/** A member of an inspection team named again: the `member`-th (from 1) repeats the `first`-th. */
export interface TeamRepeat {
  member: number;
  first: number;
  name: string;
}

/**
 * The members an inspection team names more than once (names as stored — invisible characters
 * dropped, trimmed — and compared with full-width letters and digits folded (NFKC), every space
 * inside dropped and Latin letters in one case: 「李 检查」, 「李\u3000检查」 and 「李检查」 are one
 * person, as are 「Wang Li」 and 「wang li」): each member signs the report under their own key
 * (第十二条（八）3 实施管理: the team answers for what it saw), so one person listed twice is refused
 * at every door — this schema (the command line, any bundle read), and the bureau's desk before it
 * asks to sign.
 */
export function teamRepeats(names: readonly string[]): TeamRepeat[] {
  const seen = new Map<string, number>();
  const repeats: TeamRepeat[] = [];
  for (const [i, raw] of names.entries()) {
    const name = normaliseText(raw).trim();
    const key = name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) repeats.push({ member: i + 1, first, name });
    else seen.set(key, i + 1);
  }
  return repeats;
}

const RawTeam = z.object({ team: z.array(z.object({ name: z.string() })) });

/** `teamRepeats` of an assignment as read from a file, before its schema (empty if no team list). */
export function rawTeamRepeats(raw: unknown): TeamRepeat[] {
  const r = RawTeam.safeParse(raw);
  return r.success ? teamRepeats(r.data.team.map((m) => m.name)) : [];
}

/**
 * 实地考察任务书 (the bureau's order to inspect, 第十二条（一）（二）): what to inspect, where, by
 * whom, by when; the inspection report answers it.
 */
export const InspectionAssignmentSchema = z
  .object({
    formatVersion: z.literal(1),
    assignmentId: IdSchema,
    /** The demand (评榜 before a package exists), a package, an applicant or a task book. */
    subject: SubjectSchema,
    /** The round (批次) the subject belongs to, by which the bureau's desk lists reports. */
    round: IdSchema.optional(),
    purpose: TextSchema,
    sites: z
      .array(z.object({ name: NameSchema, address: z.string().max(300).default('') }).strict())
      .min(1),
    team: z
      .array(
        z.object({ id: IdSchema, name: NameSchema, role: z.enum(['leader', 'member']) }).strict(),
      )
      .min(1)
      .refine((t) => t.filter((m) => m.role === 'leader').length === 1, '考察组须有且仅有一名组长')
      .superRefine((t, ctx) => {
        for (const [i, m] of t.entries()) {
          const why = teamNameProblem(m.name);
          if (why !== null)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'name'],
              message: teamNameText(i + 1, why),
              params: WHOLE_SENTENCE,
            });
        }
        for (const r of teamRepeats(t.map((m) => m.name)))
          ctx.addIssue({
            code: 'custom',
            path: [r.member - 1, 'name'],
            message: teamRepeatText(r),
            params: ruleSentence(TEAM_REPEAT_RULE),
          });
        for (const issue of repeatIssues([], '考察组成员编号', t, (m) => m.id))
          ctx.addIssue({ code: 'custom', ...issue });
      }),
    /** The items to check; empty: the app's template for the subject (src-shared/inspection). */
    checklist: z.array(NameSchema).max(200, '至多 200 项').default([]),
    /** The bureau's age X25519 recipient: the report is encrypted to it. */
    reportTo: z
      .object({
        name: NameSchema,
        ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'age 接收方公钥格式不正确'),
      })
      .strict(),
    issuedOn: DateSchema,
    dueBy: DateSchema,
  })
  .strict()
  // Due on or after the day of issue, at every door (the bureau desk, `jiebang inspection assign`,
  // a report's ingest): the desk's own sentence.
  .superRefine((a, ctx) => {
    if (dueBeforeIssue(a))
      ctx.addIssue({
        code: 'custom',
        path: ['dueBy'],
        message: dueBeforeIssueText(a),
        params: WHOLE_SENTENCE,
      });
  });
export type InspectionAssignment = z.infer<typeof InspectionAssignmentSchema>;

export { SCAN_EXTENSIONS } from './terms';

/**
 * A paper score sheet typed in (转录) from the wet-signed original, travelling in the panel
 * bundle as `paper/<expertId>.json` beside its scan `paper/<expertId>.<pdf|jpg|jpeg|png>`; the
 * scan is hashed in SHA256SUMS like every file and named here by hash.
 */
export const TranscribedSheetSchema = z
  .object({
    formatVersion: z.literal(1),
    sheet: ScoreSheetSchema,
    scan: z.object({ path: z.string().max(200), sha256: Sha256Schema }).strict(),
    transcribedBy: NameSchema,
    transcribedAt: DateTimeSchema,
    /** Who checked the transcription against the paper (a second person), if anyone. */
    checkedBy: NameSchema.optional(),
  })
  .strict();
export type TranscribedSheet = z.infer<typeof TranscribedSheetSchema>;
