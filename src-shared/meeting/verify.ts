/**
 * 核验打印件 for the meeting's forms (issue 19): a code read off a signed paper form (or its QR
 * text) against the record the forms are made from — the review package, the sheets (a panel
 * bundle's signed and transcribed sheets, or sheet files) and the decision. `verifyFormPrint` is
 * the one function behind `jiebang verify-print --package …` and the 核验打印件 screen;
 * `formRecordFromFiles` reads the record from files as a door received them (bundles verified
 * first, decrypted with the keys given).
 */
import { KINDS, openBundle, panelResultSources } from '../bundle';
import type { AgeKey } from '../crypto/age';
import type { CryptoProvider } from '../crypto/provider';
import { gatherSheets, type SheetSource } from '../decision/gather';
import { capLines, readJson } from '../io';
import {
  PanelDecisionSchema,
  ReviewPackageSchema,
  ScoreSheetSchema,
  type PanelDecision,
  type ReviewPackage,
} from '../model';
import { aggregate } from '../scoring/aggregate';
import { printedCodeRefusal } from '../text/normalize';
import { compareForm, parseFormCode, type FormCheck, type FormInputs } from './build';
import { FORM_LABEL } from './layout';

/** What the forms are made from. */
export interface FormRecord {
  pkg: ReviewPackage;
  sources: readonly SheetSource[];
  decision: PanelDecision | null;
}

export type FormPrintVerdict =
  | { ok: true; check: FormCheck; code: string }
  /** The code or the record could not be judged: the sentence says why. */
  | { ok: false; reason: string };

/** The forms' inputs from a record: its sheets validated as at every door, then aggregated. */
export function formInputsOf(
  record: FormRecord,
): { ok: true; input: FormInputs } | { ok: false; reason: string } {
  const { pkg, sources, decision } = record;
  const gathered = gatherSheets(pkg, sources);
  if (gathered.problems.length > 0)
    return {
      ok: false,
      reason: `评分表未通过评分标准校验：${capLines(gathered.problems.map((p) => `${p.origin}：${p.message}`)).join('；')}`,
    };
  return {
    ok: true,
    input: {
      pkg,
      ...(sources.length > 0 ? { agg: aggregate(pkg, gathered.sheets) } : {}),
      ...(decision ? { decision } : {}),
    },
  };
}

/**
 * A printed form's code (64 hex digits as typed, spaces and case ignored, or the QR text
 * `jiebang:form:<kind>:<packageId>:<code>`) against the forms the record makes now: which form it
 * is, or why none matches. The same verdict from every door.
 */
export function verifyFormPrint(codeText: string, record: FormRecord): FormPrintVerdict {
  const printed = parseFormCode(codeText);
  if (!printed) return { ok: false, reason: printedCodeRefusal(codeText, 'jiebang:form:…') };
  const inputs = formInputsOf(record);
  if (!inputs.ok) return inputs;
  return { ok: true, code: printed.code, check: compareForm(printed, inputs.input) };
}

/** The verdict as one line, as the command line prints it and the screen shows it. */
export function describeFormVerdict(verdict: FormPrintVerdict, packageId: string): string {
  if (!verdict.ok) return `✗ ${verdict.reason}`;
  return verdict.check.match
    ? `✓ 一致：打印件是评审包 ${packageId} 的${FORM_LABEL[verdict.check.layout.form]}`
    : `✗ 不一致：打印件核验码 ${verdict.code}：${verdict.check.reason}。`;
}

const looksLikeJson = (bytes: Uint8Array): boolean => {
  for (const b of bytes) {
    if (
      b === 0xef ||
      b === 0xbb ||
      b === 0xbf ||
      b === 0x20 ||
      b === 0x0a ||
      b === 0x0d ||
      b === 0x09
    )
      continue;
    return b === 0x7b;
  }
  return false;
};

/**
 * The record from the files chosen: a review package (signed bundle or JSON), and optionally a
 * panel bundle (its decision, signed sheets and transcribed paper sheets), sheet bundles or sheet
 * JSON, a decision JSON. Every bundle is verified first (an encrypted one opened with `keys`); a
 * file that is none of these is refused by name.
 */
export async function formRecordFromFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  crypto: CryptoProvider,
  keys: readonly AgeKey[],
): Promise<{ ok: true; record: FormRecord } | { ok: false; reason: string }> {
  let pkg: ReviewPackage | null = null;
  let decision: PanelDecision | null = null;
  const sources: SheetSource[] = [];
  for (const file of files) {
    if (looksLikeJson(file.bytes)) {
      const read = readJson(file.bytes, file.name);
      if (!read.ok) return { ok: false, reason: read.message };
      const asPkg = ReviewPackageSchema.safeParse(read.value);
      const asDecision = PanelDecisionSchema.safeParse(read.value);
      const asSheet = ScoreSheetSchema.safeParse(read.value);
      if (asPkg.success) pkg = asPkg.data;
      else if (asDecision.success) decision = asDecision.data;
      else if (asSheet.success)
        sources.push({ sheet: asSheet.data, origin: file.name, standing: 'unsigned' });
      else
        return {
          ok: false,
          reason: `${file.name} 不是评审包、评分表或专家组意见（JSON）`,
        };
      continue;
    }
    const opened = await openBundle(file.bytes, { crypto, keys });
    if (!opened.ok)
      return { ok: false, reason: `${file.name}：文件包校验失败：${opened.error.message}` };
    const b = opened.bundle;
    switch (b.kind) {
      case 'review-package':
        pkg = b.document;
        break;
      case 'panel-result':
        decision = b.document;
        sources.push(...panelResultSources(b, file.name));
        break;
      case 'expert-sheets':
        sources.push({ sheet: b.document, origin: file.name, standing: 'signed' });
        break;
      default:
        return {
          ok: false,
          reason: `${file.name} 是${KINDS[b.kind].label}文件包，不是评审包、评审结果或评分表`,
        };
    }
  }
  if (!pkg) return { ok: false, reason: '请同时选择评审包（.jbx 或 .json）：表格由评审包生成' };
  return { ok: true, record: { pkg, sources, decision } };
}
