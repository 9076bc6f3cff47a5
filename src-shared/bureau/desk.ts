/**
 * The bureau's use cases shared by its two doors (issue 18): the command line (`jiebang package
 * new|sign`, `jiebang ingest --package`) and the bureau's desk in the app call these same
 * functions, so a rule of the measures is decided in one place.
 *
 * - `readLists` / `attachmentIndex`: the bureau's lists (workbooks and CSV) and the proposal files
 *   beside them, as grids and content hashes for `packageFromGrids`;
 * - `signReviewPackage`: every rule (`checkReviewPackage`), the registered and pinned bureau key,
 *   the bundle built, opened again and judged by the import policy every installation applies,
 *   optionally encrypted with a passphrase, and the paper notice to compare;
 * - `acceptSignedPackage`: a review package bundle counted as this bureau's only when one of its
 *   keys signed it.
 * Pure: reading files, the PDF and the workbook parser stay with the caller (main).
 */
import { EMPTY_HEAD } from '../audit/head';
import {
  applyImport,
  buildBundle,
  buildReviewPackage,
  BundleBuildError,
  checkImport,
  notKindText,
  openBundle,
  type InspectionAssignment,
  type OpenedBundle,
  type TrustState,
} from '../bundle';
import { ageEncrypt } from '../crypto/age';
import { fingerprint, formatFingerprint, publicKeyOf, publicKeyToPem } from '../crypto/keys';
import { sha256HexWith, type CryptoProvider } from '../crypto/provider';
import { extensionMismatch, type ReadResult } from '../io';
import { assignmentChecklist, describeChecklistProblem } from '../inspection/checklist';
import type { ReviewPackage } from '../model';
import { checkReviewPackage, hasBlocking, type Finding } from '../rules';
import type { SignedPackage } from './ingest';
import { readCsvGrid, type Grid } from './grid';
import { packageNotice, type Notice } from './notice';
import type { FolderFile } from './package-from-grids';

/** A file as a door received it: its name and its bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Reads an Excel workbook into grids (exceljs lives in main; the CLI and main's handler pass it). */
export type WorkbookReader = (bytes: Uint8Array, name: string) => Promise<ReadResult<Grid[]>>;

const LIST_EXTENSIONS = ['.xlsx', '.xls', '.csv'];
const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
};
const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** A bureau list (workbook or CSV) rather than a proposal file. */
export const isListFile = (name: string): boolean =>
  LIST_EXTENSIONS.includes(extensionOf(baseName(name)));

/**
 * The lists as grids: a CSV names its table by its file name (`揭榜方.csv`, `applicants.csv`), a
 * workbook by its sheets. Every file that cannot be read is named in `problems`.
 */
export async function readLists(
  files: readonly NamedBytes[],
  readWorkbook: WorkbookReader,
): Promise<{ grids: Grid[]; problems: string[] }> {
  const grids: Grid[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const name = baseName(f.name);
    const ext = extensionOf(name);
    // What the file is, by its bytes: an .xlsx renamed .csv is said to be a workbook (sniff.ts).
    const mismatch = extensionMismatch(name, f.bytes);
    if (mismatch) {
      problems.push(mismatch);
      continue;
    }
    const read =
      ext === '.csv'
        ? readCsvGrid(f.bytes, name, name.slice(0, name.length - ext.length))
        : await readWorkbook(f.bytes, name);
    if (!read.ok) problems.push(read.message);
    else grids.push(...(Array.isArray(read.value) ? read.value : [read.value]));
  }
  return { grids, problems };
}

/** The proposal files by name, as `packageFromGrids` registers them (size and SHA-256). */
export function attachmentIndex(
  files: readonly NamedBytes[],
  crypto: CryptoProvider,
): Map<string, FolderFile> {
  return new Map(
    files.map((f): [string, FolderFile] => [
      baseName(f.name),
      { size: f.bytes.byteLength, sha256: sha256HexWith(crypto, f.bytes) },
    ]),
  );
}

export interface SignInput {
  crypto: CryptoProvider;
  pkg: ReviewPackage;
  /** The bureau's Ed25519 secret key (kept by main; never in the renderer). */
  secretKey: Uint8Array;
  /** The bureau's import-policy state: its pinned key and the counters it signed. */
  trust: TrustState;
  /** The bundle's counter; default one above the last this key signed. */
  counter?: number;
  /** Every attachment the package registers, by its path in the package. */
  files: ReadonlyMap<string, Uint8Array>;
  /** The passphrase to encrypt the file with (age scrypt), or null for a plain signed file. */
  passphrase: string | null;
  /** The file's name as handed out (for the notice). */
  file: string;
}

export type SignResult =
  | {
      ok: true;
      /** The file to hand out (encrypted when a passphrase was given). */
      bytes: Uint8Array;
      /** The signed bundle unencrypted, as the bureau keeps it. */
      zip: Uint8Array;
      manifestSha256: string;
      fingerprint: string;
      counter: number;
      notice: Notice;
      /** The trust state after signing (the key pinned, its counter recorded). */
      trust: TrustState;
      /** Findings that do not block (warnings, notes), each with its article. */
      findings: Finding[];
    }
  | { ok: false; reason: string; findings: Finding[] };

const refuse = (reason: string, findings: Finding[] = []): SignResult => ({
  ok: false,
  reason,
  findings,
});

/**
 * Signs a review package as the bureau (issue 17 `jiebang package sign`; issue 18 the desk's
 * 签发): refused, nothing made, on a blocking finding (each with its article), a key other than
 * the one the package registers or the bureau pinned (rotation is `key rotate`), a package that
 * does not build, or a bundle the import policy would refuse.
 */
export async function signReviewPackage(input: SignInput): Promise<SignResult> {
  const { crypto, pkg, secretKey, trust } = input;
  const findings = checkReviewPackage(pkg);
  if (hasBlocking(findings))
    return refuse(
      `评审包有阻断问题，未签名：\n  ${findings
        .filter((f) => f.severity === 'blocking')
        .map((f) => `✗ [${f.article}] ${f.message}`)
        .join('\n  ')}`,
      findings,
    );
  const fp = fingerprint(publicKeyOf(secretKey));
  const registered = pkg.bureau.signingKeyFingerprint?.replace(/\s/g, '');
  if (registered && registered !== fp)
    return refuse(
      `评审包登记的市科技局密钥指纹与签名密钥不符（登记 ${formatFingerprint(registered)}，密钥 ${formatFingerprint(fp)}），未签名`,
      findings,
    );
  if (trust.bureauFingerprint && trust.bureauFingerprint !== fp)
    return refuse(
      `本局固定的市科技局密钥是 ${formatFingerprint(trust.bureauFingerprint)}，签名密钥是 ${formatFingerprint(fp)}；更换密钥请先轮换密钥（key rotate），未签名`,
      findings,
    );
  const counter = input.counter ?? (trust.counters[fp] ?? 0) + 1;
  let zip: Uint8Array;
  try {
    zip = await buildReviewPackage({
      crypto,
      pkg: { ...pkg, bureau: { ...pkg.bureau, signingKeyFingerprint: fp } },
      secretKey,
      counter,
      files: input.files,
    });
  } catch (error) {
    if (error instanceof BundleBuildError) return refuse(error.message, findings);
    throw error;
  }
  const opened = await openBundle(zip, { crypto });
  if (!opened.ok) return refuse(`签名后的文件包未通过自检：${opened.error.message}`, findings);
  // The same import policy every installation applies: the pin, and a counter above the last.
  const verdict = checkImport(opened.bundle, trust);
  if (verdict.action === 'refuse') return refuse(`${verdict.reason}，未签名`, findings);
  const { passphrase } = input;
  const bytes = passphrase ? await ageEncrypt(zip, { passphrase }, crypto) : zip;
  const notice = packageNotice({
    pkg,
    file: input.file,
    fileSha256: sha256HexWith(crypto, bytes),
    manifestSha256: opened.bundle.manifestSha256,
    fingerprint: fp,
    counter,
    createdAt: opened.bundle.manifest.createdAt,
    passphrase,
  });
  return {
    ok: true,
    bytes,
    zip,
    manifestSha256: opened.bundle.manifestSha256,
    fingerprint: fp,
    counter,
    notice,
    trust: applyImport(trust, opened.bundle, verdict),
    findings,
  };
}

/**
 * A review package bundle accepted as this bureau's (for ingest): one of the bureau's keys — the
 * pinned one or one rotated away — signed it. `file` names it in the refusal.
 */
export function acceptSignedPackage(
  bundle: OpenedBundle,
  trust: TrustState,
  file: string,
): { ok: true; signed: SignedPackage } | { ok: false; reason: string } {
  if (bundle.kind !== 'review-package')
    return {
      ok: false,
      reason: `所给的 --package ${file}：${notKindText('review-package', bundle.kind)}`,
    };
  const signer = bundle.manifest.signers[0].fingerprint;
  const ours = new Set([
    ...(trust.bureauFingerprint ? [trust.bureauFingerprint] : []),
    ...trust.retiredBureauKeys,
  ]);
  if (!ours.has(signer))
    return {
      ok: false,
      reason: trust.bureauFingerprint
        ? `所给的评审包 ${file} 不是本局密钥签发的（签名者 ${formatFingerprint(signer)}，本局 ${formatFingerprint(trust.bureauFingerprint)}）`
        : `数据目录中尚无本局的签名密钥：请用 --bureau-key 给出本局公钥（signing.pub），以确认 ${file} 是本局签发的`,
    };
  return {
    ok: true,
    signed: {
      pkg: bundle.document,
      manifestSha256: bundle.manifestSha256,
      signerFingerprint: signer,
    },
  };
}

export interface RotationInput {
  crypto: CryptoProvider;
  oldKey: Uint8Array;
  newKey: Uint8Array;
  /** The bureau's trust state; its pin, when set, must be the old key. */
  trust: TrustState;
  /** YYYY-MM-DD from which the new key signs. */
  effective: string;
  reason?: string;
  /** The bureau's name as it signs (default 市科学技术局). */
  name?: string;
}

export type RotationResult =
  | {
      ok: true;
      bytes: Uint8Array;
      oldFingerprint: string;
      newFingerprint: string;
      trust: TrustState;
    }
  | { ok: false; reason: string };

/**
 * The key-rotation bundle (issue 17 `jiebang key rotate`; the desk's 轮换密钥): the new public key
 * signed by the old key and by the new one, judged by the import policy of an installation that
 * pinned the old key; the trust state after it pins the new key.
 */
export async function rotateBureauKey(input: RotationInput): Promise<RotationResult> {
  const { crypto, oldKey, newKey } = input;
  const oldFp = fingerprint(publicKeyOf(oldKey));
  const newFp = fingerprint(publicKeyOf(newKey));
  if (oldFp === newFp) return { ok: false, reason: '新旧密钥是同一个密钥，未更换' };
  if (input.trust.bureauFingerprint && input.trust.bureauFingerprint !== oldFp)
    return {
      ok: false,
      reason: `本局固定的市科技局密钥是 ${formatFingerprint(input.trust.bureauFingerprint)}，不是旧密钥 ${formatFingerprint(oldFp)}；未更换`,
    };
  // The bureau's own state: its current key is the one being rotated away.
  const trust = { ...input.trust, bureauFingerprint: oldFp };
  const name = input.name ?? '市科学技术局';
  const next = (fp: string) => (trust.counters[fp] ?? 0) + 1;
  let bytes: Uint8Array;
  try {
    bytes = await buildBundle({
      crypto,
      kind: 'key-rotation',
      bundleId: `ROT-${newFp.slice(0, 16)}`,
      subject: { type: 'key', id: oldFp },
      signers: [
        {
          role: 'bureau',
          id: 'bureau',
          name,
          secretKey: oldKey,
          counter: next(oldFp),
          audit: EMPTY_HEAD,
        },
        {
          role: 'bureau',
          id: 'bureau',
          name: `${name}（新密钥）`,
          secretKey: newKey,
          counter: next(newFp),
          audit: EMPTY_HEAD,
        },
      ],
      document: {
        formatVersion: 1,
        role: 'bureau',
        previous: { fingerprint: oldFp },
        next: { fingerprint: newFp, publicKeyPem: publicKeyToPem(publicKeyOf(newKey)) },
        effectiveFrom: input.effective,
        reason: input.reason ?? '更换市科技局签名密钥',
      },
    });
  } catch (error) {
    if (error instanceof BundleBuildError) return { ok: false, reason: error.message };
    throw error;
  }
  const opened = await openBundle(bytes, { crypto });
  if (!opened.ok) return { ok: false, reason: `密钥更换文件包未通过自检：${opened.error.message}` };
  const verdict = checkImport(opened.bundle, trust);
  if (verdict.action !== 'import')
    return {
      ok: false,
      reason: `${verdict.action === 'refuse' ? verdict.reason : '此密钥更换已导入过'}；未更换`,
    };
  return {
    ok: true,
    bytes,
    oldFingerprint: oldFp,
    newFingerprint: newFp,
    trust: applyImport(trust, opened.bundle, verdict),
  };
}

/**
 * A passphrase for a package on a USB stick: 24 letters and digits in groups of four (no 0/O,
 * 1/l/i), about 119 bits, easy to read aloud from the notice.
 */
export function newPassphrase(crypto: CryptoProvider): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars: string[] = [];
  while (chars.length < 24)
    for (const b of crypto.randomBytes(32))
      // Bytes past the last whole multiple of the alphabet are skipped: no modulo bias.
      if (chars.length < 24 && b < alphabet.length * 8)
        chars.push(alphabet[b % alphabet.length] ?? '');
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

export interface AssignmentSignInput {
  crypto: CryptoProvider;
  assignment: InspectionAssignment;
  /** The bureau's Ed25519 secret key. */
  secretKey: Uint8Array;
  /** The bureau's import-policy state: its pinned key and the counters it signed. */
  trust: TrustState;
  /** The bureau's name as it signs (default: the assignment's `reportTo`). */
  name?: string;
  counter?: number;
}

export type AssignmentSignResult =
  | { ok: true; bytes: Uint8Array; manifestSha256: string; counter: number; trust: TrustState }
  | { ok: false; reason: string };

/**
 * Signs an inspection assignment (实地考察任务, issue 20; 第十二条（二）评榜, （八）实施管理) as the
 * bureau: refused when the key is not the pinned one; the bundle opened again and judged by the
 * import policy every installation applies. The desk keeps it; the team's report must answer it.
 */
export async function signAssignment(input: AssignmentSignInput): Promise<AssignmentSignResult> {
  const { crypto, assignment: a, secretKey, trust } = input;
  // The checklist by the one rule every door applies (an empty list is refused, not read as the
  // template): the desk judges it before asking main to sign, the command line only here.
  const checklist = assignmentChecklist(a.checklist, a.subject.type);
  if (!checklist.ok) return { ok: false, reason: describeChecklistProblem(checklist.problem) };
  const fp = fingerprint(publicKeyOf(secretKey));
  if (trust.bureauFingerprint && trust.bureauFingerprint !== fp)
    return {
      ok: false,
      reason: `本局固定的市科技局密钥是 ${formatFingerprint(trust.bureauFingerprint)}，签名密钥是 ${formatFingerprint(fp)}；未签名`,
    };
  const counter = input.counter ?? (trust.counters[fp] ?? 0) + 1;
  let bytes: Uint8Array;
  try {
    bytes = await buildBundle({
      crypto,
      kind: 'inspection-assignment',
      bundleId: `${a.assignmentId}-${counter}`,
      subject: a.subject,
      signers: [
        {
          role: 'bureau',
          id: 'bureau',
          name: input.name ?? a.reportTo.name,
          secretKey,
          counter,
          audit: EMPTY_HEAD,
        },
      ],
      document: a,
    });
  } catch (error) {
    if (error instanceof BundleBuildError) return { ok: false, reason: error.message };
    throw error;
  }
  const opened = await openBundle(bytes, { crypto });
  if (!opened.ok) return { ok: false, reason: `签名后的文件包未通过自检：${opened.error.message}` };
  const verdict = checkImport(opened.bundle, trust);
  if (verdict.action === 'refuse') return { ok: false, reason: `${verdict.reason}，未签名` };
  return {
    ok: true,
    bytes,
    manifestSha256: opened.bundle.manifestSha256,
    counter,
    trust: applyImport(trust, opened.bundle, verdict),
  };
}
