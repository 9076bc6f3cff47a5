/**
 * After the award (issue 21), as use cases without a DOM: the signed task books of a package,
 * the people who sign on this device (考核专家, 发榜方技术负责人, 市科技局, 揭榜方 — each enrolled
 * with their own Ed25519 key, sealed in the keys table), and signing a document after the award:
 * its rules first (`checkAwardDocument`, the same call as `jiebang check`), nothing signed or
 * written while a blocking finding stands; then one bundle signed by every chosen signer, and the
 * document kept (sealed) with its bundle's manifest hash and its audit entry.
 */
import { z } from 'zod';
import { EMPTY_HEAD } from '../../../src-shared/audit/head';
import {
  checkAwardDocument,
  MilestoneAssessmentFormSchema,
  ProjectFormSchema,
  RaceChoiceSchema,
  type AwardDocument,
} from '../../../src-shared/award';
import { buildBundle, openBundle, type SignerInput } from '../../../src-shared/bundle';
import {
  fingerprint,
  formatFingerprint,
  generateSigningKey,
  publicKeyOf,
} from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import {
  nameProblem,
  NameSchema,
  sameNameKey,
  TaskBookSchema,
  type MilestoneAssessment,
  type TaskBook,
} from '../../../src-shared/model';
import { hasBlocking } from '../../../src-shared/rules';
import type { JiebangDB } from '../db/database';
import { appendAudit, getMeta, taskBooksOfPackage } from '../db/repo';
import { assertEvidence, keepEvidence } from './award-evidence';
import { auditForSigning } from './signing';
import { dbText } from '../i18n/db';
import { listParam, message } from '../i18n/strings';
import { WorkflowError } from './deps';

/** A signer's name: at most 200 characters (`NameSchema`, as a bundle's manifest names them). */
const NAME_MAX = 200;

export const AwardRoleSchema = z.enum(['assessor', 'issuer', 'bureau', 'solver']);
export type AwardRole = z.infer<typeof AwardRoleSchema>;

const SignerRecordSchema = z.object({
  signerId: z.string(),
  role: AwardRoleSchema,
  name: z.string(),
  fingerprint: z.string(),
  counter: z.number().int().nonnegative(),
  secretKey: z.custom<Uint8Array>((v) => v instanceof Uint8Array, dbText.signingSecretMissing),
});
type SignerRecord = z.infer<typeof SignerRecordSchema>;
/** A signer as the screen sees it (never the key). */
export type AwardSigner = Omit<SignerRecord, 'secretKey'>;

const SIGNER_PREFIX = 'award-signer/';

const AwardDocumentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assessment'), doc: MilestoneAssessmentFormSchema }),
  z.object({ type: z.literal('race'), doc: RaceChoiceSchema }),
  z.object({ type: z.literal('form'), doc: ProjectFormSchema }),
]);
const StoredAwardSchema = z.object({
  document: AwardDocumentSchema,
  manifestSha256: z.string(),
  signedAt: z.string(),
  signers: z.array(z.object({ name: z.string(), role: z.string(), fingerprint: z.string() })),
});
export type StoredAward = z.infer<typeof StoredAwardSchema>;

/** The package's task books that are final (signed and printed), the only ones assessed. */
export async function signedTaskBooks(db: JiebangDB, packageId: string): Promise<TaskBook[]> {
  return (await taskBooksOfPackage(db, packageId)).flatMap((d) => {
    const parsed = TaskBookSchema.safeParse(d);
    return parsed.success && parsed.data.status === 'final' ? [parsed.data] : [];
  });
}

/**
 * The race-stage results the chair entered on the chair's desk (RaceSelection, kept on this
 * device only): the race's choice starts from them, to be signed and exported.
 */
export async function chairRaceEntries(db: JiebangDB): Promise<MilestoneAssessment[]> {
  return (await getMeta(db, 'assessments')) ?? [];
}

/** The documents signed for a task book, oldest first. */
export async function awardsOf(db: JiebangDB, taskBookId: string): Promise<StoredAward[]> {
  const rows = await db.awards.where('taskBookId').equals(taskBookId).toArray();
  return rows
    .map((r) => StoredAwardSchema.parse(r['award']))
    .sort((a, b) => (a.signedAt < b.signedAt ? -1 : a.signedAt > b.signedAt ? 1 : 0));
}

async function signerRecords(db: JiebangDB): Promise<SignerRecord[]> {
  const rows = await db.keys.where('id').startsWith(SIGNER_PREFIX).toArray();
  return rows.map((r) => SignerRecordSchema.parse(r['signer']));
}

/** The people enrolled to sign here, in enrolment order. */
export async function awardSigners(db: JiebangDB): Promise<AwardSigner[]> {
  return (await signerRecords(db)).map(({ secretKey: _k, ...rest }) => rest);
}

/** Enrols a signer with a fresh key (its fingerprint goes on the paper they sign by hand). */
export async function enrolSigner(
  db: JiebangDB,
  actor: string,
  input: { role: AwardRole; name: string },
): Promise<AwardSigner> {
  const problem = nameProblem(input.name, NAME_MAX);
  if (problem === 'missing') throw new WorkflowError(message('award.nameMissing'));
  if (problem)
    throw new WorkflowError(
      message('common.labelled', { label: message('award.signerName'), text: problem.message }),
    );
  const read = NameSchema.safeParse(input.name);
  if (!read.success) throw new WorkflowError(message('award.nameMissing'));
  const name = read.data;
  const existing = await signerRecords(db);
  // The same person in the same role twice, with two keys: which one signs for them? (One rule:
  // names compared as `sameNameKey` reads them.)
  const again = existing.find(
    (s) => s.role === input.role && sameNameKey(s.name) === sameNameKey(name),
  );
  if (again)
    throw new WorkflowError(
      message('award.signerTwice', {
        name: again.name,
        role: message(`award.role.${input.role}`),
        fingerprint: formatFingerprint(again.fingerprint),
      }),
    );
  const key = generateSigningKey();
  const signerId = `${input.role}-${existing.length + 1}`;
  const record: SignerRecord = {
    signerId,
    role: input.role,
    name,
    fingerprint: fingerprint(publicKeyOf(key.secretKey)),
    counter: 0,
    secretKey: key.secretKey,
  };
  await db.transaction('rw', [db.keys, db.audit], async () => {
    await db.keys.put({ id: `${SIGNER_PREFIX}${signerId}`, signer: record });
    await appendAudit(db, {
      actor,
      action: 'award.enrolSigner',
      target: signerId,
      details: { role: input.role, fingerprint: record.fingerprint },
    });
  });
  const { secretKey: _k, ...shown } = record;
  return shown;
}

const idOf = (d: AwardDocument): string => {
  switch (d.type) {
    case 'assessment':
      return d.doc.assessmentId;
    case 'race':
      return d.doc.choiceId;
    case 'form':
      return d.doc.formId;
  }
};

const KIND = {
  assessment: 'milestone-assessment',
  race: 'race-choice',
  form: 'project-form',
} as const;

/**
 * Signs `document` by the signers named (author first) and keeps it. @throws WorkflowError with
 * the blocking findings' messages (nothing written), or the bundle builder's sentence.
 */
export async function signAward(
  db: JiebangDB,
  input: {
    tb: TaskBook;
    document: AwardDocument;
    signerIds: readonly string[];
    periodEnd?: string;
    files?: ReadonlyMap<string, Uint8Array>;
    actor: string;
    now?: string;
  },
): Promise<{ bytes: Uint8Array; name: string }> {
  const { tb, document } = input;
  if (document.type === 'assessment') assertEvidence(document.doc, input.files);
  // The documents already signed for this task book: a termination closes the project (第十七条),
  // a race's choice opens the milestone assessments (第十二条（八）3).
  const onTimeline = (await awardsOf(db, tb.taskBookId)).map((a) => a.document);
  const findings = checkAwardDocument(document, tb, input.periodEnd, onTimeline);
  if (hasBlocking(findings))
    throw new WorkflowError(
      message('award.refused', {
        findings: listParam(
          findings.filter((f) => f.severity === 'blocking').map((f) => f.message),
          'clause',
        ),
      }),
    );
  const all = await signerRecords(db);
  const chosen = input.signerIds.flatMap((id) => all.filter((s) => s.signerId === id));
  if (chosen.length === 0) throw new WorkflowError(message('award.chooseSigner'));
  const now = input.now ?? new Date().toISOString();
  const bumped = chosen.map((s) => ({ ...s, counter: s.counter + 1 }));
  const docId = idOf(document);
  // The order of every signed export (workflows/signing.ts `exportSigned`): the audit head as it
  // stands, the bundle built and re-opened as its receiver will open it, and only then the
  // counters, the audit entry, the document and its evidence committed together — a refusal by the
  // bundle builder or a failed self-check spends no counter and writes nothing.
  const audit = await auditForSigning(db);
  const signers: SignerInput[] = bumped.map((s, i) => ({
    role: s.role,
    id: s.signerId,
    name: s.name,
    secretKey: s.secretKey,
    counter: s.counter,
    audit: i === 0 ? audit.head : EMPTY_HEAD,
  }));
  const [first, ...rest] = signers;
  if (!first) throw new WorkflowError(message('award.chooseSigner'));
  const files = new Map(input.files ?? []);
  files.set('audit.json', audit.bytes);
  const common = {
    crypto: nobleCrypto,
    bundleId: `${docId}-${first.counter}`,
    subject: { type: 'task-book' as const, id: tb.taskBookId },
    signers: [first, ...rest] as const,
    files,
    createdAt: now,
  };
  const bytes =
    document.type === 'assessment'
      ? await buildBundle({ ...common, kind: KIND.assessment, document: document.doc })
      : document.type === 'race'
        ? await buildBundle({ ...common, kind: KIND.race, document: document.doc })
        : await buildBundle({ ...common, kind: KIND.form, document: document.doc });
  const opened = await openBundle(bytes, { crypto: nobleCrypto });
  if (!opened.ok)
    throw new WorkflowError(message('signing.selfCheck', { reason: opened.error.message }));
  const stored: StoredAward = {
    document,
    manifestSha256: opened.bundle.manifestSha256,
    signedAt: now,
    signers: chosen.map((s) => ({ name: s.name, role: s.role, fingerprint: s.fingerprint })),
  };
  await db.transaction(
    'rw',
    [db.keys, db.audit, db.meta, db.awards, db.attachments, db.chunks],
    async () => {
      for (const s of bumped) await db.keys.put({ id: `${SIGNER_PREFIX}${s.signerId}`, signer: s });
      await appendAudit(db, {
        actor: input.actor,
        action: `award.sign.${document.type}`,
        target: docId,
        details: { taskBook: tb.taskBookId, signers: chosen.map((s) => s.signerId).join(',') },
      });
      // The head this bundle carries: a later chain must extend it (checkDeviceChain).
      await db.meta.put({ id: 'auditHeadLastSigned', value: audit.head });
      // The evidence kept sealed beside the document, so it can be re-opened and exported again.
      if (document.type === 'assessment') await keepEvidence(db, document.doc, input.files);
      await db.awards.put({
        id: `${tb.taskBookId}/${docId}`,
        taskBookId: tb.taskBookId,
        award: stored,
      });
    },
  );
  return { bytes, name: `${tb.taskBookId}-${docId}.jbx` };
}
