/**
 * The chair's desk (专家组组长, 第十二条（五）) as use cases on this device: gather the panel's
 * signed sheet bundles (each verified and judged against the rubric, kept byte for byte) and sign
 * the panel result. The desk's pure part (what it counts, shows and checks) is workflows/desk.ts.
 */
import { buildSheetBundle, openBundle, type TrustState } from '../../../src-shared/bundle';
import type { DecisionChoices } from '../../../src-shared/decision';
import {
  PanelDecisionSchema,
  type PanelDecision,
  type ReviewPackage,
  type ScoreSheet,
} from '../../../src-shared/model';
import type { JiebangDB } from '../db/database';
import {
  commitChange,
  gatheredOfPackage,
  getDecision,
  getMeta,
  type Enrolment,
  type GatheredSheet,
} from '../db/repo';
import { message } from '../i18n/strings';
import { WorkflowError, type Deps, type FileToSave, type SaveFile } from './deps';
import { buildPanelZip, reopenedDraft, type DeskView } from './desk';
import {
  markJudged,
  mergeGathered,
  verifySheetFiles,
  type GatherResult,
  type ImportOutcome,
} from './gather';
import { loadPaperSheets, signedRefusal } from './paper';
import { exportSigned, type ExportOutcome, type SigningAudit } from './signing';

// ---- gathering the panel's sheets ----

/** The sheet bundles gathered so far for the package. */
export const loadGathered = (db: JiebangDB, packageId: string): Promise<GatheredSheet[]> =>
  gatheredOfPackage(db, packageId);

export type { ImportOutcome };

/**
 * Verifies the files (`verifySheetFiles`, or the same run in the desk's Web Worker, which also
 * gives the desk's figures with the sheets taken, `view`, and the files' bytes back, `bytes`:
 * they moved to the worker and back).
 */
export type VerifySheets = (
  pkg: ReviewPackage,
  trust: TrustState | undefined,
  files: readonly { name: string; bytes: Uint8Array }[],
) => Promise<GatherResult & { view?: DeskView; bytes?: readonly Uint8Array[] }>;

/**
 * Imports sheet bundles: each file verified on its own (a bad one is refused by name, the others
 * still import), then every accepted sheet, the trust state and one audit entry in one
 * transaction. A later bundle of an expert replaces the earlier one. With `known` (the sheets
 * gathered before, as the desk holds them) the new set is merged in memory rather than read back.
 */
export async function importSheets(
  deps: Deps,
  actor: string,
  pkg: ReviewPackage,
  files: readonly { name: string; bytes: Uint8Array }[],
  options: {
    verify?: VerifySheets;
    known?: readonly GatheredSheet[];
    /**
     * With `known`: called with the result once verified, before anything is written (the desk
     * draws it while the rows are stored); storing begins when what it returns settles. The
     * import's promise then settles once stored, or rejects with why not — nothing written (one
     * transaction), so the caller shows the desk as it was.
     */
    onVerified?: (result: ImportResult) => void | Promise<void>;
  } = {},
): Promise<ImportResult> {
  // Signed: nothing is verified or written (`signedRefusal` says why, and what to do instead).
  const signed = await signedRefusal(deps.db, pkg.packageId);
  if (signed) throw new WorkflowError(signed);
  const verify: VerifySheets =
    options.verify ?? ((p, trust, list) => verifySheetFiles(deps.crypto, p, trust, list));
  const { accepted, outcomes, trust, view, bytes } = await verify(
    pkg,
    await getMeta(deps.db, 'trust'),
    files,
  );
  const rows: GatheredSheet[] = [];
  const at = deps.now().toISOString();
  for (const a of accepted) {
    const kept = bytes ? bytes[a.file] : files[a.file]?.bytes;
    if (!kept) throw new Error(`no file ${a.file} for ${a.expertId}`);
    const { file: _index, ...sheet } = a;
    markJudged(sheet.sheet, pkg.packageId);
    rows.push({ ...sheet, bytes: kept });
  }
  // New sheets change the figures: the desk reopens on the rules' proposal, and the draft written
  // on the sheets before is dropped with them (in the same transaction).
  const reopened = rows.length > 0;
  const merged: ImportResult | null = options.known
    ? {
        gathered: mergeGathered(options.known, rows),
        outcomes,
        reopened,
        ...(view ? { view } : {}),
      }
    : null;
  if (merged) await options.onVerified?.(merged);
  await commitChange(
    deps.db,
    {
      gathered: rows,
      meta: { trust, ...(reopened ? { decisionDraft: reopenedDraft(pkg.packageId, at) } : {}) },
    },
    {
      actor,
      action: 'sheets.import',
      target: `${rows.length}/${files.length}`,
      details: { refused: outcomes.filter((o) => !o.ok).length },
      at,
    },
  );
  return merged ?? { gathered: await loadGathered(deps.db, pkg.packageId), outcomes, reopened };
}

/** What an import leaves the desk with: the gathered sheets, each file's outcome, the figures. */
export interface ImportResult {
  gathered: GatheredSheet[];
  outcomes: ImportOutcome[];
  /** Sheets were taken in: the desk reopens on the rules' proposal (its draft dropped). */
  reopened: boolean;
  view?: DeskView;
}

// ---- the decision: the draft as written, the result as signed ----

/** The panel result as this device signed it, and its file as exported. */
export interface SignedDecision {
  decision: PanelDecision;
  /** The encrypted panel bundle exactly as offered (null for a result signed before it was kept). */
  file: FileToSave | null;
}

/** What the chair's desk shows of the decision: the signed result, else the draft as written. */
export interface DecisionState {
  signed: SignedDecision | null;
  /** The choices as last written; null: the rules' proposal (nothing written yet). */
  choices: DecisionChoices | null;
}

export async function loadDecision(db: JiebangDB, packageId: string): Promise<DecisionState> {
  const [decision, draft, file] = await Promise.all([
    getDecision(db, packageId),
    getMeta(db, 'decisionDraft'),
    getMeta(db, 'panelBundle'),
  ]);
  const choices = draft?.packageId === packageId ? draft.choices : null;
  if (!decision) return { signed: null, choices };
  const kept = file?.packageId === packageId ? { name: file.name, bytes: file.bytes } : null;
  return { signed: { decision, file: kept }, choices };
}

/**
 * Writes the chair's choices as they stand after an edit (every field as typed: the decision they
 * yield is judged on screen and again when signed). No audit entry: the signing is the record.
 */
export const saveDecisionDraft = (
  deps: Pick<Deps, 'db' | 'now'>,
  packageId: string,
  choices: DecisionChoices,
): Promise<void> =>
  commitChange(
    deps.db,
    { meta: { decisionDraft: { packageId, choices, savedAt: deps.now().toISOString() } } },
    null,
  );

// ---- signing the panel result ----

export interface SignInput {
  pkg: ReviewPackage;
  decision: PanelDecision;
  /** The chair's own sheet on this device (it joins as a sheet bundle of its own). */
  own: ScoreSheet | null;
  gathered: readonly GatheredSheet[];
  enrolment: Enrolment;
}

/**
 * Signs and exports the panel result (exportSigned's order). The chair's own submitted sheet
 * travels as a sheet bundle like every other: the one exported earlier, or one signed now (which
 * exports the sheet, as an export does); it replaces an imported copy of the chair's sheet.
 */
export async function signDecision(
  deps: Deps & { save: SaveFile },
  input: SignInput,
): Promise<ExportOutcome> {
  const { pkg, own, enrolment } = input;
  // Signed once (第十二条（五）): the result went to the bureau; it is not signed again here.
  if (await getDecision(deps.db, pkg.packageId))
    throw new WorkflowError(message('chair.alreadySigned'));
  const decision = PanelDecisionSchema.parse(input.decision);
  const trust = await getMeta(deps.db, 'trust');
  const chairName =
    pkg.panel.experts.find((e) => e.id === enrolment.expertId)?.name ?? enrolment.expertId;
  const chair = { id: enrolment.expertId, name: chairName, secretKey: enrolment.secretKey };
  const answers = trust?.packageManifestSha256;
  const exported = await getMeta(deps.db, 'exportedBundle');
  const kept = exported ? await openBundle(exported.bytes, { crypto: deps.crypto }) : null;
  const ownIsKept = own?.status === 'submitted' && kept?.ok === true;
  const paper = await loadPaperSheets(deps.db, pkg.packageId);
  let ownBundle: { name: string; bytes: Uint8Array } | null = null;

  const ownSheetBundle = async (counter: number, audit: SigningAudit) => {
    if (own?.status !== 'submitted') return [];
    if (ownIsKept && exported && kept?.ok)
      return [
        {
          expertId: enrolment.expertId,
          manifestSha256: kept.bundle.manifestSha256,
          bytes: exported.bytes,
        },
      ];
    const bytes = await buildSheetBundle({
      crypto: deps.crypto,
      sheet: own,
      signer: {
        role: 'chair',
        name: chairName,
        secretKey: enrolment.secretKey,
        counter,
        audit: audit.head,
      },
      ...(answers ? { answers } : {}),
      files: new Map([['audit.json', audit.bytes]]),
    });
    const opened = await openBundle(bytes, { crypto: deps.crypto });
    if (!opened.ok) throw new Error(opened.error.message);
    ownBundle = { name: `${pkg.packageId}-${enrolment.expertId}.jbx`, bytes };
    return [{ expertId: enrolment.expertId, manifestSha256: opened.bundle.manifestSha256, bytes }];
  };

  return exportSigned(deps, enrolment, {
    kind: 'panel-result',
    encryptTo: { recipient: pkg.bureau.ageRecipient },
    build: async ({ counter, audit }) => {
      const mine = await ownSheetBundle(counter, audit);
      const panelCounter = mine.length > 0 && !ownIsKept ? counter + 1 : counter;
      const others = input.gathered.filter(
        (g) => !(mine.length > 0 && g.expertId === enrolment.expertId),
      );
      const bundled = new Set([...others, ...mine].map((g) => g.expertId));
      // The transcribed paper sheets of experts without a signed sheet bundle (as the desk counts).
      const transcribed = paper.filter((p) => !bundled.has(p.record.sheet.expertId));
      return {
        name: `${pkg.packageId}-panel.jbx`,
        counter: panelCounter,
        zip: await buildPanelZip({
          crypto: deps.crypto,
          decision,
          pkg,
          chair,
          counter: panelCounter,
          ...(answers ? { packageManifestSha256: answers } : {}),
          sheetBundles: [...others, ...mine],
          transcribed,
          audit,
        }),
      };
    },
    record: ({ file, counter, at }) => {
      // The file as offered, kept to be offered again (the result is not signed a second time).
      const panelBundle = { packageId: pkg.packageId, name: file.name, bytes: file.bytes };
      return {
        change: {
          decision,
          meta: { panelBundle },
          ...(ownBundle && own
            ? {
                enrolment: { ...enrolment, exportedAt: at },
                meta: { exportedBundle: ownBundle, panelBundle },
                sheet: { sheet: own, status: 'exported' as const, updatedAt: at },
              }
            : {}),
        },
        audit: {
          actor: enrolment.expertId,
          action: 'decision.sign',
          target: decision.packageId,
          details: {
            recommended: decision.recommendedIds.join(','),
            total: decision.approvedTotal,
            counter,
          },
          at,
        },
      };
    },
  });
}
