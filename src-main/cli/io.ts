/**
 * The CLI's file door onto the one reader (src-shared/io): every file's size is checked against its
 * stated bound before it is read, then decoded and parsed there; errors name the file.
 */
import {
  ANSWERS_UNCHECKED_TEXT,
  KINDS,
  notAnsweringText,
  notKindText,
  openBundle,
} from '../../src-shared/bundle';
import type { AgeKey } from '../../src-shared/crypto/age';
import { nodeCrypto } from '../crypto/node-crypto';
import type { SheetSource } from '../../src-shared/decision';
import { capLines, looksLikeZip, readJson, READ_LIMITS } from '../../src-shared/io';
import { looksLikeAge } from '../../src-shared/crypto/age';
import {
  documentLabel,
  otherDocumentText,
  ScoreSheetSchema,
  type ReviewPackage,
} from '../../src-shared/model';
import { SHEET_LABELS } from '../../src-shared/model/labels';
import { describeSchemaIssues, readSheetsFile } from '../../src-shared/scoring';
import { writeFileAtomic } from '../fs/atomic-write';
import { resolve } from 'node:path';
import { describeFileError } from '../fs/errors';
import { readBounded, readBundleFile } from './bounded';
import { CliUsageError } from './types';

/**
 * `ANSWERS_UNCHECKED_TEXT` as a warning line, when signed sheets were read against a package given
 * as JSON (no signed file to check their `answers` against); null otherwise.
 */
export const answersUncheckedLine = (
  sources: readonly SheetSource[],
  packageManifestSha256: string | null,
): string | null =>
  packageManifestSha256 === null && sources.some((s) => s.standing === 'signed')
    ? `! ${ANSWERS_UNCHECKED_TEXT}\n`
    : null;

/** Sheet bundles are a few KiB; a bound well above that. */
const SHEET_BUNDLE_BYTES = 16 * 1024 * 1024;

export { boundedPath, readBounded } from './bounded';
export { parseReviewPackage, readJsonDocument, readJsonFile } from './json-io';
import { parseReviewPackage, readJsonDocument } from './json-io';

/**
 * Score sheets from files: JSON sheets, sheet bundles (.jbx, verified first; `keys` open an
 * encrypted one) and paper-sheet CSV (validated against the rubric there). Every unreadable or
 * malformed file is named, all at once; the rubric of JSON and bundle sheets is the caller's
 * (`gatherSheets`), so every door judges them the same way.
 */
export async function readSheetFiles(
  cwd: string,
  files: readonly string[],
  pkg: ReviewPackage,
  keys: readonly AgeKey[] = [],
  packageManifestSha256: string | null = null,
): Promise<SheetSource[]> {
  const sources: SheetSource[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const lower = file.toLowerCase();
    if (lower.endsWith('.csv') || lower.endsWith('.xlsx')) {
      // The one transcription reader (CSV or workbook), as the chair's paper import reads it.
      // The workbook reader (exceljs) is loaded here, when a sheet file needs it: every command
      // reads files through this module, and `jiebang verify` must not compile exceljs (issue 22).
      const { readWorkbook, XLSX_LIMITS } = await import('../xlsx/workbook');
      const result = await readSheetsFile(
        {
          name: file,
          bytes: await readBounded(
            cwd,
            file,
            lower.endsWith('.csv') ? READ_LIMITS.csvBytes : XLSX_LIMITS.fileBytes,
          ),
        },
        pkg,
        readWorkbook,
      );
      if (result.ok)
        sources.push(
          ...result.sheets.map((sheet) => ({ sheet, origin: file, standing: 'paper' as const })),
        );
      else problems.push(`${file}：`, ...result.errors.map((e) => `  ${e}`));
    } else if (lower.endsWith('.jbx')) {
      const opened = await openBundle(await readBounded(cwd, file, SHEET_BUNDLE_BYTES), {
        crypto: nodeCrypto,
        keys,
      });
      if (!opened.ok) problems.push(`${file}：文件包校验失败：${opened.error.message}`);
      else if (opened.bundle.kind !== 'expert-sheets')
        problems.push(`${file}：${notKindText('expert-sheets', opened.bundle.kind)}`);
      else {
        // Given the package's signed file, a sheet made for another file is not counted (the
        // chair's import refuses it in the same words).
        const other =
          packageManifestSha256 === null
            ? null
            : notAnsweringText(
                KINDS['expert-sheets'].label,
                opened.bundle.manifest.answers,
                packageManifestSha256,
              );
        if (other) problems.push(`${file}：${other}`);
        else sources.push({ sheet: opened.bundle.document, origin: file, standing: 'signed' });
      }
    } else {
      const parsed = ScoreSheetSchema.safeParse(await readJsonDocument(cwd, file, 'score-sheet'));
      if (parsed.success) sources.push({ sheet: parsed.data, origin: file, standing: 'unsigned' });
      else
        problems.push(
          `${file} 不是有效的评分表：`,
          ...describeSchemaIssues(parsed.error, SHEET_LABELS).map((m) => `  ${m}`),
        );
    }
  }
  if (problems.length > 0) throw new CliUsageError(capLines(problems).join('\n'));
  return sources;
}

/** Writes an output file whole or not at all (writeFileAtomic); a failure is a sentence naming it. */
export async function writeOutput(
  cwd: string,
  path: string,
  bytes: Uint8Array | string,
): Promise<void> {
  try {
    await writeFileAtomic(resolve(cwd, path), bytes);
  } catch (error) {
    throw new CliUsageError(describeFileError(error, path));
  }
}

/**
 * A bundle is told by its bytes (ZIP, or age-encrypted — of any version, so that another version
 * is refused as such by the bundle reader), whatever its file name.
 */
export const isBundle = (b: Uint8Array): boolean => looksLikeAge(b) || looksLikeZip(b);

/**
 * The review package from its JSON or from its signed bundle (verified first), with the signed
 * file's manifest SHA-256 — what the experts' sheet bundles cite in `answers` — or null for a JSON
 * file, against which no sheet's `answers` can be checked. The one reader of `--package` for
 * `score`, `check`, `export` and the print commands; `name` is how a refusal names the file.
 */
export async function openReviewPackage(
  cwd: string,
  path: string,
  name: string = path,
): Promise<{ pkg: ReviewPackage; manifestSha256: string | null }> {
  const bytes = await readBundleFile(cwd, path);
  if (isBundle(bytes)) {
    const opened = await openBundle(bytes, { crypto: nodeCrypto });
    if (!opened.ok) throw new CliUsageError(`${path}：文件包校验失败：${opened.error.message}`);
    if (opened.bundle.kind !== 'review-package')
      throw new CliUsageError(`${path}：${notKindText('review-package', opened.bundle.kind)}`);
    return { pkg: opened.bundle.document, manifestSha256: opened.bundle.manifestSha256 };
  }
  return { pkg: reviewPackageJson(bytes, path, name), manifestSha256: null };
}

/** The review package from its JSON or from its signed bundle (verified first). */
export async function loadReviewPackage(cwd: string, path: string): Promise<ReviewPackage> {
  return (await openReviewPackage(cwd, path)).pkg;
}

function reviewPackageJson(bytes: Uint8Array, path: string, name: string): ReviewPackage {
  const read = readJson(bytes, path, undefined, documentLabel('review-package'));
  if (!read.ok) throw new CliUsageError(read.message);
  const other = otherDocumentText(read.value, 'review-package');
  if (other) throw new CliUsageError(`${path}：${other}`);
  return parseReviewPackage(read.value, name);
}
