/**
 * age encryption (https://age-encryption.org/v1), to an X25519 recipient or a passphrase, binary
 * or ASCII-armored (`age -a`). The header — the file key wrapped per recipient, and its MAC — is
 * small: typage (age-encryption) unwraps it, and we write it; the payload (the STREAM of 64 KiB
 * ChaCha20-Poly1305 chunks) goes through the {@link CryptoProvider} the caller gives, so main and
 * the CLI run it on `node:crypto`.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { base64nopad, bech32 } from '@scure/base';
import type { CryptoProvider } from './provider';

/**
 * typage (age-encryption, with its post-quantum recipients) is loaded when first needed: opening
 * an unencrypted bundle — `jiebang verify` of a sheet — never compiles it.
 */
const typage = () => import('age-encryption');

export const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
/** A header is one or a few stanzas; ours is under 300 bytes. */
const MAX_HEADER = 64 * 1024;
const CHUNK = 64 * 1024;
const TAG = 16;
const SCRYPT_LOG_N = 18;

const encoder = new TextEncoder();

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function leadingWhitespace(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && i < 1024 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++;
  return i;
}

/** An age file as `age -a` writes it (`-----BEGIN AGE ENCRYPTED FILE-----`). */
export function isArmoredAgeFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, leadingWhitespace(bytes), ARMOR_BEGIN);
}

/** An age file, binary or armored. */
export function isAgeFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, 0, AGE_MAGIC) || isArmoredAgeFile(bytes);
}

export async function generateAgeIdentity(): Promise<{ identity: string; recipient: string }> {
  const { generateX25519Identity, identityToRecipient } = await typage();
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const recipientOf = async (identity: string): Promise<string> =>
  (await typage()).identityToRecipient(identity);

export type AgeTarget = { recipient: string } | { passphrase: string };
export type AgeKey = { identity: string } | { passphrase: string };

export type AgeProgress = (done: number, total: number) => void;

/** Why an age file could not be read; `message` is for people (Chinese first). */
export class AgeError extends Error {
  override name = 'AgeError';
}

function streamNonce(counter: number, last: boolean): Uint8Array {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setUint32(7, counter, false); // 2^32 chunks of 64 KiB: 256 TiB
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function stanza(args: readonly string[], body: Uint8Array): string {
  const b64 = base64nopad.encode(body);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  // The body's last line is always shorter than 64 columns, so a full last line is followed by an empty one.
  if (b64.length % 64 === 0) lines.push('');
  return `-> ${args.join(' ')}\n${lines.join('\n')}\n`;
}

async function wrapFileKey(
  crypto: CryptoProvider,
  fileKey: Uint8Array,
  target: AgeTarget,
): Promise<string> {
  const zeroNonce = new Uint8Array(12);
  if ('passphrase' in target) {
    const salt = crypto.randomBytes(16);
    const label = encoder.encode('age-encryption.org/v1/scrypt');
    const saltAndLabel = new Uint8Array(label.length + salt.length);
    saltAndLabel.set(label);
    saltAndLabel.set(salt, label.length);
    const key = await scryptAsync(encoder.encode(target.passphrase), saltAndLabel, {
      N: 2 ** SCRYPT_LOG_N,
      r: 8,
      p: 1,
      dkLen: 32,
    });
    const body = crypto.chacha20poly1305(key).seal(zeroNonce, fileKey);
    return stanza(['scrypt', base64nopad.encode(salt), String(SCRYPT_LOG_N)], body);
  }
  let recipient: Uint8Array;
  try {
    const decoded = bech32.decodeToBytes(target.recipient);
    if (decoded.prefix !== 'age' || decoded.bytes.length !== 32) throw new Error('prefix');
    recipient = decoded.bytes;
  } catch {
    throw new AgeError(`不是 age X25519 接收方（age1…）：${target.recipient.slice(0, 80)}`);
  }
  const ephemeral = crypto.randomBytes(32);
  const share = x25519.getPublicKey(ephemeral);
  const shared = x25519.getSharedSecret(ephemeral, recipient);
  if (shared.every((b) => b === 0)) throw new AgeError('age 接收方公钥无效（小阶点）');
  const salt = new Uint8Array(64);
  salt.set(share);
  salt.set(recipient, 32);
  const wrapKey = crypto.hkdfSha256(
    shared,
    salt,
    encoder.encode('age-encryption.org/v1/X25519'),
    32,
  );
  const body = crypto.chacha20poly1305(wrapKey).seal(zeroNonce, fileKey);
  return stanza(['X25519', base64nopad.encode(share)], body);
}

/** Encrypts `plain` to a recipient or a passphrase (binary age format). */
export async function ageEncrypt(
  plain: Uint8Array,
  target: AgeTarget,
  crypto: CryptoProvider,
  onProgress?: AgeProgress,
): Promise<Uint8Array> {
  const fileKey = crypto.randomBytes(16);
  const headerNoMac = encoder.encode(
    `${AGE_MAGIC}${await wrapFileKey(crypto, fileKey, target)}---`,
  );
  const macKey = crypto.hkdfSha256(fileKey, new Uint8Array(0), encoder.encode('header'), 32);
  const mac = crypto.hmacSha256(macKey, headerNoMac);
  const header = encoder.encode(` ${base64nopad.encode(mac)}\n`);
  const nonce = crypto.randomBytes(16);
  const aead = crypto.chacha20poly1305(
    crypto.hkdfSha256(fileKey, nonce, encoder.encode('payload'), 32),
  );
  const chunks = Math.max(1, Math.ceil(plain.byteLength / CHUNK));
  const out = new Uint8Array(
    headerNoMac.length + header.length + nonce.length + plain.byteLength + chunks * TAG,
  );
  out.set(headerNoMac, 0);
  out.set(header, headerNoMac.length);
  let at = headerNoMac.length + header.length;
  out.set(nonce, at);
  at += nonce.length;
  for (let i = 0; i < chunks; i++) {
    const piece = plain.subarray(i * CHUNK, Math.min(plain.byteLength, (i + 1) * CHUNK));
    const sealed = aead.seal(streamNonce(i, i === chunks - 1), piece);
    out.set(sealed, at);
    at += sealed.byteLength;
    if (i % 64 === 63) onProgress?.(i * CHUNK, plain.byteLength);
  }
  onProgress?.(plain.byteLength, plain.byteLength);
  return out;
}

/** The binary age file inside an armored one (strict, as `age` reads it). */
export async function dearmor(bytes: Uint8Array): Promise<Uint8Array> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AgeError('age 文本格式（ASCII armor）中有非 ASCII 字符');
  }
  const { armor } = await typage();
  try {
    return armor.decode(text);
  } catch (error) {
    throw new AgeError(
      `age 文本格式（ASCII armor）损坏：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function headerLength(file: Uint8Array): number {
  const limit = Math.min(file.length, MAX_HEADER);
  for (let i = 0; i + 4 < limit; i++) {
    if (file[i] === 0x0a && startsWith(file, i + 1, '--- ')) {
      const end = file.indexOf(0x0a, i + 5);
      if (end < 0 || end >= MAX_HEADER) break;
      return end + 1;
    }
  }
  throw new AgeError('age 文件头损坏或过长（找不到 MAC 行）');
}

/**
 * Decrypts a binary or armored age file with the first key that fits.
 * @throws {AgeError} when no key fits, or the file is damaged or truncated (every chunk is authenticated).
 */
export async function ageDecrypt(
  file: Uint8Array,
  keys: readonly AgeKey[],
  crypto: CryptoProvider,
  onProgress?: AgeProgress,
): Promise<Uint8Array> {
  const binary = isArmoredAgeFile(file) ? await dearmor(file) : file;
  if (!startsWith(binary, 0, AGE_MAGIC)) throw new AgeError('不是 age 加密文件');
  const headerEnd = headerLength(binary);
  const d = new (await typage()).Decrypter();
  for (const k of keys) {
    if ('identity' in k) d.addIdentity(k.identity);
    else d.addPassphrase(k.passphrase);
  }
  let fileKey: Uint8Array;
  try {
    fileKey = await d.decryptHeader(binary.subarray(0, headerEnd));
  } catch (error) {
    throw new AgeError(
      `密钥或口令不对，或文件头已损坏（${error instanceof Error ? error.message : String(error)}）`,
    );
  }
  const nonce = binary.subarray(headerEnd, headerEnd + 16);
  const payload = binary.subarray(headerEnd + 16);
  if (nonce.length !== 16 || payload.length < TAG) throw new AgeError('age 文件已截断');
  const aead = crypto.chacha20poly1305(
    crypto.hkdfSha256(fileKey, nonce, encoder.encode('payload'), 32),
  );
  const chunks = Math.ceil(payload.length / (CHUNK + TAG));
  const out = new Uint8Array(payload.length - chunks * TAG);
  let at = 0;
  for (let i = 0; i < chunks; i++) {
    const last = i === chunks - 1;
    const sealed = payload.subarray(i * (CHUNK + TAG), (i + 1) * (CHUNK + TAG));
    const plain = aead.open(streamNonce(i, last), sealed);
    if (!plain) {
      throw new AgeError(
        last && sealed.length === CHUNK + TAG
          ? 'age 文件已截断或损坏（最后一块校验失败）'
          : `age 文件第 ${i + 1} 块校验失败：文件已损坏或被截断`,
      );
    }
    // Only a file that is empty as a whole may end in an empty chunk.
    if (last && plain.length === 0 && i > 0) throw new AgeError('age 文件结尾多出空块');
    out.set(plain, at);
    at += plain.length;
    if (i % 64 === 63) onProgress?.(i * (CHUNK + TAG), payload.length);
  }
  onProgress?.(payload.length, payload.length);
  return out;
}

/** Reads an identity file: `AGE-SECRET-KEY-1…` lines, `#` comments ignored (as `age -i` does). */
export function parseIdentityFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
}
