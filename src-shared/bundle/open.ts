/**
 * Opening a bundle: everything is verified in a fixed order, and the first failure stops it with
 * a message that names exactly what failed; the caller writes nothing unless it gets `ok: true`.
 *
 * decrypt (age, binary or armored) → the ZIP's central directory (bounds, paths; nothing
 * inflated) → the layout (format 1 or 2) and the sizes of the signed entries → each signer's key
 * (canonical, prime order) and signature over manifest.json → the manifest (strict JSON: no
 * duplicate keys; the kind, its formats, roles, subject, answers from the registry) →
 * SHA256SUMS against the manifest, and the archive's names against SHA256SUMS (still nothing of
 * the payload inflated) → each payload file read and hashed → the audit chain, when carried →
 * the main document and the kind's own checks.
 */
import type { AuditEntry } from '../audit/chain';
import {
  AGE_MAGIC,
  ageDecrypt,
  AgeError,
  AgeStreamDecrypter,
  AgeTruncatedError,
  isAgeFile,
  type AgeKey,
  type AgeTail,
} from '../crypto/age';
import {
  fingerprint,
  PUBLIC_KEY_PROBLEM,
  publicKeyFromPem,
  publicKeyProblem,
  publicKeyToPem,
  verify,
} from '../crypto/keys';
import { sha256HexWith, toHex, type CryptoProvider } from '../crypto/provider';
import { parseStrictJson } from '../io/strict-json';
import { emptyFile } from '../io/file-size';
import { decodeText, looksLikeZip, parseJsonText, READ_LIMITS } from '../io/read';
import { documentKindOf, type DocumentKind } from '../model/document-kind';
import { PATHS_ONLY } from '../model/labels';
import { issuesOf, KINDS, type KindContext } from './kinds';
import {
  ManifestV1Schema,
  ManifestV2Schema,
  MAX_SIGNERS,
  parseSums,
  viewOfV1,
  viewOfV2,
  type Manifest,
} from './manifest';
import { AUDIT_FILE, checkAuditFile, manifestProblem, payloadPathAllowed } from './rules';
import { ROLE_LABEL } from './terms';
import type { BundleErrorCode, Check, OnProgress, OpenedCommon, OpenResult } from './types';
import {
  DEFAULT_LIMITS,
  inspectZip,
  NotHeld,
  ZipError,
  ZipStreamScanner,
  type ZipArchive,
  type ZipBytes,
  type ZipLimits,
} from './zip';

export interface OpenOptions {
  /** Hashing and the age payload cipher (`node:crypto` in main and the CLI, @noble in the renderer). */
  crypto: CryptoProvider;
  keys?: readonly AgeKey[];
  limits?: ZipLimits;
  onProgress?: OnProgress;
  /** Internal: a bundle held inside another (a panel result's sheet bundles hold nothing). */
  nested?: boolean;
}

/** Bounds on the signed entries, checked on the central directory before they are read. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_SUMS_BYTES = 4 * 1024 * 1024;
const MAX_PEM_BYTES = 1024;
const MAX_AUDIT_BYTES = 64 * 1024 * 1024;

const V1_RESERVED = ['manifest.json', 'manifest.sig', 'signer.pem', 'SHA256SUMS'] as const;
const SIGNATURE_FILE = /^signatures\/([1-9][0-9]?)\.(sig|pem)$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Payload files whose contents the checks read (documents, the audit log, inner bundles). */
const CONTENT_FILE = /\.(json|jbx)$/;

function strictJson(
  bytes: Uint8Array,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: parseStrictJson(utf8.decode(bytes)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

interface SignatureFiles {
  sig: string;
  pem: string;
}

const DECRYPT_FAILED = '解密失败：';

/**
 * The refusal `openBundle` gives a ZIP whose end — the end-of-directory record and the central
 * directory — is wrong (a file cut short: "ZIP 目录结尾缺失：文件已截断"), from the file's `size`
 * and its last bytes (`tail`, at least the last 65,557) alone, so a reader of a file refuses it
 * before reading the rest; null when the end is sound or lies beyond `tail`.
 */
export function zipEndRefusal(
  size: number,
  tail: Uint8Array,
  limits: ZipLimits = DEFAULT_LIMITS,
): OpenResult | null {
  const from = size - tail.byteLength;
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const at = (offset: number) => {
    if (offset < from) throw new NotHeld();
    return offset - from;
  };
  const bytes: ZipBytes = {
    length: size,
    u16: (offset) => view.getUint16(at(offset), true),
    u32: (offset) => view.getUint32(at(offset), true),
    slice: (start, end) => tail.subarray(at(start), at(end)),
  };
  try {
    inspectZip(bytes, limits);
    return null;
  } catch (error) {
    if (error instanceof ZipError) return refused([], error.code, '解包', error.message);
    if (error instanceof NotHeld || error instanceof RangeError) return null;
    throw error;
  }
}

/** A refusal before anything is inflated: the failed check after those passed. */
function refused(
  checks: Check[],
  code: BundleErrorCode,
  name: string,
  message: string,
): OpenResult {
  checks.push({ name, ok: false, detail: message });
  return { ok: false, error: { code, message }, checks, inflatedBytes: 0 };
}

/**
 * What to do with a plain JSON document of a kind that comes signed: where its signed file is made
 * (the button's label as the screen shows it, src-renderer/src/i18n/review.ts 'review.export').
 */
const SIGNED_FROM: Partial<Record<DocumentKind, string>> = {
  'score-sheet':
    '：请专家在「专家评审」中使用「签名并导出评分表文件…」导出签名的 .jbx 文件，再导入该文件',
};

/**
 * What a file that is no bundle is, said as what it is: an age file that decrypts to a JSON
 * document (named by its kind when its fields tell it) is that document, to be decrypted and given
 * as JSON; a plain JSON document likewise; anything else no bundle at all.
 */
function notABundle(bytes: Uint8Array, wasEncrypted: boolean): string {
  if (bytes.byteLength === 0 && !wasEncrypted) return emptyFile();
  const text = bytes.byteLength <= READ_LIMITS.jsonBytes ? decodeText(bytes, '') : null;
  const raw =
    text?.ok && /^\s*[{[]/.test(text.value.text) ? parseJsonText(text.value.text, '') : null;
  const kind = raw?.ok ? documentKindOf(raw.value) : null;
  const doc = ` JSON 文档${kind ? `（${kind.label}）` : ''}`;
  if (wasEncrypted)
    return raw?.ok
      ? `该文件是 age 加密的${doc}，不是揭榜评审台的文件包：请先解密（age -d -i 身份密钥 -o 文件.json 文件.age），再给出解密后的 JSON 文件`
      : '该文件是 age 加密文件，但解密后的内容不是揭榜评审台的文件包（不是 ZIP）';
  return raw?.ok
    ? `这是${doc}，不是揭榜评审台的文件包（既非 ZIP 也非 age 加密文件）${kind ? (SIGNED_FROM[kind.kind] ?? '') : ''}`
    : '不是揭榜评审台的文件包（既非 ZIP 也非 age 加密文件）';
}

/** Opens and verifies a bundle. Nothing is trusted until every check has passed. */
export async function openBundle(file: Uint8Array, options: OpenOptions): Promise<OpenResult> {
  const { crypto } = options;
  const checks: Check[] = [];
  const fail = (code: BundleErrorCode, name: string, message: string) =>
    refused(checks, code, name, message);
  const fileSha256 = sha256HexWith(crypto, file);

  // 1. Decrypt (age, binary or armored), if encrypted.
  let bytes = file;
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
      bytes = await ageDecrypt(file, options.keys, crypto, (done, total) =>
        options.onProgress?.({ phase: 'decrypt', done, total }),
      );
    } catch (error) {
      if (!(error instanceof AgeError)) throw error;
      return fail('decrypt-failed', '解密', `${DECRYPT_FAILED}${error.message}`);
    }
    checks.push({ name: '解密', ok: true, detail: 'age' });
  }
  if (!looksLikeZip(bytes)) {
    // An age file of another version says so, rather than being called no bundle at all.
    const version = /^age-encryption\.org\/([^\s]{1,16})\n/.exec(
      new TextDecoder().decode(bytes.subarray(0, 40)),
    );
    if (!wasEncrypted && version)
      return fail(
        'not-a-bundle',
        '格式',
        `这是 age 加密文件，但其版本 ${version[1] ?? ''} 不受支持（本程序读写 age-encryption.org/v1）`,
      );
    return fail('not-a-bundle', '格式', notABundle(bytes, wasEncrypted));
  }
  const plain = bytes;
  // The in-memory reader, with fflate's inflater, only when a bundle is opened whole (./zip-open.ts).
  const { openZip } = await import('./zip-open');
  return verifyArchive(() => openZip(plain, crypto, options.limits ?? DEFAULT_LIMITS), {
    checks,
    fileSha256,
    wasEncrypted,
    options,
  });
}

/**
 * `openBundle` over a file read as a stream (main and the CLI: a file on disk), in one pass with
 * bounded memory: each chunk is hashed for the file's SHA-256, decrypted (binary age), and each
 * archive entry hashed once (SHA-256, CRC-32) as it goes by; only entries up to
 * `STREAM_HOLD_BYTES` are kept. Then the same checks as `openBundle`, in the same order.
 *
 * Gives a bundle only when every check passed; null otherwise — a refusal, an armored file, a
 * deflated entry, a content file (JSON, inner bundle) too large to keep — and the caller opens the
 * file whole with `openBundle`, which gives the refusal's exact message. A bundle from here has in
 * `files` and `entries` the entries it kept; `sizes` has every payload file, each verified against
 * SHA256SUMS.
 */
export async function openBundleStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: OpenOptions & { size?: number; tail?: AgeTail },
): Promise<OpenResult | null> {
  const { crypto } = options;
  const fileHash = crypto.sha256();
  const scanner = new ZipStreamScanner(crypto);
  let decrypter: AgeStreamDecrypter | null = null;
  let started = false;
  let done = 0;
  const total = options.size ?? 0;
  try {
    for await (const chunk of source) {
      fileHash.update(chunk);
      if (!started) {
        started = true;
        const age = chunk.length >= AGE_MAGIC.length && isAgeFile(chunk);
        const zip =
          chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04;
        // Armored, too short to tell, or neither: the whole-file path says what it is.
        if (age && !isAgeFile(chunk.subarray(0, AGE_MAGIC.length))) return null;
        if (age) {
          if (!options.keys || options.keys.length === 0) return null;
          // With the file's tail: a cut file is refused once its header is read (issue 22).
          decrypter = new AgeStreamDecrypter(options.keys, crypto, options.tail);
        } else if (!zip) return null;
      }
      for (const plain of decrypter ? await decrypter.push(chunk) : [chunk]) scanner.push(plain);
      done += chunk.length;
      options.onProgress?.({ phase: decrypter ? 'decrypt' : 'verify', done, total });
    }
    if (decrypter) scanner.push(await decrypter.end());
  } catch (error) {
    // The refusal `openBundle` gives this file after decrypting it all, without reading it.
    if (error instanceof AgeTruncatedError)
      return refused([], 'decrypt-failed', '解密', `${DECRYPT_FAILED}${error.message}`);
    if (error instanceof AgeError) return null;
    throw error;
  }
  if (!started) return null;
  let archive: ZipArchive | null;
  try {
    archive = scanner.finish(options.limits ?? DEFAULT_LIMITS);
  } catch (error) {
    if (error instanceof ZipError || error instanceof NotHeld) return null;
    throw error;
  }
  if (!archive) return null;
  const held = archive;
  try {
    const result = await verifyArchive(() => held, {
      checks: decrypter ? [{ name: '解密', ok: true, detail: 'age' }] : [],
      fileSha256: toHex(fileHash.digest()),
      wasEncrypted: decrypter !== null,
      options,
    });
    return result.ok ? result : null;
  } catch (error) {
    if (error instanceof NotHeld) return null;
    throw error;
  }
}

/** Steps 2 to 9 of opening, on an archive in memory or one read as a stream. */
async function verifyArchive(
  openArchive: () => ZipArchive,
  state: { checks: Check[]; fileSha256: string; wasEncrypted: boolean; options: OpenOptions },
): Promise<OpenResult> {
  const { checks, fileSha256, wasEncrypted, options } = state;
  const { crypto } = options;
  let zip: ZipArchive | undefined;
  const inflated = () => zip?.inflatedBytes ?? 0;
  const fail = (code: BundleErrorCode, name: string, message: string): OpenResult => {
    checks.push({ name, ok: false, detail: message });
    return { ok: false, error: { code, message }, checks, inflatedBytes: inflated() };
  };
  const pass = (name: string, detail?: string) =>
    checks.push(detail === undefined ? { name, ok: true } : { name, ok: true, detail });

  // 2. The central directory, within bounds; nothing is inflated yet.
  try {
    zip = openArchive();
  } catch (error) {
    if (error instanceof ZipError) return fail(error.code, '解包', error.message);
    throw error;
  }
  const archive = zip;
  pass('解包', `${archive.entries.size} 个条目，均在安全限制内`);
  const got = new Map<string, Uint8Array>();
  const read = (name: string): Uint8Array | OpenResult => {
    const cached = got.get(name);
    if (cached) return cached;
    try {
      const data = archive.read(name);
      got.set(name, data);
      return data;
    } catch (error) {
      if (error instanceof ZipError) return fail(error.code, '解包', error.message);
      throw error;
    }
  };

  // 3. The layout: which format, and the signed entries within their bounds.
  const names = [...archive.entries.keys()];
  for (const name of ['manifest.json', 'SHA256SUMS'] as const)
    if (!archive.entries.has(name)) return fail('missing-entry', '结构', `缺少 ${name}`);
  const isV1 = archive.entries.has('manifest.sig') || archive.entries.has('signer.pem');
  const isV2 = names.some((n) => n.startsWith('signatures/'));
  if (isV1 && isV2)
    return fail(
      'extra-entry',
      '结构',
      '同时含有第 1 版（manifest.sig）与第 2 版（signatures/）的签名文件',
    );
  let signatureFiles: SignatureFiles[];
  if (isV2) {
    const found = new Map<number, Partial<SignatureFiles>>();
    for (const name of names.filter((n) => n.startsWith('signatures/'))) {
      const m = SIGNATURE_FILE.exec(name);
      if (!m) return fail('extra-entry', '结构', `signatures/ 中有多余的文件：${name}`);
      const n = Number(m[1]);
      found.set(n, { ...found.get(n), [m[2] === 'sig' ? 'sig' : 'pem']: name });
    }
    signatureFiles = [];
    for (let n = 1; n <= found.size; n++) {
      const pair = found.get(n);
      if (!pair?.sig) return fail('missing-entry', '结构', `缺少 signatures/${n}.sig`);
      if (!pair.pem) return fail('missing-entry', '结构', `缺少 signatures/${n}.pem`);
      signatureFiles.push({ sig: pair.sig, pem: pair.pem });
    }
    if (signatureFiles.length > MAX_SIGNERS)
      return fail(
        'zip-limits',
        '结构',
        `签名者过多：${signatureFiles.length} 个（上限 ${MAX_SIGNERS}）`,
      );
  } else {
    for (const name of V1_RESERVED)
      if (!archive.entries.has(name)) return fail('missing-entry', '结构', `缺少 ${name}`);
    signatureFiles = [{ sig: 'manifest.sig', pem: 'signer.pem' }];
  }
  const reserved = new Set<string>(['manifest.json', 'SHA256SUMS']);
  for (const s of signatureFiles) reserved.add(s.sig).add(s.pem);
  const sizeOf = (name: string) => archive.entries.get(name)?.size ?? 0;
  if (sizeOf('manifest.json') > MAX_MANIFEST_BYTES)
    return fail('zip-limits', '结构', `manifest.json 过大（${sizeOf('manifest.json')} 字节）`);
  if (sizeOf('SHA256SUMS') > MAX_SUMS_BYTES)
    return fail('zip-limits', '结构', `SHA256SUMS 过大（${sizeOf('SHA256SUMS')} 字节）`);
  for (const s of signatureFiles) {
    if (sizeOf(s.sig) !== 64)
      return fail('bad-signature', '签名', `${s.sig} 不是 64 字节的 Ed25519 签名`);
    if (sizeOf(s.pem) > MAX_PEM_BYTES) return fail('bad-signer-key', '签名者公钥', `${s.pem} 过大`);
  }

  // 4. Each signer's key, then each signature over the exact bytes of manifest.json.
  const manifestBytes = read('manifest.json');
  if (!(manifestBytes instanceof Uint8Array)) return manifestBytes;
  const keys: string[] = [];
  for (const s of signatureFiles) {
    const pemBytes = read(s.pem);
    if (!(pemBytes instanceof Uint8Array)) return pemBytes;
    const sigBytes = read(s.sig);
    if (!(sigBytes instanceof Uint8Array)) return sigBytes;
    let pemText = '';
    try {
      pemText = utf8.decode(pemBytes);
    } catch {
      // not text: refused just below
    }
    const publicKey = publicKeyFromPem(pemText);
    // Exactly the canonical PEM: the key files are outside SHA256SUMS, so no byte of them may vary.
    if (!publicKey || publicKeyToPem(publicKey) !== pemText)
      return fail('bad-signer-key', '签名者公钥', `${s.pem} 不是 Ed25519 公钥（SPKI PEM）`);
    const problem = publicKeyProblem(publicKey);
    if (problem)
      return fail(
        'bad-signer-key',
        '签名者公钥',
        `${s.pem} 被拒绝：公钥${PUBLIC_KEY_PROBLEM[problem]}`,
      );
    if (!verify(sigBytes, manifestBytes, publicKey, crypto.ed25519Verify)) {
      return fail(
        'bad-signature',
        '签名',
        `签名无效：manifest.json 与 ${s.sig} 不符（文件被改动，或签名者不符）`,
      );
    }
    keys.push(fingerprint(publicKey));
  }
  pass(
    '签名',
    keys.length === 1 ? 'Ed25519 签名有效' : `Ed25519 签名有效（${keys.length} 名签名者）`,
  );

  // 5. The manifest: strict JSON, its schema, and what the registry says of its kind.
  const manifestJson = strictJson(manifestBytes);
  if (!manifestJson.ok)
    return fail('bad-manifest', '清单', `manifest.json 不是有效的 JSON：${manifestJson.message}`);
  let manifest: Manifest | null;
  if (isV2) {
    const parsed = ManifestV2Schema.safeParse(manifestJson.value);
    if (!parsed.success)
      return fail(
        'bad-manifest',
        '清单',
        `manifest.json 格式错误：${issuesOf(parsed.error, PATHS_ONLY)}`,
      );
    manifest = viewOfV2(parsed.data);
  } else {
    const parsed = ManifestV1Schema.safeParse(manifestJson.value);
    if (!parsed.success)
      return fail(
        'bad-manifest',
        '清单',
        `manifest.json 格式错误：${issuesOf(parsed.error, PATHS_ONLY)}`,
      );
    manifest = viewOfV1(parsed.data);
  }
  if (!manifest) return fail('bad-manifest', '清单', 'manifest.json 没有签名者');
  if (manifest.signers.length !== keys.length)
    return fail(
      'bad-manifest',
      '清单',
      `manifest.json 列出 ${manifest.signers.length} 名签名者，签名文件却有 ${keys.length} 份`,
    );
  for (const [i, signer] of manifest.signers.entries()) {
    if (signer.fingerprint !== keys[i])
      return fail(
        'bad-manifest',
        '清单',
        `manifest.json 记载的第 ${i + 1} 名签名者（${signer.name}）的指纹与 ${signatureFiles[i]?.pem ?? ''} 不一致`,
      );
  }
  const problem = manifestProblem(manifest);
  if (problem) return fail('bad-manifest', '清单', problem);
  const spec = KINDS[manifest.kind];
  const version = manifest.formatVersion;
  const author = manifest.signers[0];
  pass(
    '清单',
    `${spec.label}，${manifest.signers.map((s) => `${s.name}（${ROLE_LABEL[s.role]}）`).join('、')}，计数 ${author.counter}`,
  );

  // 6. SHA256SUMS matches the manifest, and the archive holds exactly what it names.
  const sumsBytes = read('SHA256SUMS');
  if (!(sumsBytes instanceof Uint8Array)) return sumsBytes;
  if (sha256HexWith(crypto, sumsBytes) !== manifest.sha256sums)
    return fail('sums-mismatch', '校验和清单', 'SHA256SUMS 与清单中记录的哈希不符');
  let sums: Map<string, string> | null = null;
  try {
    sums = parseSums(utf8.decode(sumsBytes));
  } catch {
    // not UTF-8: refused just below
  }
  if (!sums) return fail('sums-mismatch', '校验和清单', 'SHA256SUMS 格式错误');
  for (const name of names) {
    if (!reserved.has(name) && !sums.has(name))
      return fail('extra-entry', '文件校验', `多出未登记的文件：${name}`);
  }
  for (const path of sums.keys()) {
    if (reserved.has(path))
      return fail('sums-mismatch', '校验和清单', `SHA256SUMS 不应登记 ${path}`);
    if (!archive.entries.has(path)) return fail('missing-entry', '文件校验', `缺少文件：${path}`);
    if (!payloadPathAllowed(manifest.kind, path))
      return fail(
        'extra-entry',
        '文件校验',
        `${spec.label}不应包含：${path}（${spec.label}只含 ${[spec.main, ...spec.files.map((f) => f.what)].join('、')}）`,
      );
  }
  if (!sums.has(spec.main)) return fail('missing-entry', '内容', `缺少 ${spec.main}`);

  // 7. Only now is the payload read, file by file, each against SHA256SUMS.
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const path of sums.keys()) total += sizeOf(path);
  let done = 0;
  const sizes = new Map<string, number>();
  for (const [path, expected] of sums) {
    // Hashed once: here for an archive in memory, as it streamed by for one read as a stream.
    let digest: string;
    try {
      digest = archive.sha256(path);
    } catch (error) {
      if (error instanceof ZipError) return fail(error.code, '解包', error.message);
      throw error;
    }
    if (digest !== expected)
      return fail('checksum-mismatch', '文件校验', `文件内容与校验和不符：${path}`);
    done += sizeOf(path);
    options.onProgress?.({ phase: 'verify', done, total });
    sizes.set(path, sizeOf(path));
    if (!archive.holds(path)) continue;
    const data = read(path);
    if (!(data instanceof Uint8Array)) return data;
    files.set(path, data);
  }
  // Content files are read by the checks below: an archive read as a stream must have kept them.
  for (const path of sizes.keys())
    if (CONTENT_FILE.test(path) && !files.has(path)) throw new NotHeld(path);
  pass('文件校验', `${sums.size} 个文件的 SHA-256 全部一致`);

  // 8. The author's audit chain, when it travels: intact, and the head the manifest records.
  let audit: AuditEntry[] | null = null;
  const auditBytes = files.get(AUDIT_FILE);
  if (auditBytes && version === 2) {
    if (auditBytes.byteLength > MAX_AUDIT_BYTES)
      return fail('bad-audit', '审计日志', 'audit.json 过大');
    const checked = checkAuditFile(auditBytes, author.audit);
    if (!checked.ok) return fail('bad-audit', '审计日志', checked.message);
    audit = checked.chain;
    pass('审计日志', `${audit.length} 条记录，哈希链完整，与清单记录一致`);
  }

  // 9. The main document, and the kind's own checks.
  const main = strictJson(files.get(spec.main) ?? new Uint8Array());
  if (!main.ok) return fail('bad-payload', '内容', `${spec.main} 不是有效的 JSON：${main.message}`);
  const entries = new Map<string, Uint8Array>();
  for (const name of names) {
    if (!archive.holds(name)) continue;
    const data = read(name);
    if (!(data instanceof Uint8Array)) return data;
    entries.set(name, data);
  }
  const common: OpenedCommon = {
    manifest,
    manifestSha256: sha256HexWith(crypto, manifestBytes),
    fileSha256,
    wasEncrypted,
    files,
    sizes,
    entries,
    inner: [],
    audit,
    checks,
  };
  const ctx: KindContext = {
    manifest,
    files,
    sizes,
    hashes: sums,
    isNested: options.nested === true,
    openInner: (inner) =>
      openBundle(inner, {
        crypto,
        ...(options.limits ? { limits: options.limits } : {}),
        nested: true,
      }),
  };
  const accepted = await spec.accept(main.value, ctx);
  if (!accepted.ok)
    return fail(
      accepted.code,
      accepted.code === 'inner-bundle' ? '内嵌评分表' : '内容',
      accepted.message,
    );
  checks.push(...accepted.checks);
  common.inner.push(...accepted.inner);
  pass('内容', `${spec.main} 符合数据格式（第 ${version} 版）`);
  return { ok: true, bundle: accepted.make(common), inflatedBytes: archive.inflatedBytes };
}
