/**
 * The chair's desk without storage (pure, no DOM): the sheets it counts, the decision it shows
 * and checks, and the signed panel result. `test/unit/decision-doors.test.ts` runs the desk beside
 * `jiebang check` on the same decision and compares the findings; workflows/chair.ts stores and
 * signs through it.
 */
import {
  buildBundle,
  TranscribedSheetSchema,
  type TranscribedSheet,
} from '../../../src-shared/bundle';
import type { AuditHead } from '../../../src-shared/audit/head';
import { ageEncrypt } from '../../../src-shared/crypto/age';
import { sha256HexWith, type CryptoProvider } from '../../../src-shared/crypto/provider';
import {
  analysePanel,
  checkDeskDraft,
  draftDecision,
  gatherSheets,
  initialChoices,
  type GatheredSheets,
  type DecisionChoices,
  type PanelAnalysis,
  type SheetProblem,
} from '../../../src-shared/decision';
import type { PanelDecision, ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import { hasBlocking, type Finding } from '../../../src-shared/rules';
import type { HorseRaceProposal } from '../../../src-shared/scoring';
import { toAggregateWire, type AggregateWire } from '../../../src-shared/scoring/aggregate-wire';
import { summaryTable, type SummaryTable } from '../../../src-shared/summary';
import { wasJudged } from './gather';

export interface ImportedSheet {
  expertId: string;
  /** The sheet bundle's manifest SHA-256 and bytes, kept unchanged for the panel bundle. */
  manifestSha256: string;
  bytes: Uint8Array;
  sheet: ScoreSheet;
}

/**
 * The chair's own sheet as the desk counts it. Once the panel result is signed, only as it was
 * signed with it (exported at the signing, or before): a sheet submitted on this device after the
 * signing (which `signedRefusal` now refuses; a profile may hold one from before) does not change
 * the figures under the signed 专家组意见 or the forms printed from it (第十二条（五）（六）).
 */
export function deskOwnSheet(
  own: ScoreSheet | null,
  signed: boolean,
  exportedAt: string | undefined,
): ScoreSheet | null {
  return signed && exportedAt === undefined ? null : own;
}

/**
 * The sheets the desk counts: every transcribed paper sheet, every imported sheet bundle plus the
 * chair's own submitted sheet, held on this device (no export or import needed), validated as
 * every door validates them; of two sheets of one expert `whichSheetCounts` decides (a signed
 * sheet over a transcription of the same expert's paper, which is listed as set aside).
 */
export function deskSheets(
  pkg: ReviewPackage,
  imported: readonly Pick<ImportedSheet, 'expertId' | 'sheet'>[],
  own: ScoreSheet | null,
  paper: readonly { record: TranscribedSheet }[] = [],
  counted?: ReadonlySet<string>,
): ScoreSheet[] {
  return deskSources(pkg, imported, own, paper, counted).sheets;
}

/** `deskSheets` with the sheets refused and set aside. */
function deskSources(
  pkg: ReviewPackage,
  imported: readonly Pick<ImportedSheet, 'expertId' | 'sheet'>[],
  own: ScoreSheet | null,
  paper: readonly { record: TranscribedSheet }[] = [],
  counted?: ReadonlySet<string>,
): GatheredSheets {
  // With `counted` (the experts whose sheets the desk's worker counted, having run this same
  // function on the same sheets), those sheets are not validated a second time on the page.
  const judged = (sheet: ScoreSheet): boolean | undefined =>
    counted?.has(sheet.expertId) === true ? true : undefined;
  return gatherSheets(
    pkg,
    [
      ...paper.map((p) => ({
        sheet: p.record.sheet,
        origin: `paper/${p.record.sheet.expertId}.json`,
        standing: 'paper' as const,
        ...(judged(p.record.sheet) ? { judged: true } : {}),
      })),
      // An imported copy of the chair's own submitted sheet gives way to it (as the signing does).
      ...imported
        .filter((g) => !(own?.status === 'submitted' && g.expertId === own.expertId))
        .map((g) => ({
          sheet: g.sheet,
          origin: `${g.expertId}.jbx`,
          standing: 'signed' as const,
          // Judged to the cell by the import that just took it in (in the desk's worker).
          judged: judged(g.sheet) ?? wasJudged(g.sheet, pkg.packageId),
        })),
    ],
    own,
  );
}

/**
 * What the desk's Web Worker computes for the page (issue 22: nothing is aggregated on the page's
 * thread): which experts' sheets count (`deskSheets`), the sheets refused, the horse race
 * proposed, the aggregation as its wire form and the 评分汇总表 — `analysePanel` and
 * `summaryTable`, the functions every door calls. `readDeskView` on the page reads it back.
 */
export interface DeskView {
  counted: string[];
  problems: SheetProblem[];
  /** Sheets not counted because another sheet of the same expert counts (`whichSheetCounts`). */
  setAside: SheetProblem[];
  proposal: HorseRaceProposal;
  agg: AggregateWire;
  table: SummaryTable;
}

/** The desk's figures for these sheets (see `DeskView`). */
export function deskView(
  pkg: ReviewPackage,
  imported: readonly Pick<ImportedSheet, 'expertId' | 'sheet'>[],
  own: ScoreSheet | null,
  paper: readonly { record: TranscribedSheet }[],
): DeskView {
  const gathered = deskSources(pkg, imported, own, paper);
  const { sheets } = gathered;
  const { problems, proposal, agg } = analysePanel(pkg, sheets);
  return {
    counted: sheets.map((s) => s.expertId),
    problems,
    setAside: gathered.setAside,
    proposal,
    agg: toAggregateWire(agg),
    table: summaryTable(pkg, agg),
  };
}

/** What the desk's figures rest on: `analysePanel`'s result without the sheets themselves. */
export type DeskAnalysis = Pick<PanelAnalysis, 'agg' | 'problems' | 'proposal' | 'setAside'>;

export interface Desk {
  analysis: DeskAnalysis;
  choices: DecisionChoices;
  decision: PanelDecision;
  findings: Finding[];
  canSign: boolean;
}

/**
 * What the desk shows: the analysis (`analysePanel` of the sheets, or the one the desk's worker
 * made of them), the draft decision and every finding on it.
 */
export function chairDesk(
  pkg: ReviewPackage,
  sheets: readonly ScoreSheet[] | DeskAnalysis,
  choices: DecisionChoices | null,
  chairExpertId: string,
  decidedAt: string,
): Desk {
  const analysis = isSheetList(sheets) ? analysePanel(pkg, sheets) : sheets;
  const chosen = choices ?? initialChoices(analysis.proposal);
  const decision = draftDecision(pkg, analysis.agg, analysis.proposal, chosen, {
    chairExpertId,
    decidedAt,
  });
  const findings = checkDeskDraft(decision, chosen, pkg, analysis);
  return { analysis, choices: chosen, decision, findings, canSign: !hasBlocking(findings) };
}

const isSheetList = (x: readonly ScoreSheet[] | DeskAnalysis): x is readonly ScoreSheet[] =>
  Array.isArray(x);

/**
 * The chair's draft after new sheets (a bundle or a paper transcription) changed the figures: the
 * desk reopens on the rules' proposal, nothing written on the new figures yet (db/meta.ts
 * `decisionDraft`, written in the import's own transaction).
 */
export const reopenedDraft = (
  packageId: string,
  savedAt: string,
): { packageId: string; choices: null; savedAt: string } => ({ packageId, choices: null, savedAt });

export interface PanelBundleInput {
  decision: PanelDecision;
  pkg: ReviewPackage;
  chair: { id: string; name: string; secretKey: Uint8Array };
  counter: number;
  /** The review package bundle this result answers. */
  packageManifestSha256?: string;
  /** Every sheet bundle the decision rests on, byte for byte (the chair's own included). */
  sheetBundles: readonly { expertId: string; manifestSha256: string; bytes: Uint8Array }[];
  /** Paper sheets typed in (转录), each beside the scan of its wet-signed original. */
  transcribed?: readonly PaperSheet[];
  /** The chair's audit chain as it travels (`audit.json`) and its head (in the manifest). */
  audit: { head: AuditHead; bytes: Uint8Array };
  crypto: CryptoProvider;
}

/** The panel result, signed: decision.json and every sheet bundle unchanged (not yet encrypted). */
export function buildPanelZip(input: PanelBundleInput): Promise<Uint8Array> {
  const { decision, chair, counter, audit } = input;
  return buildBundle({
    crypto: input.crypto,
    kind: 'panel-result',
    bundleId: `${decision.packageId}-PANEL-${counter}`,
    subject: { type: 'package', id: decision.packageId },
    signers: [{ role: 'chair', ...chair, counter, audit: audit.head }],
    answers: [
      ...(input.packageManifestSha256
        ? [{ kind: 'review-package' as const, manifestSha256: input.packageManifestSha256 }]
        : []),
      ...input.sheetBundles.map((g) => ({
        kind: 'expert-sheets' as const,
        manifestSha256: g.manifestSha256,
        ref: g.expertId,
      })),
    ],
    document: decision,
    files: new Map<string, Uint8Array>([
      ...input.sheetBundles.map((g): [string, Uint8Array] => [`sheets/${g.expertId}.jbx`, g.bytes]),
      ...(input.transcribed ?? []).flatMap((p): [string, Uint8Array][] => [
        [
          `paper/${p.record.sheet.expertId}.json`,
          new TextEncoder().encode(JSON.stringify(p.record)),
        ],
        [p.record.scan.path, p.scan],
      ]),
      ['audit.json', audit.bytes],
    ]),
  });
}

/** The panel result as it travels: signed, then encrypted to the bureau's age recipient. */
export async function buildPanelBundle(input: PanelBundleInput): Promise<Uint8Array> {
  return ageEncrypt(
    await buildPanelZip(input),
    { recipient: input.pkg.bureau.ageRecipient },
    input.crypto,
  );
}

/** A transcribed paper sheet and its scan's bytes, as the desk keeps them for the panel bundle. */
export interface PaperSheet {
  record: TranscribedSheet;
  scan: Uint8Array;
}

/**
 * The record of a paper sheet typed in: the sheet (read through `readSheetsCsv`, validated as at
 * every door), who typed it and when, who checked it (double entry), and the scan hashed
 * (`paper/<expertId>.<ext>`, the room format 2 of the bundle gives transcriptions).
 */
export function paperSheet(input: {
  sheet: ScoreSheet;
  scan: { bytes: Uint8Array; extension: string };
  transcribedBy: string;
  transcribedAt: string;
  checkedBy?: string;
  crypto: CryptoProvider;
}): PaperSheet {
  const record = TranscribedSheetSchema.parse({
    formatVersion: 1,
    sheet: input.sheet,
    scan: {
      path: `paper/${input.sheet.expertId}.${input.scan.extension.toLowerCase()}`,
      sha256: sha256HexWith(input.crypto, input.scan.bytes),
    },
    transcribedBy: input.transcribedBy,
    transcribedAt: input.transcribedAt,
    ...(input.checkedBy ? { checkedBy: input.checkedBy } : {}),
  });
  return { record, scan: input.scan.bytes };
}
