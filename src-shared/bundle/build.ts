/**
 * Building a format-2 bundle: payload → SHA256SUMS → manifest → one signature per signer → ZIP
 * → (age). The kinds registry is consulted exactly as when the bundle is opened, so nothing is
 * signed that the receiver would refuse.
 */
import { EMPTY_HEAD, type AuditHead } from '../audit/head';
import { ageEncrypt, type AgeTarget } from '../crypto/age';
import { fingerprint, publicKeyOf, publicKeyToPem, sign } from '../crypto/keys';
import { sha256HexWith, type CryptoProvider } from '../crypto/provider';
import { KINDS, type BundleKind, type DocumentOf, type KindContext } from './kinds';
import { formatSums, ManifestV2Schema, viewOfV2, type Answer } from './manifest';
import { openBundle } from './open';
import { AUDIT_FILE, checkAuditFile, manifestProblem, payloadPathAllowed } from './rules';
import type { SignerRole, Subject } from './terms';
import type { OnProgress } from './types';
import { writeZip } from './zip';

export interface SignerInput {
  role: SignerRole;
  id: string;
  name: string;
  secretKey: Uint8Array;
  /** Above every counter this key has signed before (the receiver refuses replays). */
  counter: number;
  /** The signer's audit chain now (`EMPTY_HEAD` for a signer that keeps none, like the CLI). */
  audit: AuditHead;
}

export interface BuildInput<K extends BundleKind> {
  crypto: CryptoProvider;
  kind: K;
  bundleId: string;
  subject: Subject;
  /** The author first (whose device made it; its chain goes in `audit.json`), then co-signers. */
  signers: readonly [SignerInput, ...SignerInput[]];
  answers?: readonly Answer[];
  document: DocumentOf<K>;
  /** Other payload files (attachments/…, sheets/….jbx, paper/…, audit.json, photos/…). */
  files?: ReadonlyMap<string, Uint8Array>;
  encryptTo?: AgeTarget;
  createdAt?: string;
  onProgress?: OnProgress;
}

/** What would make the bundle refused; nothing is signed. */
export class BundleBuildError extends Error {
  override name = 'BundleBuildError';
}

const encoder = new TextEncoder();

/** Builds and signs a bundle (format 2). @throws {BundleBuildError} naming what is wrong. */
export async function buildBundle<K extends BundleKind>(input: BuildInput<K>): Promise<Uint8Array> {
  const { crypto } = input;
  const spec = KINDS[input.kind];
  const parsed = spec.schema.safeParse(input.document);
  if (!parsed.success)
    throw new BundleBuildError(
      `${spec.main} 不符合数据格式，未签名：${parsed.error.issues[0]?.message ?? ''}`,
    );

  const payload = new Map<string, Uint8Array>();
  payload.set(spec.main, encoder.encode(`${JSON.stringify(parsed.data, null, 2)}\n`));
  for (const [path, bytes] of input.files ?? new Map<string, Uint8Array>()) {
    if (path === spec.main || !payloadPathAllowed(input.kind, path))
      throw new BundleBuildError(`${spec.label}不允许包含文件：${path}`);
    payload.set(path, bytes);
  }
  let total = 0;
  for (const b of payload.values()) total += b.byteLength;
  const hashes = new Map<string, string>();
  let done = 0;
  for (const [path, bytes] of payload) {
    hashes.set(path, sha256HexWith(crypto, bytes));
    done += bytes.byteLength;
    input.onProgress?.({ phase: 'sign', done, total });
  }
  const sumsBytes = encoder.encode(formatSums(hashes));
  const keys = input.signers.map((s) => publicKeyOf(s.secretKey));
  const checked = ManifestV2Schema.safeParse({
    format: 'jiebang-bundle',
    formatVersion: 2,
    kind: input.kind,
    bundleId: input.bundleId,
    subject: input.subject,
    signers: input.signers.map((s, i) => ({
      role: s.role,
      id: s.id,
      name: s.name,
      fingerprint: fingerprint(keys[i] ?? new Uint8Array()),
      counter: s.counter,
      audit: s.audit,
    })),
    createdAt: input.createdAt ?? new Date().toISOString(),
    answers: input.answers ?? [],
    sha256sums: sha256HexWith(crypto, sumsBytes),
  });
  if (!checked.success)
    throw new BundleBuildError(
      `清单不符合格式，未签名：${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  const manifest = checked.data;
  const view = viewOfV2(manifest);
  if (!view) throw new BundleBuildError('没有签名者');
  const problem = manifestProblem(view);
  if (problem) throw new BundleBuildError(`${problem}，未签名`);
  const auditBytes = payload.get(AUDIT_FILE);
  if (auditBytes) {
    const audit = checkAuditFile(auditBytes, view.signers[0].audit);
    if (!audit.ok) throw new BundleBuildError(`${audit.message}，未签名`);
  }
  const ctx: KindContext = {
    manifest: view,
    files: payload,
    hashes,
    isNested: false,
    openInner: (bytes) => openBundle(bytes, { crypto, nested: true }),
  };
  const accepted = await spec.accept(parsed.data, ctx);
  if (!accepted.ok) throw new BundleBuildError(`${accepted.message}，未签名`);

  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const files = new Map<string, Uint8Array>([['manifest.json', manifestBytes]]);
  input.signers.forEach((s, i) => {
    files.set(`signatures/${i + 1}.sig`, sign(manifestBytes, s.secretKey));
    files.set(
      `signatures/${i + 1}.pem`,
      encoder.encode(publicKeyToPem(keys[i] ?? new Uint8Array())),
    );
  });
  files.set('SHA256SUMS', sumsBytes);
  for (const [path, bytes] of payload) files.set(path, bytes);
  input.onProgress?.({ phase: 'zip', done: 0, total });
  const zip = writeZip(files, crypto);
  input.onProgress?.({ phase: 'zip', done: total, total });
  if (!input.encryptTo) return zip;
  return ageEncrypt(zip, input.encryptTo, crypto, (d, t) =>
    input.onProgress?.({ phase: 'encrypt', done: d, total: t }),
  );
}

type Common = Pick<BuildInput<BundleKind>, 'crypto' | 'encryptTo' | 'createdAt' | 'onProgress'>;

/** The bureau's review package (`jiebang pack`, and tests): subject the package, one signer. */
export function buildReviewPackage(
  input: Common & {
    pkg: DocumentOf<'review-package'>;
    secretKey: Uint8Array;
    counter: number;
    files?: ReadonlyMap<string, Uint8Array>;
  },
): Promise<Uint8Array> {
  const { pkg, secretKey, counter, files, ...common } = input;
  return buildBundle({
    ...common,
    kind: 'review-package',
    bundleId: `${pkg.packageId}-RP-${counter}`,
    subject: { type: 'package', id: pkg.packageId },
    signers: [
      {
        role: 'bureau',
        id: 'bureau',
        name: pkg.bureau.name,
        secretKey,
        counter,
        audit: EMPTY_HEAD,
      },
    ],
    document: pkg,
    ...(files ? { files } : {}),
  });
}

/** An expert's (or the chair's own) sheet bundle, answering the review package's manifest. */
export function buildSheetBundle(
  input: Common & {
    sheet: DocumentOf<'expert-sheets'>;
    signer: Omit<SignerInput, 'id' | 'role'> & { role?: 'expert' | 'chair' };
    /** The review package's manifest SHA-256. */
    answers?: string;
    files?: ReadonlyMap<string, Uint8Array>;
  },
): Promise<Uint8Array> {
  const { sheet, signer, answers, files, ...common } = input;
  return buildBundle({
    ...common,
    kind: 'expert-sheets',
    bundleId: `${sheet.packageId}-${sheet.expertId}-${signer.counter}`,
    subject: { type: 'package', id: sheet.packageId },
    signers: [{ ...signer, role: signer.role ?? 'expert', id: sheet.expertId }],
    answers: answers ? [{ kind: 'review-package', manifestSha256: answers }] : [],
    document: sheet,
    ...(files ? { files } : {}),
  });
}
