/**
 * The bureau's desk (issue 18) as use cases without a DOM: a round authored from the bureau's
 * lists, signed with the bureau's key in main, its panel result taken in, approved and published.
 * Every rule is the shared function the command line calls too — `readLists` and
 * `packageFromGrids` (the lists, every bad row named), `checkReviewPackage` (the findings, with
 * their articles), `signReviewPackage` (in main, behind `bureau:sign-package`), `ingestPanel`
 * (the panel's result, re-checked with `checkPanelDecision`), `approveRound` (审定 and the
 * publicity window on the calendar), `publicityNotice`. Dependencies come in as arguments: the
 * database, the bridge's bureau channels, a clock.
 */
import { z } from 'zod';
import { AuditHeadSchema } from '../../../src-shared/audit/head';
import { gatherSheets, provenanceOf } from '../../../src-shared/decision';
import {
  AwardDocumentSchema,
  checkAwardDocument,
  dateOf,
  type AwardDocument,
} from '../../../src-shared/award';
import {
  applyImport,
  checkImport,
  emptyTrust,
  InspectionAssignmentSchema,
  KINDS,
  openBundle,
  teamRepeats,
  dueBeforeIssue,
  teamNameProblem,
  type OpenedBundle,
  type TrustState,
} from '../../../src-shared/bundle';
import {
  approveRound,
  ApprovalSchema,
  attachmentIndex,
  IngestRecordSchema,
  ingestPanel,
  locateProblem,
  packageFromGrids,
  describeCell,
  packageIdIssued,
  packageIdIssuedText,
  publicityNotice,
  readTables,
  ROUND_STAGE_ZH,
  roundStage,
  setCell,
  type ApprovalResult,
  type CellValue,
  type Grid,
  type IssuedRound,
  type NamedBytes,
  type RoundStage,
  type SignedPackage,
} from '../../../src-shared/bureau';
import { NoticeSchema, type Notice } from '../../../src-shared/bureau/notice-schema';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import {
  BytesSchema,
  IpcError,
  NOT_DECRYPTED,
  type Api,
  type BureauKeyInfo,
} from '../../../src-shared/ipc';
import {
  NameSchema,
  ReviewPackageSchema,
  TaskBookSchema,
  type ReviewPackage,
} from '../../../src-shared/model';
import {
  answeredAssignment,
  assignmentChecklist,
  checkReport,
  CHECKLIST_TEMPLATES,
  currentReport,
  purposeOf,
  type ChecklistProblem,
} from '../../../src-shared/inspection';
import { checkReviewPackage, hasBlocking, type Finding } from '../../../src-shared/rules';
import { readDate } from '../../../src-shared/text/date';
import { normaliseText } from '../../../src-shared/text/normalize';
import type { JiebangDB } from '../db/database';
import { auditLog, commitChange } from '../db/repo';
import { dateRefusal } from '../i18n/date';
import { allOf, dayParam, listParam, message, translate, type Message } from '../i18n/strings';
// The assignment's purpose is written into the signed document from this table (not only shown):
// it is loaded with the workflow itself, never left to the screen (issue 22).
import '../i18n/bureau';
import { workingCalendar } from './calendar';
import { today, WorkflowError } from './deps';

/** The bridge channels the desk uses (the real bridge, or a test's handlers). */
export type BureauApi = Pick<
  Api,
  | 'bureau:read-lists'
  | 'bureau:sign-package'
  | 'bureau:sign-assignment'
  | 'bureau:open-bundle'
  | 'bureau:export-xlsx'
  | 'notice:pdf'
>;

// ---- authoring a round ----

/** The bureau's lists as read (grids, editable in place) and the proposal files beside them. */
export interface Draft {
  grids: Grid[];
  proposals: NamedBytes[];
  /** Files that could not be read at all (named). */
  unreadable: string[];
  /** When the draft was last kept (ISO time, set by `saveDraft`); absent before it is kept. */
  editedAt?: string;
}

/**
 * A problem of the lists, and the cell it names (to open it in place), when it names one; a rule
 * of the measures (checkReviewPackage) carries its article and severity.
 */
export interface DraftProblem {
  message: string;
  at: { grid: number; row: number; col: number | null } | null;
  article?: string;
  severity?: Finding['severity'];
}

export type DraftVerdict =
  | { ok: false; problems: DraftProblem[] }
  | {
      ok: true;
      pkg: ReviewPackage;
      /** Every rule of the measures on the package (checkReviewPackage), with its article. */
      findings: Finding[];
      /** The rules' warnings and notes, each placed at its cell with its article. */
      notes: DraftProblem[];
      /** Each attachment's path in the package and the proposal file it is made from. */
      attachments: { path: string; file: string }[];
      canSign: boolean;
    };

/** A placed line of the lists (`<where>：<message>`) as a problem at its cell, with its rule. */
function placed(grids: readonly Grid[], line: string, rules: readonly Finding[]): DraftProblem {
  const rule = rules.find((f) => line.endsWith(f.message));
  return {
    message: line,
    at: locateProblem(grids, line),
    ...(rule ? { article: rule.article, severity: rule.severity } : {}),
  };
}

/**
 * Reads the lists the bureau chose (workbooks through main, CSV here, the same `readLists`) and
 * keeps the other files as proposals.
 */
export async function readDraft(
  api: Pick<BureauApi, 'bureau:read-lists'>,
  lists: readonly NamedBytes[],
  proposals: readonly NamedBytes[],
): Promise<Draft> {
  const read =
    lists.length === 0
      ? { grids: [], problems: [] }
      : await api['bureau:read-lists']({ files: [...lists] });
  return {
    grids: read.grids.map((g) => ({
      ...g,
      rows: g.rows.map((r) => [...r]),
      merges: [...g.merges],
    })),
    proposals: [...proposals],
    unreadable: read.problems,
  };
}

/** The 「评审包编号」 cell of the 榜单 table, to open in place. */
function packageIdCell(grids: readonly Grid[]): DraftProblem['at'] {
  const [review] = readTables(grids).records.get('review') ?? [];
  return review ? locateProblem(grids, describeCell(review.at('packageId'))) : null;
}

/** The rounds a desk holds as the id rule takes them: each id and where its round stands today. */
export const issuedOf = (rounds: readonly StoredRound[], now: Date): IssuedRound[] => {
  const day = today(() => now);
  return rounds.map((r) => ({ packageId: r.packageId, stage: stageOf(r, day) }));
};

/**
 * The id the package's lists give, already issued by one of `issued` (`packageIdIssued`, the rule
 * 签发 applies): the same sentence as the refusal, placed at the 「评审包编号」 cell, before 签发.
 */
function reusedId(
  grids: readonly Grid[],
  pkg: ReviewPackage,
  issued: readonly IssuedRound[],
): DraftProblem[] {
  const taken = packageIdIssued(pkg.packageId, issued);
  if (!taken) return [];
  return [
    {
      message: packageIdIssuedText({
        id: taken.packageId,
        stage: ROUND_STAGE_ZH[taken.stage],
        suggestion: taken.suggestion,
      }),
      at: packageIdCell(grids),
      severity: 'blocking',
    },
  ];
}

/**
 * Judges a draft: the package from its lists, or every bad row with the cell it names. `issued`:
 * the rounds this desk holds (`issuedOf`), so an id already issued is flagged in the draft's
 * checks, not first when 签发 is pressed.
 */
export function judgeDraft(draft: Draft, issued: readonly IssuedRound[] = []): DraftVerdict {
  const unreadable = draft.unreadable.map((message) => ({ message, at: null }));
  const built = packageFromGrids(draft.grids, attachmentIndex(draft.proposals, nobleCrypto));
  if (!built.ok || unreadable.length > 0)
    return {
      ok: false,
      problems: [
        ...unreadable,
        ...(built.ok ? [] : built.problems).map((line) =>
          placed(draft.grids, line, built.ok ? [] : (built.findings ?? [])),
        ),
      ],
    };
  const findings = checkReviewPackage(built.pkg);
  const reused = reusedId(draft.grids, built.pkg, issued);
  return {
    ok: true,
    pkg: built.pkg,
    findings,
    notes: [...reused, ...built.notes.map((line) => placed(draft.grids, line, findings))],
    attachments: built.attachments,
    canSign: !hasBlocking(findings) && reused.length === 0,
  };
}

/** The draft with one cell changed as the bureau typed it (fixing a bad row in place). */
export function editDraftCell(
  draft: Draft,
  at: { grid: number; row: number; col: number },
  value: CellValue,
): Draft {
  return {
    ...draft,
    grids: draft.grids.map((g, i) => (i === at.grid ? setCell(g, at.row, at.col, value) : g)),
  };
}

// ---- the draft, kept sealed as the bureau imports and types ----

/** The rounds table's rows of the draft: its lists, and each proposal file in a row of its own. */
export const DRAFT_ID = '~draft';
const proposalId = (i: number) => `${DRAFT_ID}/${String(i).padStart(4, '0')}`;
const isDraftRow = (id: string) => id.startsWith(DRAFT_ID);

const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const StoredDraftSchema = z.object({
  grids: z.array(
    z.object({
      file: z.string(),
      sheet: z.string(),
      kind: z.enum(['xlsx', 'csv']),
      rows: z.array(z.array(CellSchema)),
      merges: z.array(z.string()),
    }),
  ),
  unreadable: z.array(z.string()),
  proposals: z.number().int().nonnegative(),
  editedAt: z.string().optional(),
});
const StoredProposalSchema = z.object({ name: z.string(), bytes: BytesSchema });

/**
 * Keeps the draft sealed in the rounds table, so a reload or a lock loses nothing, stamped with
 * `now` as its last edit. `withFiles`: the proposal files are written again too (after an import;
 * a typed cell leaves them as they are). Not on the audit record: a keystroke is not an action.
 * @returns the draft as kept (with `editedAt`).
 */
export async function saveDraft(
  db: JiebangDB,
  draft: Draft,
  withFiles: boolean,
  now: Date,
): Promise<Draft> {
  const editedAt = now.toISOString();
  const value = {
    grids: draft.grids.map((g) => ({
      ...g,
      rows: g.rows.map((r) => [...r]),
      merges: [...g.merges],
    })),
    unreadable: draft.unreadable,
    proposals: draft.proposals.length,
    editedAt,
  };
  await db.transaction('rw', db.rounds, async () => {
    if (withFiles) {
      await db.rounds.where(':id').startsWith(`${DRAFT_ID}/`).delete();
      await db.rounds.bulkPut(
        draft.proposals.map((p, i) => ({
          id: proposalId(i),
          value: { name: p.name, bytes: p.bytes },
        })),
      );
    }
    await db.rounds.put({ id: DRAFT_ID, value });
  });
  return { ...draft, editedAt };
}

/** The draft kept by `saveDraft`, or null when there is none. */
export async function loadDraft(db: JiebangDB): Promise<Draft | null> {
  const row = await db.rounds.get(DRAFT_ID);
  if (!row) return null;
  const kept = StoredDraftSchema.parse(row['value']);
  const files = await db.rounds.where(':id').startsWith(`${DRAFT_ID}/`).toArray();
  const proposals = files.map((f) => StoredProposalSchema.parse(f['value']));
  return {
    grids: kept.grids,
    unreadable: kept.unreadable,
    proposals,
    ...(kept.editedAt ? { editedAt: kept.editedAt } : {}),
  };
}

/** The draft as named when the bureau is asked before replacing it. */
export interface DraftName {
  /** The package id its lists give, when they give one. */
  packageId: string | null;
  /** Its files (lists, then proposals), for a draft whose lists give no package yet. */
  files: string[];
  /** When it was last edited (ISO), when known. */
  editedAt: string | null;
}

/**
 * The draft to be named before new lists replace it, or null when it holds nothing to lose (no
 * list, no proposal, no unreadable file): there is one unsigned draft per profile.
 */
export function draftToReplace(draft: Draft | null): DraftName | null {
  if (!draft) return null;
  if (draft.grids.length + draft.proposals.length + draft.unreadable.length === 0) return null;
  const verdict = judgeDraft(draft);
  return {
    packageId: verdict.ok ? verdict.pkg.packageId : null,
    files: [...new Set(draft.grids.map((g) => g.file)), ...draft.proposals.map((p) => p.name)],
    editedAt: draft.editedAt ?? null,
  };
}

/** Drops the kept draft (once its round is signed). */
export async function clearDraft(db: JiebangDB): Promise<void> {
  await db.rounds.where(':id').startsWith(DRAFT_ID).delete();
}

/** The package as this desk signs it: the bureau's recipient and key fingerprint its own. */
export function withBureauKey(pkg: ReviewPackage, key: BureauKeyInfo): ReviewPackage {
  return {
    ...pkg,
    bureau: {
      ...pkg.bureau,
      ageRecipient: key.ageRecipient,
      signingKeyFingerprint: key.fingerprint,
    },
  };
}

// ---- rounds, as stored ----

/** What a bundle taken in added to a round (a task book, an inspection report, a form after it). */
const TakenSchema = z.object({
  kind: z.enum([
    'task-book',
    'inspection-report',
    'milestone-assessment',
    'race-choice',
    'project-form',
  ]),
  /** The document's own id (task book, report, form). */
  id: z.string(),
  /** The bundle's one line for people (its kind's summary). */
  summary: z.string(),
  /** The document's own date (signed, assessed, requested, decided, applied, visited). */
  date: z.string().optional(),
  file: z.string(),
  manifestSha256: z.string(),
  signers: z.array(z.object({ role: z.string(), id: z.string(), name: z.string() })),
  findings: z.array(
    z.object({
      rule: z.string(),
      article: z.string(),
      severity: z.enum(['blocking', 'warning', 'info']),
      message: z.string(),
      path: z.array(z.union([z.string(), z.number()])),
    }),
  ),
  takenAt: z.string(),
});
export type Taken = z.infer<typeof TakenSchema>;

export const StoredRoundSchema = z.object({
  packageId: z.string(),
  title: z.string(),
  issued: z.object({
    /** The package as signed (with the bureau's key registered). */
    pkg: ReviewPackageSchema,
    manifestSha256: z.string(),
    fingerprint: z.string(),
    counter: z.number().int(),
    file: z.string(),
    signedAt: z.string(),
    encrypted: z.boolean(),
    notice: NoticeSchema,
  }),
  record: IngestRecordSchema.optional(),
  approval: ApprovalSchema.optional(),
  taskbookSignedOn: z.string().optional(),
  /** The signed task book taken in (第十二条（七）). */
  taskbook: TaskBookSchema.optional(),
  /** The keys and counters of the round's later signers (task book parties, forms' signers). */
  team: z
    .object({
      signers: z.record(z.string(), z.string()),
      counters: z.record(z.string(), z.number()),
      auditHeads: z.record(z.string(), AuditHeadSchema),
    })
    .optional(),
  /** Bundles taken in after the panel's result, in the order taken. */
  taken: z.array(TakenSchema).optional(),
  /**
   * The forms after the award taken in, in the order taken: the next one is judged with them
   * (`checkAwardDocument`'s signed set, as `jiebang check --with` judges a project's folder).
   */
  awards: z.array(AwardDocumentSchema).optional(),
  /** Inspection assignments this desk signed for the round (the reports must answer one). */
  assignments: z
    .array(z.object({ manifestSha256: z.string(), assignment: InspectionAssignmentSchema }))
    .optional(),
});
export type StoredRound = z.infer<typeof StoredRoundSchema>;

/** Every round this desk signed, newest first. */
export async function listRounds(db: JiebangDB): Promise<StoredRound[]> {
  const rows = (await db.rounds.toArray()).filter((r) => !isDraftRow(r.id));
  return rows
    .map((r) => StoredRoundSchema.parse(r['value']))
    .sort((a, b) => b.issued.signedAt.localeCompare(a.issued.signedAt));
}

export async function getRound(db: JiebangDB, packageId: string): Promise<StoredRound | undefined> {
  const row = await db.rounds.get(packageId);
  return row ? StoredRoundSchema.parse(row['value']) : undefined;
}

/** Where each round stands today (issued → results in → approved → publicity → task book signed). */
export const stageOf = (round: StoredRound, today: string): RoundStage => roundStage(round, today);

// ---- signing ----

export interface SignRoundInput {
  profileId: string;
  /** The profile's passphrase, for main to unseal the bureau's key. */
  passphrase: string;
  key: BureauKeyInfo;
  verdict: Extract<DraftVerdict, { ok: true }>;
  draft: Draft;
  encrypt:
    { kind: 'none' } | { kind: 'new-passphrase' } | { kind: 'passphrase'; passphrase: string };
  actor: string;
  now: Date;
}

export type SignedRound = {
  round: StoredRound;
  bytes: Uint8Array;
  file: string;
  passphrase: string | null;
  notice: Notice;
};

/**
 * Why a package id cannot be signed here (`packageIdIssued`, the rule `jiebang package sign`
 * applies too): a round this desk issued under it, named with where it stands today; null when
 * the id is free.
 */
export async function packageIdRefusal(
  db: JiebangDB,
  packageId: string,
  now: Date,
): Promise<Message | null> {
  const taken = packageIdIssued(packageId, issuedOf(await listRounds(db), now));
  if (!taken) return null;
  const params = {
    id: taken.packageId,
    stage: message(`bureau.stage.${taken.stage}`),
  };
  return taken.suggestion === null
    ? message('bureau.err.packageIdIssuedNoNext', params)
    : message('bureau.err.packageIdIssued', { ...params, next: taken.suggestion });
}

/**
 * Signs the round's package in main (`bureau:sign-package` → signReviewPackage) and keeps the
 * round with its audit entry in one transaction. An id this desk already issued is refused before
 * main is asked (`packageIdRefusal`): the issued round, its result, 审定 and publicity stay as
 * they are, nothing is signed or written. @throws WorkflowError naming the round, or the sentence
 * main answered.
 */
export async function signRound(
  db: JiebangDB,
  api: Pick<BureauApi, 'bureau:sign-package'>,
  input: SignRoundInput,
): Promise<SignedRound> {
  const refused = await packageIdRefusal(db, input.verdict.pkg.packageId, input.now);
  if (refused) throw new WorkflowError(refused);
  const pkg = withBureauKey(input.verdict.pkg, input.key);
  const byName = new Map(
    input.draft.proposals.map((p) => [p.name.split('/').pop() ?? p.name, p.bytes]),
  );
  const files = input.verdict.attachments.flatMap((a) => {
    const bytes = byName.get(a.file);
    return bytes ? [{ path: a.path, bytes }] : [];
  });
  const file = `${pkg.packageId}.jbx`;
  const signed = await api['bureau:sign-package']({
    profileId: input.profileId,
    passphrase: input.passphrase,
    pkg,
    files,
    encrypt: input.encrypt,
    file,
  });
  const round: StoredRound = {
    packageId: pkg.packageId,
    title: pkg.title,
    issued: {
      pkg,
      manifestSha256: signed.manifestSha256,
      fingerprint: signed.fingerprint,
      counter: signed.counter,
      file,
      signedAt: input.now.toISOString(),
      encrypted: signed.passphrase !== null,
      notice: signed.notice,
    },
  };
  await commitChange(
    db,
    { rounds: { [round.packageId]: round } },
    {
      actor: input.actor,
      action: 'bureau.package.sign',
      target: round.packageId,
      details: { manifestSha256: signed.manifestSha256, counter: signed.counter },
    },
  );
  // The draft became this round: nothing of it is left to lose.
  await clearDraft(db);
  return { round, bytes: signed.bytes, file, passphrase: signed.passphrase, notice: signed.notice };
}

// ---- taking results in ----

/** The bureau's own trust: its key pinned, the keys it rotated away (their packages still its own). */
export const bureauTrust = (key: BureauKeyInfo): TrustState => ({
  ...emptyTrust(),
  bureauFingerprint: key.fingerprint,
  retiredBureauKeys: key.retired.map((r) => r.fingerprint),
});

/** A round's signed package as ingest matches panel results against it. */
export const signedPackageOf = (round: StoredRound): SignedPackage => ({
  pkg: round.issued.pkg,
  manifestSha256: round.issued.manifestSha256,
  signerFingerprint: round.issued.fingerprint,
});

export type IngestOutcome =
  | { ok: true; round: StoredRound; isDuplicate: boolean; notes: string[] }
  | { ok: false; reason: Message };

/** Of an `IngestOutcome`, what the user is told. */
type Told =
  { ok: true; isDuplicate: boolean; notes: readonly string[] } | { ok: false; reason: Message };

/** What taking in one or several files tells the user: a sentence, and a line per file under it. */
export interface IngestReport {
  kind: 'ok' | 'error';
  message: Message;
  lines: Message[];
}

/**
 * The report of files taken in through the one import button, in the order chosen: one file is
 * told as it went (its new signers' notes under it); several are counted, and each file's outcome
 * has its own line — a refusal among them is never hidden by the file after it.
 */
export function ingestReport(outcomes: readonly { file: string; outcome: Told }[]): IngestReport {
  const said = ({ file, outcome }: { file: string; outcome: Told }): Message =>
    outcome.ok
      ? message(outcome.isDuplicate ? 'bureau.rounds.duplicate' : 'bureau.rounds.taken', { file })
      : outcome.reason;
  const notes = (o: Told): Message[] => (o.ok ? o.notes.map((text) => ({ text })) : []);
  const refused = outcomes.filter((o) => !o.outcome.ok).length;
  const kind = refused > 0 ? 'error' : 'ok';
  const [only] = outcomes;
  if (outcomes.length === 1 && only)
    return { kind, message: said(only), lines: notes(only.outcome) };
  return {
    kind,
    message: message('bureau.rounds.several', {
      n: String(outcomes.length),
      taken: String(outcomes.length - refused),
      refused: String(refused),
    }),
    lines: outcomes.flatMap((o) => [said(o), ...notes(o.outcome)]),
  };
}

interface TakeInput {
  key: BureauKeyInfo;
  file: NamedBytes;
  actor: string;
  now: Date;
}

/**
 * Takes a bundle in, whatever its kind: decrypted in main with the bureau's identity, opened and
 * verified here, then judged by the shared rule of its kind — a panel's result by `ingestPanel`
 * (the same decision as `jiebang ingest`), a signed task book for a round this desk holds (its
 * stage becomes 任务书已签订, 第十二条（七）), a form after the award by `checkAwardDocument`
 * against that task book. Kept with its audit entry; a refused file writes nothing.
 */
export async function ingestResult(
  db: JiebangDB,
  api: Pick<BureauApi, 'bureau:open-bundle'>,
  input: TakeInput & { profileId: string; passphrase: string },
): Promise<IngestOutcome> {
  const plain = await openWithBureauKey(api, input);
  if (!plain.ok) return plain;
  const opened = await openBundle(plain.bytes, { crypto: nobleCrypto });
  if (!opened.ok)
    return {
      ok: false,
      reason: message('bureau.err.notVerified', {
        file: input.file.name,
        why: opened.error.message,
      }),
    };
  // The file as given (before main decrypted it), as the command line records it.
  const bundle = {
    ...opened.bundle,
    fileSha256: plain.fileSha256,
    wasEncrypted: plain.wasEncrypted,
  };
  switch (bundle.kind) {
    case 'panel-result':
      return takePanel(db, bundle, input);
    case 'task-book':
      return takeTaskBook(db, bundle, input);
    case 'milestone-assessment':
      return takeAward(db, bundle, { type: 'assessment', doc: bundle.document }, input);
    case 'race-choice':
      return takeAward(db, bundle, { type: 'race', doc: bundle.document }, input);
    case 'project-form':
      return takeAward(db, bundle, { type: 'form', doc: bundle.document }, input);
    case 'inspection-report':
      return takeReport(db, bundle, input);
    case 'review-package':
    case 'expert-sheets':
    case 'calendar':
    case 'key-rotation':
    case 'inspection-assignment':
      return {
        ok: false,
        // What it is, from the manifest's kind, then its summary (「此文件包是实地考察任务（…）」).
        reason: message('bundles.kindNotTaken', {
          file: input.file.name,
          kind: KINDS[bundle.kind].label,
          summary: bundle.summary,
        }),
      };
  }
}

/**
 * The file decrypted in main with the bureau's identity; a file that identity does not open is
 * this file's refusal, named (the files after it are still taken in and each said), while a
 * failure of the key itself (a wrong passphrase) still ends the import.
 */
async function openWithBureauKey(
  api: Pick<BureauApi, 'bureau:open-bundle'>,
  input: TakeInput & { profileId: string; passphrase: string },
): Promise<
  | { ok: true; bytes: Uint8Array; fileSha256: string; wasEncrypted: boolean }
  | { ok: false; reason: Message }
> {
  try {
    const plain = await api['bureau:open-bundle']({
      profileId: input.profileId,
      passphrase: input.passphrase,
      bytes: input.file.bytes,
    });
    return { ok: true, ...plain };
  } catch (e) {
    if (e instanceof IpcError && e.issues.includes(NOT_DECRYPTED))
      return {
        ok: false,
        reason: message('bureau.err.notDecrypted', { file: input.file.name, why: e.message }),
      };
    throw e;
  }
}

/** The document's own id (assessment, choice, form). */
function awardId(award: AwardDocument): string {
  switch (award.type) {
    case 'assessment':
      return award.doc.assessmentId;
    case 'race':
      return award.doc.choiceId;
    case 'form':
      return award.doc.formId;
  }
}

/**
 * The packages this desk signed (its audit log's 签发) that no round holds any more: before a
 * second signing under an issued id was refused, it replaced the round (and its package).
 */
async function packagesNoLongerHeld(
  db: JiebangDB,
  rounds: readonly StoredRound[],
): Promise<string[]> {
  const held = new Set(rounds.map((r) => r.issued.manifestSha256));
  return (await auditLog(db)).flatMap((e) => {
    const hash = e.details['manifestSha256'];
    return e.action === 'bureau.package.sign' && typeof hash === 'string' && !held.has(hash)
      ? [hash]
      : [];
  });
}

async function takePanel(
  db: JiebangDB,
  bundle: OpenedBundle,
  input: TakeInput,
): Promise<IngestOutcome> {
  const rounds = await listRounds(db);
  const packageId = bundle.kind === 'panel-result' ? bundle.document.packageId : undefined;
  const current = rounds.find((r) => r.packageId === packageId);
  const result = ingestPanel(bundle, {
    packages: rounds.map(signedPackageOf),
    bureau: bureauTrust(input.key),
    ...(current?.record ? { previous: current.record } : {}),
    file: input.file.name,
    now: input.now.toISOString(),
    noLongerHeld: await packagesNoLongerHeld(db, rounds),
  });
  if (!result.ok) return { ok: false, reason: { text: result.reason } };
  const round = rounds.find((r) => r.packageId === result.record.packageId);
  if (!round)
    return {
      ok: false,
      reason: message('bureau.err.noRound', {
        file: input.file.name,
        id: result.record.packageId,
      }),
    };
  if (result.isDuplicate) return { ok: true, round, isDuplicate: true, notes: result.notes };
  // A later result replaces the earlier one and its approval (审定 rests on the result). What
  // does not rest on the result stays: the inspections of the demand this desk issued (their ids
  // count on from them) and the reports taken in for them, and the keys and counters of the
  // round's signers (a replay or a changed key is refused as before).
  const next: StoredRound = {
    packageId: round.packageId,
    title: round.title,
    issued: round.issued,
    record: result.record,
    ...(round.assignments ? { assignments: round.assignments } : {}),
    ...(round.team ? { team: round.team } : {}),
    ...(round.taken?.some((t) => t.kind === 'inspection-report')
      ? { taken: round.taken.filter((t) => t.kind === 'inspection-report') }
      : {}),
  };
  await commitChange(
    db,
    { rounds: { [next.packageId]: next } },
    {
      actor: input.actor,
      action: 'bureau.panel.ingest',
      target: next.packageId,
      details: { manifestSha256: result.record.panel.manifestSha256, ok: result.record.ok },
    },
  );
  return { ok: true, round: next, isDuplicate: false, notes: result.notes };
}

/**
 * The import policy for a round's later bundles (the task book's parties, the forms' signers):
 * first seen here, their keys may not change, a bundle is taken once.
 */
function roundTrust(round: StoredRound, key: BureauKeyInfo): TrustState {
  const team = round.team;
  return {
    ...bureauTrust(key),
    pkg: round.issued.pkg,
    packageManifestSha256: round.issued.manifestSha256,
    signers: { ...round.record?.trust.signers, ...team?.signers },
    counters: { ...round.record?.trust.counters, ...team?.counters },
    auditHeads: { ...round.record?.trust.auditHeads, ...team?.auditHeads },
    imported: (round.taken ?? []).map((t) => t.manifestSha256),
  };
}

const takenOf = (
  bundle: OpenedBundle,
  doc: { id: string; date: string },
  findings: Finding[],
  input: TakeInput,
): Taken => ({
  kind: TakenSchema.shape.kind.parse(bundle.kind),
  id: doc.id,
  summary: bundle.summary,
  date: doc.date,
  file: input.file.name,
  manifestSha256: bundle.manifestSha256,
  signers: bundle.manifest.signers.map((s) => ({ role: s.role, id: s.id, name: s.name })),
  findings,
  takenAt: input.now.toISOString(),
});

/**
 * Keeps what a bundle added to its round, its signers' keys and counters, in one transaction.
 * Who signed is judged first (`checkImport`: a key other than the one registered for a signer, a
 * replayed counter): a file from another desk or device is refused as such, before `refusal` —
 * what the round's stage says of it (the task book's) — is returned; nothing is written.
 */
async function keepTaken(
  db: JiebangDB,
  round: StoredRound,
  bundle: OpenedBundle,
  trust: TrustState,
  taken: Taken,
  extra: Partial<StoredRound>,
  actor: string,
  refusal?: IngestOutcome,
): Promise<IngestOutcome> {
  const verdict = checkImport(bundle, trust);
  if (verdict.action === 'refuse')
    return {
      ok: false,
      reason: message('bureau.err.refused', { file: taken.file, why: verdict.reason }),
    };
  if (verdict.action === 'duplicate')
    return { ok: true, round, isDuplicate: true, notes: verdict.notes };
  if (refusal) return refusal;
  const after = applyImport(trust, bundle, verdict);
  const next: StoredRound = {
    ...round,
    ...extra,
    team: { signers: after.signers, counters: after.counters, auditHeads: after.auditHeads },
    taken: [...(round.taken ?? []), taken],
  };
  await commitChange(
    db,
    { rounds: { [next.packageId]: next } },
    {
      actor,
      action: 'bureau.bundle.ingest',
      target: next.packageId,
      details: { kind: taken.kind, id: taken.id, manifestSha256: taken.manifestSha256 },
    },
  );
  return { ok: true, round: next, isDuplicate: false, notes: verdict.notes };
}

/**
 * A signed task book (第十二条（七）) for a round this desk signed and approved; refused by name
 * for a package this desk does not hold, a signer whose key is not the one this round registered
 * (another device's task book of a package with the same number), a round not yet approved, or a
 * draft — in that order.
 */
async function takeTaskBook(
  db: JiebangDB,
  bundle: Extract<OpenedBundle, { kind: 'task-book' }>,
  input: TakeInput,
): Promise<IngestOutcome> {
  const tb = bundle.document;
  const file = input.file.name;
  const round = await getRound(db, tb.packageId);
  if (!round)
    return {
      ok: false,
      reason: message('bureau.err.taskbookUnknown', { file, id: tb.taskBookId, pkg: tb.packageId }),
    };
  const refusal: IngestOutcome | undefined = !round.approval
    ? { ok: false, reason: message('bureau.err.taskbookEarly', { file, pkg: tb.packageId }) }
    : tb.status !== 'final'
      ? { ok: false, reason: message('bureau.err.taskbookDraft', { file, id: tb.taskBookId }) }
      : undefined;
  const signedOn = bundle.manifest.createdAt.slice(0, 10);
  return keepTaken(
    db,
    round,
    bundle,
    roundTrust(round, input.key),
    takenOf(bundle, { id: tb.taskBookId, date: signedOn }, [], input),
    { taskbookSignedOn: signedOn, taskbook: tb },
    input.actor,
    refusal,
  );
}

/**
 * A form after the award (milestone assessment, the race's choice, change, extension,
 * termination, acceptance) for a task book this desk took in, judged by `checkAwardDocument`
 * against it and the forms already on its record; refused, nothing written, on a blocking finding.
 */
async function takeAward(
  db: JiebangDB,
  bundle: OpenedBundle,
  award: AwardDocument,
  input: TakeInput,
): Promise<IngestOutcome> {
  const file = input.file.name;
  const taskBookId = award.doc.taskBookId;
  const round = (await listRounds(db)).find((r) => r.taskbook?.taskBookId === taskBookId);
  if (!round?.taskbook)
    return { ok: false, reason: message('bureau.err.awardUnknown', { file, id: taskBookId }) };
  const signed = round.awards ?? [];
  const findings = checkAwardDocument(award, round.taskbook, undefined, signed);
  if (hasBlocking(findings)) return blockedBy(file, findings);
  return keepTaken(
    db,
    round,
    bundle,
    roundTrust(round, input.key),
    takenOf(bundle, { id: awardId(award), date: dateOf(award) }, findings, input),
    { awards: [...signed, award] },
    input.actor,
  );
}

/** A document refused for its blocking findings, each with its article, listed in the language shown. */
function blockedBy(file: string, findings: readonly Finding[]): IngestOutcome {
  return {
    ok: false,
    reason: message('bureau.err.awardBlocked', {
      file,
      why: listParam(
        findings.filter((f) => f.severity === 'blocking').map((f) => `[${f.article}] ${f.message}`),
        'clause',
      ),
    }),
  };
}

// ---- inspections (issue 20): assignments issued here, the teams' reports taken in ----

export interface IssueInput {
  profileId: string;
  passphrase: string;
  key: BureauKeyInfo;
  packageId: string;
  /** Where the team goes. */
  site: string;
  /** The team as typed, the leader first, separated by commas (full-width, 、, semicolons too). */
  team: string;
  dueBy: string;
  /** The items to check, as the bureau edited them (`assignmentChecklist` judges them). */
  checklist: readonly string[];
  actor: string;
  now: Date;
}

/** What a desk assignment checks unless the bureau edits it: the demand's template. */
export const DEFAULT_CHECKLIST: readonly string[] = CHECKLIST_TEMPLATES[purposeOf('demand')].items;

/** Why the edited checklist is refused, in the user's language (the article as the measures say it). */
function checklistRefusal(p: ChecklistProblem): Message {
  switch (p.kind) {
    case 'empty':
      return message('bureau.err.checklistEmpty', { article: p.article });
    case 'item':
      return message('bureau.err.checklistItem', { n: p.item, why: p.message });
    case 'duplicate':
      return message('bureau.err.checklistDuplicate', { n: p.item, first: p.first, text: p.text });
    case 'list':
      return message('bureau.err.checklistList', { why: p.message });
  }
}

/**
 * Issues an inspection assignment of a round's demand (评榜, 第十二条（二）: is the need real, is
 * the issuer its end user), signed with the bureau key in main (`bureau:sign-assignment` →
 * signAssignment), the report encrypted to this desk's recipient; kept on the round with its
 * audit entry. @throws WorkflowError naming what is missing; nothing is written then.
 */
export async function issueAssignment(
  db: JiebangDB,
  api: Pick<BureauApi, 'bureau:sign-assignment'>,
  input: IssueInput,
): Promise<{ round: StoredRound; bytes: Uint8Array; file: string }> {
  const round = await getRound(db, input.packageId);
  if (!round) throw new WorkflowError(message('bureau.err.noRoundId', { id: input.packageId }));
  // Each name as the schema stores it (invisible characters dropped, trimmed), judged by its rule.
  const team = input.team
    .split(/[,\uff0c\u3001;\uff1b\n]/)
    .map((n) => normaliseText(n).trim())
    .filter((n) => n !== '');
  const badNames = team.flatMap((name, i) => {
    const judged = NameSchema.safeParse(name);
    // The name rule, then the schema's question for a name that may hold two people.
    const why = judged.success ? teamNameProblem(name) : (judged.error.issues[0]?.message ?? '');
    return why === null ? [] : [message('bureau.err.assignmentTeamName', { n: i + 1, why })];
  });
  // Every problem of the form named at once: the fields, then each item of the checklist.
  const issuedOn = today(() => input.now);
  // The one date rule (DateSchema's reader: 2026/9/30 and ２０２６年９月３０日 kept as 2026-09-30),
  // its refusal in its own sentence — 「缺少此项（必填）」 for nothing typed.
  const due = readDate(input.dueBy);
  const checklist = assignmentChecklist(input.checklist, 'demand');
  const problems: Message[] = [
    ...(input.site.trim() === '' ? [message('bureau.err.assignmentSite')] : []),
    ...(team.length === 0 ? [message('bureau.err.assignmentTeam')] : []),
    ...badNames,
    ...teamRepeats(team).map((r) =>
      message('bureau.err.assignmentTeamRepeat', { n: r.member, first: r.first, name: r.name }),
    ),
    ...(!due.ok
      ? [message('bureau.err.assignmentDueBad', { why: dateRefusal(due) })]
      : dueBeforeIssue({ issuedOn, dueBy: due.iso })
        ? [
            message('bureau.err.assignmentDueEarly', {
              due: dayParam(due.iso),
              today: dayParam(issuedOn),
            }),
          ]
        : []),
    ...(checklist.ok ? [] : checklist.problems.map(checklistRefusal)),
  ];
  const [first, ...rest] = problems;
  // (A refused checklist or date is always in `problems`; the fallback only narrows the types.)
  if (first !== undefined || !checklist.ok || !due.ok)
    throw new WorkflowError(
      allOf([first ?? message('bureau.err.assignmentDueBad', { why: '' }), ...rest]),
    );
  const pkg = round.issued.pkg;
  const n = (round.assignments?.length ?? 0) + 1;
  const assignment = InspectionAssignmentSchema.parse({
    formatVersion: 1,
    assignmentId: `${round.packageId}-ASG-${n}`,
    subject: { type: 'demand', id: pkg.demand.id },
    round: round.packageId,
    // The document's own words are the measures' (Chinese), whatever the screen's language.
    purpose: translate('zh', 'bureau.assign.purpose', { title: pkg.demand.title }),
    sites: [{ name: input.site.trim(), address: '' }],
    team: team.map((name, i) => ({
      id: `I${String(i + 1).padStart(2, '0')}`,
      name,
      role: i === 0 ? 'leader' : 'member',
    })),
    checklist: checklist.items,
    reportTo: { name: pkg.bureau.name, ageRecipient: input.key.ageRecipient },
    issuedOn,
    dueBy: due.iso,
  });
  const signed = await api['bureau:sign-assignment']({
    profileId: input.profileId,
    passphrase: input.passphrase,
    assignment,
  });
  const next: StoredRound = {
    ...round,
    assignments: [
      ...(round.assignments ?? []),
      { manifestSha256: signed.manifestSha256, assignment },
    ],
  };
  await commitChange(
    db,
    { rounds: { [next.packageId]: next } },
    {
      actor: input.actor,
      action: 'bureau.bundle.ingest',
      target: next.packageId,
      details: { kind: 'inspection-assignment', id: assignment.assignmentId },
    },
  );
  return { round: next, bytes: signed.bytes, file: `${assignment.assignmentId}.jbx` };
}

/**
 * An inspection team's report (decrypted in main with the bureau's identity): it must answer an
 * assignment this desk issued (`answeredAssignment`, refused by name otherwise) and pass
 * `checkReport` against it on the day it is taken in (a visit after that day is refused); listed
 * under the assignment's round.
 */
async function takeReport(
  db: JiebangDB,
  bundle: Extract<OpenedBundle, { kind: 'inspection-report' }>,
  input: TakeInput,
): Promise<IngestOutcome> {
  const file = input.file.name;
  const current = currentReport(bundle.document);
  if (!current.ok)
    return { ok: false, reason: message('bureau.err.refused', { file, why: current.message }) };
  const report = current.report;
  const rounds = await listRounds(db);
  const held = rounds.flatMap((r) => r.assignments ?? []);
  const answered = answeredAssignment(report, bundle.manifest.answers, held);
  if (!answered.ok)
    return { ok: false, reason: message('bureau.err.refused', { file, why: answered.message }) };
  const round = rounds.find((r) =>
    (r.assignments ?? []).some((a) => a.manifestSha256 === answered.held.manifestSha256),
  );
  if (!round)
    return { ok: false, reason: message('bureau.err.noRound', { file, id: report.assignmentId }) };
  const findings = checkReport(
    report,
    answered.held.assignment,
    today(() => input.now),
  );
  if (hasBlocking(findings)) return blockedBy(file, findings);
  return keepTaken(
    db,
    round,
    bundle,
    roundTrust(round, input.key),
    takenOf(bundle, { id: report.reportId, date: report.date }, findings, input),
    {},
    input.actor,
  );
}

// ---- approval and publicity ----

/** 审定 recorded, or why not (the calendar's or the rules' own sentence). */
export type ApprovalOutcome =
  Extract<ApprovalResult, { ok: true }> | { ok: false; reason: Message };

/**
 * Records 审定 on `approvedOn` (第十二条（六）) with the publicity window counted on this
 * installation's calendar; refused, nothing written, when the date is before the review
 * (`approvalTooEarly`) or after today where the user is (`approvalAfterToday`, `input.now`'s local
 * date), the result cannot be approved or the calendar does not cover the window. A second 审定
 * that moves the window is recorded and says so in words (`moved`).
 */
export async function approve(
  db: JiebangDB,
  input: { packageId: string; approvedOn: string; actor: string; now: Date },
): Promise<ApprovalOutcome> {
  const round = await getRound(db, input.packageId);
  if (!round?.record)
    return { ok: false, reason: message('bureau.err.notIngested', { id: input.packageId }) };
  const result = approveRound(round.record, input.approvedOn, await workingCalendar(db), {
    reviewDate: round.issued.pkg.schedule.reviewDate,
    today: today(() => input.now),
    ...(round.approval ? { previous: round.approval } : {}),
  });
  if (!result.ok) return { ok: false, reason: { text: result.reason } };
  await commitChange(
    db,
    { rounds: { [round.packageId]: { ...round, approval: result.approval } } },
    {
      actor: input.actor,
      action: 'bureau.approve',
      target: round.packageId,
      details: { approvedOn: input.approvedOn, publicityEnd: result.approval.publicity.end },
    },
  );
  return result;
}

/** The publicity notice of an approved round (项目名称, 揭榜方, 经费, the window). */
export function roundPublicityNotice(round: StoredRound): Notice | null {
  return round.record && round.approval
    ? publicityNotice(round.issued.pkg, round.record, round.approval)
    : null;
}

/** The round's workbook (评分汇总表, 专家评分明细, 专家组意见与核定经费), made in main. */
export async function roundWorkbook(
  api: Pick<BureauApi, 'bureau:export-xlsx'>,
  round: StoredRound,
): Promise<Uint8Array> {
  if (!round.record)
    throw new WorkflowError(message('bureau.err.nothingToExport', { id: round.packageId }));
  // The sheets that count, as the ingest counted them (a signed sheet over a transcription of the
  // same expert), each with its 来源 and, for a paper sheet, who typed it in and the scan.
  const pkg = round.issued.pkg;
  const gathered = gatherSheets(
    pkg,
    round.record.sheets.map((s) => ({
      sheet: s.sheet,
      origin: s.expertId,
      standing: s.source === 'paper' ? ('paper' as const) : ('signed' as const),
      judged: true,
      ...(s.source === 'paper'
        ? {
            paper: {
              ...(s.transcribedBy ? { transcribedBy: s.transcribedBy } : {}),
              ...(s.checkedBy ? { checkedBy: s.checkedBy } : {}),
              ...(s.scanSha256 ? { scan: { path: s.scanPath ?? '', sha256: s.scanSha256 } } : {}),
            },
          }
        : {}),
    })),
  );
  const { bytes } = await api['bureau:export-xlsx']({
    pkg,
    sheets: gathered.sheets,
    decision: round.record.decision,
    provenance: provenanceOf(gathered.counted),
  });
  return bytes;
}
