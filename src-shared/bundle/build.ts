/**
 * Building a format-2 bundle: payload → SHA256SUMS → manifest → one signature per signer → ZIP
 * → (age). The kinds registry is consulted exactly as when the bundle is opened, so nothing is
 * signed that the receiver would refuse.
 */
import { EMPTY_HEAD, type AuditHead } from '../audit/head';
import { AgeStreamEncrypter, type AgeTarget } from '../crypto/age';
import { fingerprint, publicKeyToPem, publicKeyWith, signWith } from '../crypto/keys';
import { entryHasherWith, sha256HexWith, toHex, type CryptoProvider } from '../crypto/provider';
import { KINDS, type BundleKind, type DocumentOf, type KindContext } from './kinds';
import { formatSums, ManifestV2Schema, viewOfV2, type Answer, type ManifestV2 } from './manifest';
import { openBundle } from './open';
import { AUDIT_FILE, checkAuditFile, manifestProblem, payloadPathAllowed } from './rules';
import type { SignerRole, Subject } from './terms';
import type { OnProgress } from './types';
import { zipDataDescriptor, zipLayout, zipLocalHeader, zipSize, type ZipEntrySpec } from './zip';
import { formatBytes, MAX_FILE_BYTES } from '../io/file-size';

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

/**
 * A payload file given not as bytes but as a source, never held whole: a file on disk
 * (src-main/crypto/bundle-files.ts). Read once while the bundle is written (hashed, CRC'd,
 * encrypted and written in one pass); a content file the checks read (`.json`, `.jbx`) is read
 * whole first.
 */
export interface PayloadSource {
  /** Bytes, as the source will give them. */
  size: number;
  /** The bytes in order; a chunk may be reused by the source once the next is asked for. */
  chunks(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export type PayloadFile = Uint8Array | PayloadSource;

/** Payload files whose contents the checks read (documents, the audit log, inner bundles). */
const CONTENT_FILE = /\.(json|jbx)$/;

/** A source streamed once into the bundle (not a content file the checks read whole). */
const isStreamed = (path: string, file: PayloadFile): file is PayloadSource =>
  !(file instanceof Uint8Array) && !CONTENT_FILE.test(path);

/** The manifest as signed: its JSON, two-space indented, and a newline. */
const manifestJson = (manifest: ManifestV2): Uint8Array =>
  encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);

/** A SHA-256 in hex as long as every other: the manifest's and SHA256SUMS' sizes before hashing. */
const PLACEHOLDER_SHA256 = '0'.repeat(64);
/** An Ed25519 signature (`signatures/<n>.sig`). */
const SIGNATURE_BYTES = 64;

/**
 * The size in bytes of the bundle file a build writes, from what is known before a byte of the
 * payload is read: each payload file's declared size (`streamed`: those written with a data
 * descriptor), the manifest's (its hashes are of fixed length), the signers' public keys as PEM,
 * SHA256SUMS (one line per payload file), the ZIP's headers and directory, and age's header and
 * 16-byte tag per 64 KiB chunk (`ageHeaderBytes` null: not encrypted).
 */
export function bundleFileSize(plan: {
  payload: ReadonlyMap<string, number>;
  streamed: readonly string[];
  manifestBytes: number;
  pems: readonly number[];
  ageHeaderBytes: number | null;
}): number {
  const streamed = new Set(plan.streamed);
  const sums = formatSums(new Map([...plan.payload.keys()].map((p) => [p, PLACEHOLDER_SHA256])));
  const entries: ZipEntrySpec[] = [
    { name: 'manifest.json', size: plan.manifestBytes, crc: 0 },
    ...plan.pems.flatMap((pem, i) => [
      { name: `signatures/${i + 1}.sig`, size: SIGNATURE_BYTES, crc: 0 },
      { name: `signatures/${i + 1}.pem`, size: pem, crc: 0 },
    ]),
    { name: 'SHA256SUMS', size: encoder.encode(sums).byteLength, crc: 0 },
    ...[...plan.payload].map(([name, size]) => ({
      name,
      size,
      crc: 0,
      descriptor: streamed.has(name),
    })),
  ];
  const zip = zipSize(entries);
  return plan.ageHeaderBytes === null ? zip : AgeStreamEncrypter.sizeFor(plan.ageHeaderBytes, zip);
}

/**
 * The refusal of a bundle whose file would pass the bound on one file (src-shared/io/file-size.ts,
 * MAX_FILE_BYTES: what the app, the web host and `jiebang verify`/`unpack`/`import` open), or null
 * within it: the file's size and the bound, what the payload comes to and its largest files, and
 * what to do. Given before anything is read, signed or written.
 */
export function bundleSizeProblem(
  label: string,
  fileBytes: number,
  payload: ReadonlyMap<string, number>,
): string | null {
  if (fileBytes <= MAX_FILE_BYTES) return null;
  let total = 0;
  for (const size of payload.values()) total += size;
  const largest = [...payload]
    .sort(([, a], [, b]) => b - a)
    .slice(0, 3)
    .map(([path, size]) => `${path}（${formatBytes(size)}）`)
    .join('、');
  const contents =
    payload.size > 3
      ? `所含 ${payload.size} 个文件共 ${formatBytes(total)}，最大的是 ${largest}`
      : `所含文件 ${largest}，共 ${formatBytes(total)}`;
  return (
    `${label}文件将有 ${formatBytes(fileBytes)}（${fileBytes} 字节），超过单个文件 ${formatBytes(MAX_FILE_BYTES)} 的上限` +
    `（揭榜评审台和 jiebang verify、unpack、import 都不打开更大的文件），未签名，未写出文件：` +
    `${contents}。请减少或压缩附件后重新打包`
  );
}

/** Builds and signs a bundle (format 2). @throws {BundleBuildError} naming what is wrong. */
export async function buildBundle<K extends BundleKind>(input: BuildInput<K>): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  await buildBundleStream(input, (piece) => {
    pieces.push(piece);
    size += piece.length;
  });
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  return concat(pieces, size);
}

/** A source read whole (a content file the checks read), refusing one whose size changed. */
async function readWhole(path: string, file: PayloadSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of file.chunks()) {
    parts.push(chunk.slice());
    size += chunk.byteLength;
  }
  if (size !== file.size) throw sizeChanged(path, file.size, size);
  return concat(parts, size);
}

const sizeChanged = (path: string, declared: number, read: number) =>
  new BundleBuildError(`${path} 的大小在读取时改变（${declared} → ${read} 字节），未签名`);

/**
 * `buildBundle` as a stream: the same checks, given to `sink` piece by piece (the ZIP's headers
 * and entries, or the age chunks), with bounded memory. Bytes in memory make exactly
 * `buildBundle`'s archive: manifest.json, the signatures and SHA256SUMS first. Payload sources
 * (files on disk) are read once, in one pass that hashes (SHA-256 and CRC-32), encrypts and
 * writes each byte: they come first in the archive, each with a data descriptor after its data
 * (its CRC-32 is known only then; ZIP's general-purpose bit 3), and the manifest, signed over
 * their hashes, after them.
 * `sink` must be done with a piece when its promise settles (the source may reuse the buffer).
 * @throws {BundleBuildError} naming what the receiver would refuse; what `sink` was given by
 *   then is no bundle (main writes to a temporary file and removes it).
 */
export async function buildBundleStream<K extends BundleKind>(
  input: Omit<BuildInput<K>, 'files'> & { files?: ReadonlyMap<string, PayloadFile> },
  sink: (piece: Uint8Array) => void | Promise<void>,
): Promise<void> {
  const { crypto } = input;
  const spec = KINDS[input.kind];
  const parsed = (await spec.schema()).safeParse(input.document);
  if (!parsed.success)
    throw new BundleBuildError(
      `${spec.main} 不符合数据格式，未签名：${parsed.error.issues[0]?.message ?? ''}`,
    );

  const mainBytes = encoder.encode(`${JSON.stringify(parsed.data, null, 2)}\n`);
  const given = input.files ?? new Map<string, PayloadFile>();
  for (const path of given.keys())
    if (path === spec.main || !payloadPathAllowed(input.kind, path))
      throw new BundleBuildError(`${spec.label}不允许包含文件：${path}`);
  const keys = input.signers.map((s) => publicKeyWith(crypto, s.secretKey));
  const createdAt = input.createdAt ?? new Date().toISOString();
  const manifestWith = (sha256sums: string) =>
    ManifestV2Schema.safeParse({
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
      createdAt,
      answers: input.answers ?? [],
      sha256sums,
    });
  const encrypter = input.encryptTo
    ? await AgeStreamEncrypter.create(input.encryptTo, crypto)
    : null;
  // The bound on one file every door holds to, from the declared sizes: before a byte is read.
  const declared = new Map<string, number>([[spec.main, mainBytes.byteLength]]);
  for (const [path, file] of given)
    declared.set(path, file instanceof Uint8Array ? file.byteLength : file.size);
  const planned = manifestWith(PLACEHOLDER_SHA256);
  if (planned.success) {
    const fileBytes = bundleFileSize({
      payload: declared,
      streamed: [...given].filter(([path, file]) => isStreamed(path, file)).map(([p]) => p),
      manifestBytes: manifestJson(planned.data).byteLength,
      pems: keys.map((k) => publicKeyToPem(k).length),
      ageHeaderBytes: encrypter?.header.byteLength ?? null,
    });
    const tooLarge = bundleSizeProblem(spec.label, fileBytes, declared);
    if (tooLarge) throw new BundleBuildError(tooLarge);
  }

  // Bytes in memory (the main document, content files) and sources streamed once.
  const payload = new Map<string, Uint8Array>();
  const streamed = new Map<string, PayloadSource>();
  payload.set(spec.main, mainBytes);
  for (const [path, file] of given) {
    if (file instanceof Uint8Array) payload.set(path, file);
    else if (isStreamed(path, file)) streamed.set(path, file);
    else payload.set(path, await readWhole(path, file));
  }
  let total = 0;
  for (const f of payload.values()) total += f.byteLength;
  for (const f of streamed.values()) total += f.size;
  const hashes = new Map<string, string>();
  const crcs = new Map<string, number>();
  const sizes = new Map<string, number>();
  let done = 0;
  for (const [path, file] of payload) {
    hashes.set(path, sha256HexWith(crypto, file));
    crcs.set(path, crypto.crc32(file) >>> 0);
    sizes.set(path, file.byteLength);
    done += file.byteLength;
  }
  input.onProgress?.({ phase: 'sign', done, total });

  const phase = encrypter ? 'encrypt' : 'zip';
  const emit = async (bytes: Uint8Array) => {
    if (!encrypter) await sink(bytes);
    else for (const sealed of encrypter.push(bytes)) await sink(sealed);
  };
  if (encrypter) await sink(encrypter.header);
  // One pass over each source: hashed, CRC'd and written (through age) as it is read.
  for (const [name, file] of streamed) {
    await emit(zipLocalHeader({ name, size: file.size, crc: 0, descriptor: true }));
    // SHA-256 and CRC-32 together (main and the CLI: on a second core while this one encrypts).
    const h = entryHasherWith(crypto);
    let size = 0;
    for await (const chunk of file.chunks()) {
      size += chunk.byteLength;
      if (size > file.size) throw sizeChanged(name, file.size, size);
      h.update(chunk);
      await emit(chunk);
      done += chunk.byteLength;
      input.onProgress?.({ phase, done, total });
    }
    if (size !== file.size) throw sizeChanged(name, file.size, size);
    const { sha256, crc32: crc } = h.digest();
    crcs.set(name, crc);
    hashes.set(name, toHex(sha256));
    sizes.set(name, size);
    await emit(zipDataDescriptor({ name, size, crc }));
  }

  const sumsBytes = encoder.encode(formatSums(hashes));
  const checked = manifestWith(sha256HexWith(crypto, sumsBytes));
  if (!checked.success)
    throw new BundleBuildError(
      `清单不符合格式，未签名：${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  const manifest = checked.data;
  const view = viewOfV2(manifest);
  if (!view) throw new BundleBuildError('没有签名者');
  const problem = manifestProblem(view);
  if (problem) throw new BundleBuildError(`${problem}，未签名`);
  // What the checks read: every file in memory (streamed ones are large non-content files).
  const contents: ReadonlyMap<string, Uint8Array> = payload;
  const auditBytes = contents.get(AUDIT_FILE);
  if (auditBytes) {
    const audit = checkAuditFile(auditBytes, view.signers[0].audit);
    if (!audit.ok) throw new BundleBuildError(`${audit.message}，未签名`);
  }
  const ctx: KindContext = {
    manifest: view,
    files: contents,
    sizes,
    hashes,
    isNested: false,
    openInner: (bytes) => openBundle(bytes, { crypto, nested: true }),
  };
  const accepted = await spec.accept(parsed.data, ctx);
  if (!accepted.ok) throw new BundleBuildError(`${accepted.message}，未签名`);

  const manifestBytes = manifestJson(manifest);
  const files = new Map<string, Uint8Array>([['manifest.json', manifestBytes]]);
  input.signers.forEach((s, i) => {
    files.set(`signatures/${i + 1}.sig`, signWith(crypto, manifestBytes, s.secretKey));
    files.set(
      `signatures/${i + 1}.pem`,
      encoder.encode(publicKeyToPem(keys[i] ?? new Uint8Array())),
    );
  });
  files.set('SHA256SUMS', sumsBytes);
  for (const [path, file] of payload) files.set(path, file);
  const held = [...files].map(([name, bytes]) => ({
    spec: { name, size: bytes.byteLength, crc: crcs.get(name) ?? crypto.crc32(bytes) },
    bytes,
  }));
  for (const { spec: entry, bytes } of held) {
    await emit(zipLocalHeader(entry));
    await emit(bytes);
  }
  // The directory: the streamed entries first (written above), then these, in order.
  const layout = zipLayout([
    ...[...streamed.keys()].map((name) => ({
      name,
      size: sizes.get(name) ?? 0,
      crc: crcs.get(name) ?? 0,
      descriptor: true,
    })),
    ...held.map((h) => h.spec),
  ]);
  await emit(layout.centralDirectory);
  if (encrypter) await sink(encrypter.end());
  input.onProgress?.({ phase, done: total, total });
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

type Common = Pick<BuildInput<BundleKind>, 'crypto' | 'encryptTo' | 'createdAt' | 'onProgress'>;

/** What makes a review package a review package: subject the package, the bureau its one signer. */
export function reviewPackageSpec(input: {
  pkg: DocumentOf<'review-package'>;
  secretKey: Uint8Array;
  counter: number;
}): Pick<BuildInput<'review-package'>, 'kind' | 'bundleId' | 'subject' | 'signers' | 'document'> {
  const { pkg, secretKey, counter } = input;
  return {
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
  };
}

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
    ...reviewPackageSpec({ pkg, secretKey, counter }),
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
