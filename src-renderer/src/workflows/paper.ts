/**
 * Paper scores in (issue 19): the secretary's transcription of the sheets experts scored on paper,
 * CSV or Excel workbook, read through the core's one reader (`readSheetsFile`: a CSV in GB18030,
 * UTF-8 or with a BOM; a workbook through main's XLSX door, the reader the bureau's templates use;
 * then the rubric's validation),
 * with the typist's name and the scan of the wet-signed paper (PDF, PNG or JPEG, hashed by
 * `paperSheet`). Double entry: a second typist's transcription of the same paper is compared cell
 * by cell (`compareTranscriptions`) and nothing is kept until the two agree. What is kept is sealed
 * in `meta` (`paperSheets`) with one audit entry naming the typist; the chair's signing carries
 * the transcriptions in the panel bundle (workflows/chair.ts).
 */
import { OWN_SHEET, whichSheetCounts } from '../../../src-shared/decision';
import type { ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import type { WorkbookReader } from '../../../src-shared/bureau';
import type { Api } from '../../../src-shared/ipc';
import {
  compareTranscriptions,
  readSheetsFile,
  type TranscriptionDifference,
} from '../../../src-shared/scoring';
import { checkScan, sharedScanWarnings } from '../../../src-shared/io';
import { cleanText } from '../../../src-shared/text/normalize';
import type { JiebangDB } from '../db/database';
import type { StoredPaperSheet } from '../db/meta';
import {
  commitChange,
  gatheredOfPackage,
  getDecision,
  getEnrolment,
  getMeta,
  getSheet,
} from '../db/repo';
import { listParam, message, type Message } from '../i18n/strings';
import type { Deps } from './deps';
import { paperSheet, reopenedDraft } from './desk';

/** A file as chosen: its name and bytes. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface PaperImportInput {
  pkg: ReviewPackage;
  /** The transcription (CSV in GB18030 or UTF-8, or an Excel workbook) and who typed it. */
  csv: ChosenFile | null;
  typist: string;
  /** The scan of the signed paper sheets the transcription was typed from. */
  scan: ChosenFile | null;
  /** Double entry: a second person's transcription of the same paper. */
  second?: { csv: ChosenFile | null; typist: string };
}

export type PaperImportOutcome =
  /** `warnings`: kept, and what to look at (one scan for several experts' sheets). */
  | { kind: 'imported'; experts: string[]; stored: StoredPaperSheet[]; warnings: Message[] }
  /** Nothing written: each problem names the file or field. */
  | { kind: 'refused'; problems: Message[] }
  /** Double entry: the two transcriptions differ in these cells; nothing written. */
  | { kind: 'differ'; differences: TranscriptionDifference[] };

/**
 * Once the panel result is signed (第十二条（五）), no sheet joins — a sheet bundle or a paper
 * transcription imported, or the chair's own sheet submitted on this device alike: it would change
 * the figures under the signed 专家组意见 and the meeting's forms printed from it. Corrections are
 * the bureau's at 审定 (第十二条（六）; docs/domain.md, 「Signed once」). The refusal says so, for
 * the door it came through; null while nothing is signed.
 */
export async function signedRefusal(
  db: JiebangDB,
  packageId: string,
  door: 'import' | 'submit' = 'import',
): Promise<Message | null> {
  if (!(await getDecision(db, packageId))) return null;
  return message(door === 'submit' ? 'chair.submitAfterSigned' : 'chair.importAfterSigned');
}

/** The transcribed sheets kept for the package. */
export async function loadPaperSheets(
  db: JiebangDB,
  packageId: string,
): Promise<StoredPaperSheet[]> {
  return ((await getMeta(db, 'paperSheets')) ?? []).filter(
    (p) => p.record.sheet.packageId === packageId,
  );
}

/** A person's name as typed: cleaned (invisible characters, widths), or the problem. */
function nameOf(raw: string, missing: Message): { name: string } | { problem: Message } {
  const cleaned = cleanText(raw);
  if (!cleaned.ok)
    return { problem: message('paper.badName', { name: raw, problem: cleaned.message }) };
  const name = cleaned.value.trim();
  if (name === '') return { problem: missing };
  if (name.length > 200) return { problem: message('paper.longName') };
  return { name };
}

/**
 * Main's XLSX door (`bureau:read-lists`, the reader of the bureau's templates) as the workbook
 * reader the one transcription reader takes: the worksheets as grids, or why the file is refused.
 */
export const workbookReader =
  (api: Pick<Api, 'bureau:read-lists'>): WorkbookReader =>
  async (bytes, name) => {
    const read = await api['bureau:read-lists']({ files: [{ name, bytes }] });
    const [problem] = read.problems;
    return problem === undefined
      ? { ok: true, value: read.grids }
      : { ok: false, message: problem };
  };

/** The transcription read through the one reader: the sheets, or every problem naming the file. */
async function readTranscription(pkg: ReviewPackage, file: ChosenFile, workbooks: WorkbookReader) {
  const read = await readSheetsFile(file, pkg, workbooks);
  return read.ok
    ? { sheets: read.sheets, problems: [] }
    : {
        sheets: [],
        // A refusal of the whole file (empty, too large, not what its name says) names the file
        // itself, at every door: said as it is, not 「empty.csv：empty.csv：…」; a row's problem
        // is prefixed with the file.
        problems: read.errors.map((e) =>
          e.startsWith(file.name)
            ? { text: e }
            : message('paper.csvProblem', { file: file.name, problem: e }),
        ),
      };
}

/**
 * The transcription's experts whose sheet would not count (`whichSheetCounts`, the rule every door
 * applies): those with a signed electronic sheet on this device — an imported sheet bundle, or the
 * chair's own submitted sheet — one refusal naming them all (each expert's sentence) and saying
 * what to do: remove their rows from the file and import again. (A transcription of an expert transcribed
 * before counts, and replaces the earlier one.)
 */
async function setAsideRows(
  db: JiebangDB,
  pkg: ReviewPackage,
  file: ChosenFile,
  sheets: readonly ScoreSheet[],
): Promise<Message[]> {
  const enrolment = await getEnrolment(db);
  const own = enrolment ? await getSheet(db, pkg.packageId, enrolment.expertId) : undefined;
  const signed = new Map<string, string>([
    ...(await gatheredOfPackage(db, pkg.packageId)).map((g): [string, string] => [
      g.expertId,
      `${g.expertId}.jbx`,
    ]),
    ...(own?.status === 'submitted' ? [[own.expertId, OWN_SHEET] satisfies [string, string]] : []),
  ]);
  const aside = sheets.flatMap((s) => {
    const origin = signed.get(s.expertId);
    if (origin === undefined) return [];
    const chosen = whichSheetCounts(
      { origin, standing: 'signed' },
      { origin: file.name, standing: 'paper' },
      s.expertId,
    );
    return chosen.counts === 'earlier' ? [{ expertId: s.expertId, sentence: chosen.sentence }] : [];
  });
  // One refusal for the file, saying what to do: remove those experts' rows and import again.
  return aside.length === 0
    ? []
    : [
        message('paper.setAside', {
          file: file.name,
          sentence: listParam(
            aside.map((a) => a.sentence),
            'clause',
          ),
          experts: listParam(aside.map((a) => a.expertId)),
        }),
      ];
}

/**
 * Imports a transcription: every input checked first (typist, scan, the file through `readSheetsFile`,
 * no sheet of an expert whose signed sheet counts instead, `setAsideRows`), then, for a double entry, the second
 * transcription compared cell by cell; only when all is well and the two agree are the sheets kept
 * (replacing an earlier transcription of the same expert) with one audit entry `paper.import`
 * naming the typist (and the checker), in one transaction. Refused or differing: nothing written.
 */
export async function importPaperTranscription(
  deps: Deps,
  actor: string,
  input: PaperImportInput,
  workbooks: WorkbookReader,
): Promise<PaperImportOutcome> {
  const { pkg } = input;
  const signed = await signedRefusal(deps.db, pkg.packageId);
  if (signed) return { kind: 'refused', problems: [signed] };
  const problems: Message[] = [];
  const typist = nameOf(input.typist, message('paper.noTypist'));
  if ('problem' in typist) problems.push(typist.problem);
  const second = input.second ? nameOf(input.second.typist, message('paper.noSecondTypist')) : null;
  if (second && 'problem' in second) problems.push(second.problem);
  if (second && 'name' in second && 'name' in typist && second.name === typist.name)
    problems.push(message('paper.sameTypist', { name: typist.name }));

  const scan = input.scan;
  // Its kind by its bytes, its bound, and whole (a PDF cut in half is refused): src-shared/io/scan.
  const checked = scan ? checkScan(scan.name, scan.bytes) : null;
  const extension = checked?.ok ? checked.value : null;
  if (!scan) problems.push(message('paper.noScan'));
  else if (checked && !checked.ok) problems.push({ text: checked.message });

  if (!input.csv) problems.push(message('paper.noCsv'));
  const first = input.csv ? await readTranscription(pkg, input.csv, workbooks) : null;
  if (first) problems.push(...first.problems);
  if (input.second && !input.second.csv) problems.push(message('paper.noSecondCsv'));
  const other = input.second?.csv
    ? await readTranscription(pkg, input.second.csv, workbooks)
    : null;
  if (other) problems.push(...other.problems);

  if (input.csv && first)
    problems.push(...(await setAsideRows(deps.db, pkg, input.csv, first.sheets)));

  if (problems.length > 0 || !first || !scan || !extension || !('name' in typist))
    return { kind: 'refused', problems };
  if (other) {
    const differences = compareTranscriptions(pkg, first.sheets, other.sheets);
    if (differences.length > 0) return { kind: 'differ', differences };
  }

  const at = deps.now().toISOString();
  const checkedBy = second && 'name' in second ? second.name : undefined;
  const stored = first.sheets.map((sheet): StoredPaperSheet => {
    const paper = paperSheet({
      sheet,
      scan: { bytes: scan.bytes, extension },
      transcribedBy: typist.name,
      transcribedAt: at,
      ...(checkedBy ? { checkedBy } : {}),
      crypto: deps.crypto,
    });
    return { record: paper.record, scan: paper.scan, scanName: scan.name };
  });
  const experts = stored.map((p) => p.record.sheet.expertId);
  const before = (await getMeta(deps.db, 'paperSheets')) ?? [];
  const kept = before.filter(
    (p) =>
      !(p.record.sheet.packageId === pkg.packageId && experts.includes(p.record.sheet.expertId)),
  );
  const warnings = sharedScanWarnings(
    { name: scan.name, sha256: stored[0]?.record.scan.sha256 ?? '' },
    experts,
    kept
      .filter((p) => p.record.sheet.packageId === pkg.packageId)
      .map((p) => ({
        expertId: p.record.sheet.expertId,
        sha256: p.record.scan.sha256,
        scanName: p.scanName,
      })),
  ).map((text): Message => ({ text }));
  await commitChange(
    deps.db,
    // New figures: the desk reopens on the rules' proposal, the draft before dropped with it.
    {
      meta: {
        paperSheets: [...kept, ...stored],
        decisionDraft: reopenedDraft(pkg.packageId, at),
      },
    },
    {
      actor,
      action: 'paper.import',
      target: `${pkg.packageId}:${experts.join(',')}`,
      details: {
        typist: typist.name,
        checkedBy: checkedBy ?? null,
        csv: input.csv?.name ?? '',
        scan: scan.name,
        scanSha256: stored[0]?.record.scan.sha256 ?? '',
      },
      at,
    },
  );
  return { kind: 'imported', experts, stored, warnings };
}
