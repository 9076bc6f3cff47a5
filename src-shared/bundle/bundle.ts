/**
 * Build and open signed (optionally age-encrypted) bundles. Opening verifies everything in a
 * fixed order and stops at the first failure with a message that names exactly what failed;
 * the caller writes nothing unless it gets `ok: true`.
 */
import type { z } from 'zod';
import { ageDecrypt, ageEncrypt, isAgeFile, type AgeKey, type AgeTarget } from '../crypto/age';
import {
  fingerprint,
  publicKeyFromPem,
  publicKeyOf,
  publicKeyToPem,
  sha256Hex,
  sign,
  verify,
} from '../crypto/keys';
import type {
  InspectionReport,
  PanelDecision,
  ReviewPackage,
  ScoreSheet,
  TaskBook,
} from '../model';
import {
  formatSums,
  KIND_LABEL,
  KIND_SPEC,
  ManifestSchema,
  parseSums,
  RESERVED,
  type BundleKind,
  type Manifest,
} from './manifest';
import { DEFAULT_LIMITS, readZip, writeZip, ZipError, type ZipLimits } from './zip';

export type BundleErrorCode =
  | 'not-a-bundle'
  | 'needs-key'
  | 'decrypt-failed'
  | 'zip-malformed'
  | 'zip-unsafe-path'
  | 'zip-duplicate'
  | 'zip-link'
  | 'zip-limits'
  | 'missing-entry'
  | 'extra-entry'
  | 'bad-signer-key'
  | 'bad-signature'
  | 'bad-manifest'
  | 'sums-mismatch'
  | 'checksum-mismatch'
  | 'bad-payload'
  | 'inner-bundle';

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface BundleError {
  code: BundleErrorCode;
  message: string;
}

export type Progress = {
  phase: 'encrypt' | 'decrypt' | 'zip' | 'unzip' | 'verify' | 'sign';
  done: number;
  total: number;
};
export type OnProgress = (p: Progress) => void;

interface DocumentByKind {
  'review-package': ReviewPackage;
  'expert-sheets': ScoreSheet;
  'panel-result': PanelDecision;
  'inspection-report': InspectionReport;
  'task-book': TaskBook;
}

export type OpenedBundle = {
  [K in BundleKind]: {
    kind: K;
    manifest: Manifest;
    /** SHA-256 of manifest.json: what other bundles cite in `answers`. */
    manifestSha256: string;
    /** SHA-256 of the file as given (before decryption). */
    fileSha256: string;
    wasEncrypted: boolean;
    document: DocumentByKind[K];
    /** Every payload file, verified against SHA256SUMS (main document included). */
    files: Map<string, Uint8Array>;
    /** For a panel result: each inner sheet bundle, opened and verified. */
    inner: OpenedBundle[];
    checks: Check[];
  };
}[BundleKind];

export type OpenResult =
  { ok: true; bundle: OpenedBundle } | { ok: false; error: BundleError; checks: Check[] };

export interface BuildInput<K extends BundleKind> {
  kind: K;
  bundleId: string;
  packageId: string;
  signer: { role: Manifest['signer']['role']; id: string; name: string; secretKey: Uint8Array };
  counter: number;
  answers?: Manifest['answers'];
  document: DocumentByKind[K];
  /** Other payload files (attachments/…, sheets/….jbx, audit.json, photos/…). */
  files?: ReadonlyMap<string, Uint8Array>;
  encryptTo?: AgeTarget;
  createdAt?: string;
  onProgress?: OnProgress;
}

const encoder = new TextEncoder();

function totalBytes(files: ReadonlyMap<string, Uint8Array>): number {
  let n = 0;
  for (const b of files.values()) n += b.byteLength;
  return n;
}

/** Builds a bundle: payload → SHA256SUMS → manifest → signature → ZIP → (age). */
export async function buildBundle<K extends BundleKind>(input: BuildInput<K>): Promise<Uint8Array> {
  const spec = KIND_SPEC[input.kind];
  const payload = new Map<string, Uint8Array>();
  payload.set(spec.main, encoder.encode(`${JSON.stringify(input.document, null, 2)}\n`));
  for (const [path, bytes] of input.files ?? new Map<string, Uint8Array>()) {
    if (!spec.extra.test(path)) throw new Error(`${KIND_LABEL[input.kind]}不允许包含文件：${path}`);
    payload.set(path, bytes);
  }
  const total = totalBytes(payload);
  const sums = new Map<string, string>();
  let done = 0;
  for (const [path, bytes] of payload) {
    sums.set(path, sha256Hex(bytes));
    done += bytes.byteLength;
    input.onProgress?.({ phase: 'sign', done, total });
  }
  const sumsBytes = encoder.encode(formatSums(sums));
  const publicKey = publicKeyOf(input.signer.secretKey);
  const manifest: Manifest = ManifestSchema.parse({
    format: 'jiebang-bundle',
    formatVersion: 1,
    kind: input.kind,
    bundleId: input.bundleId,
    packageId: input.packageId,
    signer: {
      role: input.signer.role,
      id: input.signer.id,
      name: input.signer.name,
      fingerprint: fingerprint(publicKey),
    },
    createdAt: input.createdAt ?? new Date().toISOString(),
    counter: input.counter,
    answers: input.answers ?? [],
    sha256sums: sha256Hex(sumsBytes),
  });
  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const files = new Map<string, Uint8Array>([
    ['manifest.json', manifestBytes],
    ['manifest.sig', sign(manifestBytes, input.signer.secretKey)],
    ['signer.pem', encoder.encode(publicKeyToPem(publicKey))],
    ['SHA256SUMS', sumsBytes],
    ...payload,
  ]);
  input.onProgress?.({ phase: 'zip', done: 0, total });
  const zip = writeZip(files);
  input.onProgress?.({ phase: 'zip', done: total, total });
  if (!input.encryptTo) return zip;
  input.onProgress?.({ phase: 'encrypt', done: 0, total: zip.byteLength });
  const sealed = await ageEncrypt(zip, input.encryptTo);
  input.onProgress?.({ phase: 'encrypt', done: zip.byteLength, total: zip.byteLength });
  return sealed;
}

export interface OpenOptions {
  keys?: readonly AgeKey[];
  limits?: ZipLimits;
  onProgress?: OnProgress;
  /** Internal: nesting depth (a panel result holds sheet bundles, which hold nothing). */
  depth?: number;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

const issuesOf = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '/'}: ${i.message}`)
    .join('；');

/** Opens and verifies a bundle. Nothing is trusted until every check has passed. */
export async function openBundle(file: Uint8Array, options: OpenOptions = {}): Promise<OpenResult> {
  const checks: Check[] = [];
  const fail = (code: BundleErrorCode, name: string, message: string): OpenResult => {
    checks.push({ name, ok: false, detail: message });
    return { ok: false, error: { code, message }, checks };
  };
  const pass = (name: string, detail?: string) =>
    checks.push(detail === undefined ? { name, ok: true } : { name, ok: true, detail });
  const fileSha256 = sha256Hex(file);

  // 1. Decrypt (age), if encrypted.
  let zip = file;
  const wasEncrypted = isAgeFile(file);
  if (wasEncrypted) {
    if (!options.keys || options.keys.length === 0) {
      return fail(
        'needs-key',
        '解密',
        '该文件已用 age 加密，需要身份密钥（--identity）或口令（--passphrase-file）',
      );
    }
    options.onProgress?.({ phase: 'decrypt', done: 0, total: file.byteLength });
    try {
      zip = await ageDecrypt(file, options.keys);
    } catch (error) {
      return fail(
        'decrypt-failed',
        '解密',
        `解密失败：密钥或口令不对，或文件已损坏（${error instanceof Error ? error.message : String(error)}）`,
      );
    }
    options.onProgress?.({ phase: 'decrypt', done: file.byteLength, total: file.byteLength });
    pass('解密', 'age');
  }
  if (!(zip[0] === 0x50 && zip[1] === 0x4b && zip[2] === 0x03 && zip[3] === 0x04)) {
    return fail('not-a-bundle', '格式', '不是揭榜评审台的文件包（既非 ZIP 也非 age 加密文件）');
  }

  // 2. Unzip within limits.
  let entries: Map<string, Uint8Array>;
  options.onProgress?.({ phase: 'unzip', done: 0, total: zip.byteLength });
  try {
    entries = readZip(zip, options.limits ?? DEFAULT_LIMITS);
  } catch (error) {
    if (error instanceof ZipError) return fail(error.code, '解包', error.message);
    throw error;
  }
  options.onProgress?.({ phase: 'unzip', done: zip.byteLength, total: zip.byteLength });
  pass('解包', `${entries.size} 个条目，均在安全限制内`);

  // 3. The reserved entries exist.
  for (const name of RESERVED) {
    if (!entries.has(name)) return fail('missing-entry', '结构', `缺少 ${name}`);
  }
  const manifestBytes = entries.get('manifest.json') ?? new Uint8Array();
  const sigBytes = entries.get('manifest.sig') ?? new Uint8Array();
  const pemBytes = entries.get('signer.pem') ?? new Uint8Array();
  const sumsBytes = entries.get('SHA256SUMS') ?? new Uint8Array();

  // 4. The signature over the exact bytes of manifest.json.
  const pemText = new TextDecoder().decode(pemBytes);
  const publicKey = publicKeyFromPem(pemText);
  // Exactly the canonical PEM: signer.pem is outside SHA256SUMS, so no byte of it may vary.
  if (!publicKey || publicKeyToPem(publicKey) !== pemText) {
    return fail('bad-signer-key', '签名者公钥', 'signer.pem 不是 Ed25519 公钥（SPKI PEM）');
  }
  if (!verify(sigBytes, manifestBytes, publicKey)) {
    return fail(
      'bad-signature',
      '签名',
      '签名无效：manifest.json 与 manifest.sig 不符（文件被改动，或签名者不符）',
    );
  }
  const signerFingerprint = fingerprint(publicKey);
  pass('签名', 'Ed25519 签名有效');

  // 5. The manifest itself.
  const parsedManifest = ManifestSchema.safeParse(parseJson(manifestBytes));
  if (!parsedManifest.success)
    return fail(
      'bad-manifest',
      '清单',
      `manifest.json 格式错误：${issuesOf(parsedManifest.error)}`,
    );
  const manifest = parsedManifest.data;
  if (manifest.signer.fingerprint !== signerFingerprint) {
    return fail('bad-manifest', '清单', 'manifest.json 记载的签名者指纹与 signer.pem 不一致');
  }
  const spec = KIND_SPEC[manifest.kind];
  const allowedRoles: readonly string[] = spec.roles;
  if (!allowedRoles.includes(manifest.signer.role)) {
    return fail(
      'bad-manifest',
      '清单',
      `${KIND_LABEL[manifest.kind]}不能由角色“${manifest.signer.role}”签名`,
    );
  }
  pass(
    '清单',
    `${KIND_LABEL[manifest.kind]}，签名者 ${manifest.signer.name}（${manifest.signer.role}），计数 ${manifest.counter}`,
  );

  // 6. SHA256SUMS matches the manifest, and every file matches SHA256SUMS: none missing, none extra.
  if (sha256Hex(sumsBytes) !== manifest.sha256sums)
    return fail('sums-mismatch', '校验和清单', 'SHA256SUMS 与清单中记录的哈希不符');
  const sums = parseSums(new TextDecoder().decode(sumsBytes));
  if (!sums) return fail('sums-mismatch', '校验和清单', 'SHA256SUMS 格式错误');
  const files = new Map<string, Uint8Array>();
  const total = totalBytes(entries);
  let done = 0;
  for (const [path, expected] of sums) {
    const bytes = entries.get(path);
    if (!bytes) return fail('missing-entry', '文件校验', `缺少文件：${path}`);
    if (sha256Hex(bytes) !== expected)
      return fail('checksum-mismatch', '文件校验', `文件内容与校验和不符：${path}`);
    done += bytes.byteLength;
    options.onProgress?.({ phase: 'verify', done, total });
    files.set(path, bytes);
  }
  const reserved: readonly string[] = RESERVED;
  for (const path of entries.keys()) {
    if (!reserved.includes(path) && !sums.has(path))
      return fail('extra-entry', '文件校验', `多出未登记的文件：${path}`);
    if (!reserved.includes(path) && path !== spec.main && !spec.extra.test(path)) {
      return fail('extra-entry', '文件校验', `${KIND_LABEL[manifest.kind]}不应包含：${path}`);
    }
  }
  pass('文件校验', `${sums.size} 个文件的 SHA-256 全部一致`);

  // 7. The payload parses with the domain schema and agrees with the manifest.
  const mainBytes = files.get(spec.main);
  if (!mainBytes) return fail('missing-entry', '内容', `缺少 ${spec.main}`);
  const parsedDoc = spec.schema.safeParse(parseJson(mainBytes));
  if (!parsedDoc.success)
    return fail('bad-payload', '内容', `${spec.main} 格式错误：${issuesOf(parsedDoc.error)}`);
  const document = parsedDoc.data;
  if (document.packageId !== manifest.packageId) {
    return fail(
      'bad-payload',
      '内容',
      `${spec.main} 的评审包编号 ${document.packageId} 与清单 ${manifest.packageId} 不一致`,
    );
  }
  const inner: OpenedBundle[] = [];
  const base = {
    manifest,
    manifestSha256: sha256Hex(manifestBytes),
    fileSha256,
    wasEncrypted,
    files,
    inner,
    checks,
  };
  let opened: OpenedBundle;
  switch (manifest.kind) {
    case 'review-package': {
      const pkg = KIND_SPEC['review-package'].schema.parse(document);
      for (const applicant of pkg.applicants) {
        for (const a of applicant.attachments) {
          const bytes = files.get(a.path);
          if (!bytes) return fail('bad-payload', '内容', `评审包缺少附件：${a.path}（${a.name}）`);
          if (sha256Hex(bytes) !== a.sha256 || bytes.byteLength !== a.size) {
            return fail('bad-payload', '内容', `附件与评审包登记不符：${a.path}（${a.name}）`);
          }
        }
      }
      opened = { kind: 'review-package', document: pkg, ...base };
      break;
    }
    case 'expert-sheets': {
      const sheet = KIND_SPEC['expert-sheets'].schema.parse(document);
      if (sheet.expertId !== manifest.signer.id)
        return fail(
          'bad-payload',
          '内容',
          `评分表属于专家 ${sheet.expertId}，签名者却是 ${manifest.signer.id}`,
        );
      opened = { kind: 'expert-sheets', document: sheet, ...base };
      break;
    }
    case 'panel-result': {
      const decision = KIND_SPEC['panel-result'].schema.parse(document);
      if ((options.depth ?? 0) > 0) return fail('inner-bundle', '内嵌评分表', '评审结果不能嵌套');
      for (const [path, bytes] of files) {
        if (!path.startsWith('sheets/')) continue;
        const result = await openBundle(bytes, { ...options, depth: 1, onProgress: undefined });
        if (!result.ok)
          return fail('inner-bundle', '内嵌评分表', `${path}：${result.error.message}`);
        if (result.bundle.kind !== 'expert-sheets')
          return fail('inner-bundle', '内嵌评分表', `${path} 不是专家评分表`);
        if (result.bundle.manifest.packageId !== manifest.packageId)
          return fail('inner-bundle', '内嵌评分表', `${path} 属于另一个评审包`);
        if (!manifest.answers.some((a) => a.manifestSha256 === result.bundle.manifestSha256)) {
          return fail('inner-bundle', '内嵌评分表', `${path} 未在清单的 answers 中登记`);
        }
        inner.push(result.bundle);
      }
      const sheetAnswers = manifest.answers.filter((a) => a.kind === 'expert-sheets');
      if (sheetAnswers.length !== inner.length)
        return fail(
          'inner-bundle',
          '内嵌评分表',
          `清单登记 ${sheetAnswers.length} 份评分表，实际 ${inner.length} 份`,
        );
      if (inner.length > 0)
        pass('内嵌评分表', `${inner.length} 份专家评分表各自签名有效、未被改动`);
      opened = { kind: 'panel-result', document: decision, ...base };
      break;
    }
    case 'inspection-report':
      opened = {
        kind: 'inspection-report',
        document: KIND_SPEC['inspection-report'].schema.parse(document),
        ...base,
      };
      break;
    case 'task-book':
      opened = {
        kind: 'task-book',
        document: KIND_SPEC['task-book'].schema.parse(document),
        ...base,
      };
      break;
  }
  pass('内容', `${spec.main} 符合数据格式（第 ${manifest.formatVersion} 版）`);
  return { ok: true, bundle: opened };
}
