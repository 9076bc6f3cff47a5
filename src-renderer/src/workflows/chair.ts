/**
 * The chair's desk (专家组组长, 第十二条（五）) as use cases on this device: gather the panel's
 * signed sheet bundles (each verified and judged against the rubric, kept byte for byte) and sign
 * the panel result. The desk's pure part (what it counts, shows and checks) is workflows/desk.ts.
 */
import { buildSheetBundle, openBundle, type TrustState } from '../../../src-shared/bundle';
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
  getMeta,
  type Enrolment,
  type GatheredSheet,
} from '../db/repo';
import type { Deps, SaveFile } from './deps';
import { buildPanelZip, type DeskView } from './desk';
import {
  markJudged,
  mergeGathered,
  verifySheetFiles,
  type GatherResult,
  type ImportOutcome,
} from './gather';
import { loadPaperSheets } from './paper';
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
  options: { verify?: VerifySheets; known?: readonly GatheredSheet[] } = {},
): Promise<{ gathered: GatheredSheet[]; outcomes: ImportOutcome[]; view?: DeskView }> {
  const verify: VerifySheets =
    options.verify ?? ((p, trust, list) => verifySheetFiles(deps.crypto, p, trust, list));
  const { accepted, outcomes, trust, view, bytes } = await verify(
    pkg,
    await getMeta(deps.db, 'trust'),
    files,
  );
  const rows: GatheredSheet[] = [];
  for (const a of accepted) {
    const kept = bytes ? bytes[a.file] : files[a.file]?.bytes;
    if (!kept) throw new Error(`no file ${a.file} for ${a.expertId}`);
    const { file: _index, ...sheet } = a;
    markJudged(sheet.sheet, pkg.packageId);
    rows.push({ ...sheet, bytes: kept });
  }
  await commitChange(
    deps.db,
    { gathered: rows, meta: { trust } },
    {
      actor,
      action: 'sheets.import',
      target: `${rows.length}/${files.length}`,
      details: { refused: outcomes.filter((o) => !o.ok).length },
      at: deps.now().toISOString(),
    },
  );
  if (!options.known) return { gathered: await loadGathered(deps.db, pkg.packageId), outcomes };
  return {
    gathered: mergeGathered(options.known, rows),
    outcomes,
    ...(view ? { view } : {}),
  };
}

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
    record: ({ counter, at }) => ({
      change: {
        decision,
        ...(ownBundle && own
          ? {
              enrolment: { ...enrolment, exportedAt: at },
              meta: { exportedBundle: ownBundle },
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
    }),
  });
}
