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
import { emptyTrust, openBundle, type TrustState } from '../../../src-shared/bundle';
import {
  approveRound,
  ApprovalSchema,
  attachmentIndex,
  IngestRecordSchema,
  ingestPanel,
  locateProblem,
  packageFromGrids,
  publicityNotice,
  roundStage,
  setCell,
  type ApprovalResult,
  type CellValue,
  type Grid,
  type NamedBytes,
  type RoundStage,
  type SignedPackage,
} from '../../../src-shared/bureau';
import { NoticeSchema, type Notice } from '../../../src-shared/bureau/notice-schema';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { Api, BureauKeyInfo } from '../../../src-shared/ipc';
import { ReviewPackageSchema, type ReviewPackage } from '../../../src-shared/model';
import { checkReviewPackage, hasBlocking, type Finding } from '../../../src-shared/rules';
import type { JiebangDB } from '../db/database';
import { commitChange } from '../db/repo';
import { translate } from '../i18n/strings';
import { workingCalendar } from './calendar';

/** The bridge channels the desk uses (the real bridge, or a test's handlers). */
export type BureauApi = Pick<
  Api,
  | 'bureau:read-lists'
  | 'bureau:sign-package'
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
}

/** A problem of the lists, and the cell it names (to open it in place), when it names one. */
export interface DraftProblem {
  message: string;
  at: { grid: number; row: number; col: number | null } | null;
}

export type DraftVerdict =
  | { ok: false; problems: DraftProblem[] }
  | {
      ok: true;
      pkg: ReviewPackage;
      /** Every rule of the measures on the package (checkReviewPackage), with its article. */
      findings: Finding[];
      /** The rules' warnings placed at their cells (packageFromGrids). */
      notes: string[];
      /** Each attachment's path in the package and the proposal file it is made from. */
      attachments: { path: string; file: string }[];
      canSign: boolean;
    };

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

/** Judges a draft: the package from its lists, or every bad row with the cell it names. */
export function judgeDraft(draft: Draft): DraftVerdict {
  const unreadable = draft.unreadable.map((message) => ({ message, at: null }));
  const built = packageFromGrids(draft.grids, attachmentIndex(draft.proposals, nobleCrypto));
  if (!built.ok || unreadable.length > 0)
    return {
      ok: false,
      problems: [
        ...unreadable,
        ...(built.ok ? [] : built.problems).map((message) => ({
          message,
          at: locateProblem(draft.grids, message),
        })),
      ],
    };
  const findings = checkReviewPackage(built.pkg);
  return {
    ok: true,
    pkg: built.pkg,
    findings,
    notes: built.notes,
    attachments: built.attachments,
    canSign: !hasBlocking(findings),
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
});
export type StoredRound = z.infer<typeof StoredRoundSchema>;

/** Every round this desk signed, newest first. */
export async function listRounds(db: JiebangDB): Promise<StoredRound[]> {
  const rows = await db.rounds.toArray();
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
 * Signs the round's package in main (`bureau:sign-package` → signReviewPackage) and keeps the
 * round with its audit entry in one transaction. @throws the sentence main answered.
 */
export async function signRound(
  db: JiebangDB,
  api: Pick<BureauApi, 'bureau:sign-package'>,
  input: SignRoundInput,
): Promise<SignedRound> {
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
  const previous = await getRound(db, pkg.packageId);
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
    // A package signed again starts its round again; the earlier result stays in the audit log.
    ...(previous && previous.issued.manifestSha256 === signed.manifestSha256
      ? { record: previous.record, approval: previous.approval }
      : {}),
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
  | { ok: false; reason: string };

/**
 * Takes a panel's result in: decrypted in main with the bureau's identity, opened and verified
 * here, accepted by `ingestPanel` only for a package this desk signed (the same decision as
 * `jiebang ingest`), kept with its audit entry; a refused file writes nothing.
 */
export async function ingestResult(
  db: JiebangDB,
  api: Pick<BureauApi, 'bureau:open-bundle'>,
  input: {
    profileId: string;
    passphrase: string;
    key: BureauKeyInfo;
    file: NamedBytes;
    actor: string;
    now: Date;
  },
): Promise<IngestOutcome> {
  const plain = await api['bureau:open-bundle']({
    profileId: input.profileId,
    passphrase: input.passphrase,
    bytes: input.file.bytes,
  });
  const opened = await openBundle(plain.bytes, { crypto: nobleCrypto });
  if (!opened.ok)
    return {
      ok: false,
      reason: translate('zh', 'bureau.err.notVerified', {
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
  const rounds = await listRounds(db);
  const packageId = bundle.kind === 'panel-result' ? bundle.document.packageId : undefined;
  const current = rounds.find((r) => r.packageId === packageId);
  const result = ingestPanel(bundle, {
    packages: rounds.map(signedPackageOf),
    bureau: bureauTrust(input.key),
    ...(current?.record ? { previous: current.record } : {}),
    file: input.file.name,
    now: input.now.toISOString(),
  });
  if (!result.ok) return result;
  const round = rounds.find((r) => r.packageId === result.record.packageId);
  if (!round)
    return {
      ok: false,
      reason: translate('zh', 'bureau.err.noRound', {
        file: input.file.name,
        id: result.record.packageId,
      }),
    };
  if (result.isDuplicate) return { ok: true, round, isDuplicate: true, notes: result.notes };
  // A later result replaces the earlier one and its approval (审定 rests on the result).
  const next: StoredRound = {
    packageId: round.packageId,
    title: round.title,
    issued: round.issued,
    record: result.record,
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

// ---- approval and publicity ----

/**
 * Records 审定 on `approvedOn` (第十二条（六）) with the publicity window counted on this
 * installation's calendar; refused, nothing written, when the result cannot be approved or the
 * calendar does not cover the window.
 */
export async function approve(
  db: JiebangDB,
  input: { packageId: string; approvedOn: string; actor: string },
): Promise<ApprovalResult> {
  const round = await getRound(db, input.packageId);
  if (!round?.record)
    return {
      ok: false,
      reason: translate('zh', 'bureau.err.notIngested', { id: input.packageId }),
    };
  const result = approveRound(round.record, input.approvedOn, await workingCalendar(db));
  if (!result.ok) return result;
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
    throw new Error(translate('zh', 'bureau.err.nothingToExport', { id: round.packageId }));
  const { bytes } = await api['bureau:export-xlsx']({
    pkg: round.issued.pkg,
    sheets: round.record.sheets.map((s) => s.sheet),
    decision: round.record.decision,
  });
  return bytes;
}
