/**
 * The evidence files of a milestone assessment kept on the device (issue 21): sealed chunk by
 * chunk in the attachments store (as an application's attachments are), under the task book and
 * the assessment, so a signed assessment can be re-opened with its files and exported again.
 * Each file is bounded (`EVIDENCE_LIMITS`) and matched to the SHA-256 its form registers; a file
 * past a bound, missing or altered is refused by name and nothing is written.
 */
import { z } from 'zod';
import {
  evidenceProblems,
  MilestoneAssessmentFormSchema,
  type AwardDocument,
  type MilestoneAssessmentForm,
} from '../../../src-shared/award';
import type { JiebangDB } from '../db/database';
import { getAttachment, putAttachment } from '../db/repo';

const MEDIA_TYPE = 'application/octet-stream';

/** The attachment id of one evidence file: task book, assessment, path in the bundle. */
export const evidenceAttachmentId = (
  a: Pick<MilestoneAssessmentForm, 'taskBookId' | 'assessmentId'>,
  path: string,
): string => `award/${a.taskBookId}/${a.assessmentId}/${path}`;

/** Refused before anything is written: the evidence problems, one sentence a line. */
export class EvidenceRefused extends Error {
  override name = 'EvidenceRefused';
}

/**
 * Checks the files an assessment registers against their bounds and hashes. @throws
 * EvidenceRefused naming each file that is missing, altered or too large.
 */
export function assertEvidence(
  a: MilestoneAssessmentForm,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): void {
  const problems = evidenceProblems(a.evidence, files);
  if (problems.length > 0) throw new EvidenceRefused(problems.join('\n'));
}

/** Keeps every evidence file of `a`, sealed (checked first: nothing written on a refusal). */
export async function keepEvidence(
  db: JiebangDB,
  a: MilestoneAssessmentForm,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<void> {
  assertEvidence(a, files);
  for (const e of a.evidence) {
    const bytes = files.get(e.path);
    if (!bytes) continue;
    await putAttachment(
      db,
      {
        id: evidenceAttachmentId(a, e.path),
        packageId: `award/${a.taskBookId}`,
        name: e.name,
        mediaType: MEDIA_TYPE,
      },
      bytes,
    );
  }
}

/**
 * The evidence files of a kept assessment, by their path in the bundle, read back and matched to
 * the form's SHA-256. @throws EvidenceRefused naming a file no longer on the device or altered.
 */
export async function evidenceOf(
  db: JiebangDB,
  a: MilestoneAssessmentForm,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of a.evidence) {
    const kept = await getAttachment(db, evidenceAttachmentId(a, e.path));
    if (kept) out.set(e.path, kept.bytes);
  }
  assertEvidence(a, out);
  return out;
}

const KeptAssessmentSchema = z.object({
  award: z.object({
    document: z.object({ type: z.literal('assessment'), doc: MilestoneAssessmentFormSchema }),
  }),
});

/**
 * A signed assessment re-opened with its evidence files, ready to be signed and exported again
 * (`signAward` with `files`); null when no assessment of that id is kept for the task book.
 * @throws EvidenceRefused naming a file no longer on the device or altered.
 */
export async function reopenAssessment(
  db: JiebangDB,
  taskBookId: string,
  assessmentId: string,
): Promise<{
  document: Extract<AwardDocument, { type: 'assessment' }>;
  files: Map<string, Uint8Array>;
} | null> {
  const row = KeptAssessmentSchema.safeParse(await db.awards.get(`${taskBookId}/${assessmentId}`));
  if (!row.success) return null;
  const doc = row.data.award.document.doc;
  return { document: { type: 'assessment', doc }, files: await evidenceOf(db, doc) };
}
