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
import { AGE_MAGIC, bytesStartWith as startsWith, isArmoredAgeFile } from './age-file';
import { joinParts, type CryptoProvider } from './provider';

export {
  AGE_MAGIC,
  AGE_RECIPIENT,
  isAgeFile,
  isArmoredAgeFile,
  looksLikeAge,
  parseIdentityFile,
} from './age-file';

/**
 * typage (age-encryption, with its post-quantum recipients) is loaded when first needed: opening
 * an unencrypted bundle — `jiebang verify` of a sheet — never compiles it.
 */
const typage = () => import('age-encryption');

/** A header is one or a few stanzas; ours is under 300 bytes. */
const MAX_HEADER = 64 * 1024;
const CHUNK = 64 * 1024;
const TAG = 16;
const SCRYPT_LOG_N = 18;

const encoder = new TextEncoder();

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

/**
 * The file's last STREAM chunk, where its size puts it, does not authenticate as the last: the
 * file is cut short (or its end damaged). Found from the header and the last chunk alone
 * ({@link AgeTail}), before the payload is read; the message is the one reading it all gives.
 */
export class AgeTruncatedError extends AgeError {
  override name = 'AgeTruncatedError';
}

/** The whole file's size and a reader of its bytes at an offset: its end is checked first. */
export interface AgeTail {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
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
  const share = crypto.x25519 ? crypto.x25519(ephemeral) : x25519.getPublicKey(ephemeral);
  const shared = crypto.x25519
    ? crypto.x25519(ephemeral, recipient)
    : x25519.getSharedSecret(ephemeral, recipient);
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

/**
 * age encryption as a stream: the header first, then the payload in 64 KiB STREAM chunks as data
 * comes (`push`), the last chunk sealed at `end`. Holds at most one chunk; every chunk goes
 * through the provider's ChaCha20-Poly1305 once. `ageEncrypt` is this over one buffer.
 */
export class AgeStreamEncrypter {
  readonly #aead: ReturnType<CryptoProvider['chacha20poly1305']>;
  readonly #pending = new Uint8Array(CHUNK);
  #held = 0;
  #counter = 0;
  /** The header and the payload nonce: the file's first bytes. */
  readonly header: Uint8Array;

  private constructor(header: Uint8Array, aead: ReturnType<CryptoProvider['chacha20poly1305']>) {
    this.header = header;
    this.#aead = aead;
  }

  static async create(target: AgeTarget, crypto: CryptoProvider): Promise<AgeStreamEncrypter> {
    const fileKey = crypto.randomBytes(16);
    const headerNoMac = encoder.encode(
      `${AGE_MAGIC}${await wrapFileKey(crypto, fileKey, target)}---`,
    );
    const macKey = crypto.hkdfSha256(fileKey, new Uint8Array(0), encoder.encode('header'), 32);
    const mac = encoder.encode(` ${base64nopad.encode(crypto.hmacSha256(macKey, headerNoMac))}\n`);
    const nonce = crypto.randomBytes(16);
    const header = new Uint8Array(headerNoMac.length + mac.length + nonce.length);
    header.set(headerNoMac, 0);
    header.set(mac, headerNoMac.length);
    header.set(nonce, headerNoMac.length + mac.length);
    const aead = crypto.chacha20poly1305(
      crypto.hkdfSha256(fileKey, nonce, encoder.encode('payload'), 32),
    );
    return new AgeStreamEncrypter(header, aead);
  }

  /** Size of the whole file for `plainBytes` of payload. */
  static sizeFor(headerBytes: number, plainBytes: number): number {
    return headerBytes + plainBytes + Math.max(1, Math.ceil(plainBytes / CHUNK)) * TAG;
  }

  /**
   * Sealed chunks for these bytes, as pieces in order (the caller may reuse `data` afterwards).
   * A chunk is sealed straight from `data` where it lies there (only a partial chunk is copied,
   * to wait for more), and each is sealed only once a byte after it shows it is not the last.
   */
  push(data: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    let i = 0;
    while (i < data.length) {
      if (this.#held === CHUNK) {
        out.push(...this.#aead.sealParts(streamNonce(this.#counter++, false), [this.#pending]));
        this.#held = 0;
      }
      const need = CHUNK - this.#held;
      if (data.length - i > need) {
        // A whole chunk, more data after it: sealed from the held bytes and `data` as they are.
        const parts = [data.subarray(i, i + need)];
        if (this.#held > 0) parts.unshift(this.#pending.subarray(0, this.#held));
        out.push(...this.#aead.sealParts(streamNonce(this.#counter++, false), parts));
        this.#held = 0;
        i += need;
        continue;
      }
      const n = data.length - i;
      this.#pending.set(data.subarray(i), this.#held);
      this.#held += n;
      i += n;
    }
    return out;
  }

  /** The last chunk (empty only when the whole payload is). */
  end(): Uint8Array {
    return this.#aead.seal(
      streamNonce(this.#counter++, true),
      this.#pending.subarray(0, this.#held),
    );
  }
}

/** Encrypts `plain` to a recipient or a passphrase (binary age format). */
export async function ageEncrypt(
  plain: Uint8Array,
  target: AgeTarget,
  crypto: CryptoProvider,
  onProgress?: AgeProgress,
): Promise<Uint8Array> {
  const encrypter = await AgeStreamEncrypter.create(target, crypto);
  const out = new Uint8Array(AgeStreamEncrypter.sizeFor(encrypter.header.length, plain.length));
  out.set(encrypter.header, 0);
  let at = encrypter.header.length;
  const step = 64 * CHUNK;
  for (let i = 0; i < plain.length; i += step) {
    for (const sealed of encrypter.push(plain.subarray(i, Math.min(plain.length, i + step)))) {
      out.set(sealed, at);
      at += sealed.length;
    }
    onProgress?.(i, plain.byteLength);
  }
  out.set(encrypter.end(), at);
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

/**
 * age decryption as a stream: the header is read and unwrapped from the first bytes (the first
 * key that fits), then each STREAM chunk is authenticated and decrypted as soon as it is known
 * not to be the last; `end` checks the last one. Holds at most one chunk. Binary age only (an
 * armored file is decoded whole by `ageDecrypt`).
 * @throws {AgeError} as `ageDecrypt` does, with the same messages.
 */
export class AgeStreamDecrypter {
  readonly #keys: readonly AgeKey[];
  readonly #crypto: CryptoProvider;
  #head: Uint8Array | null = new Uint8Array(0);
  #aead: ReturnType<CryptoProvider['chacha20poly1305']> | null = null;
  readonly #pending = new Uint8Array(CHUNK + TAG);
  #held = 0;
  #counter = 0;
  readonly #tail: AgeTail | undefined;

  /** With `tail`, the last chunk is checked as soon as the header is read (a cut file refused). */
  constructor(keys: readonly AgeKey[], crypto: CryptoProvider, tail?: AgeTail) {
    this.#keys = keys;
    this.#crypto = crypto;
    this.#tail = tail;
  }

  /** Plaintext for these bytes of the file (none until the header is complete). */
  async push(data: Uint8Array): Promise<Uint8Array[]> {
    if (this.#head) {
      const head = new Uint8Array(this.#head.length + data.length);
      head.set(this.#head);
      head.set(data, this.#head.length);
      if (!startsWith(head, 0, AGE_MAGIC.slice(0, Math.min(head.length, AGE_MAGIC.length))))
        throw new AgeError('不是 age 加密文件');
      const end = findHeaderEnd(head);
      if (end === null) {
        if (head.length >= MAX_HEADER + 16)
          throw new AgeError('age 文件头损坏或过长（找不到 MAC 行）');
        this.#head = head;
        return [];
      }
      if (head.length < end + 16) {
        this.#head = head;
        return [];
      }
      this.#head = null;
      const fileKey = await unwrapFileKey(head.subarray(0, end), this.#keys);
      const nonce = head.subarray(end, end + 16);
      this.#aead = this.#crypto.chacha20poly1305(
        this.#crypto.hkdfSha256(fileKey, nonce, encoder.encode('payload'), 32),
      );
      if (this.#tail) await this.#checkLast(this.#tail, end + 16);
      data = head.subarray(end + 16);
    }
    const out: Uint8Array[] = [];
    const SEALED = CHUNK + TAG;
    let i = 0;
    while (i < data.length) {
      // A full chunk is opened once a byte after it shows it is not the last: straight from the
      // held bytes and `data` as they are; only a partial chunk is copied, to wait for more.
      const need = SEALED - this.#held;
      if (data.length - i > need) {
        const parts = [data.subarray(i, i + need)];
        if (this.#held > 0) parts.unshift(this.#pending.subarray(0, this.#held));
        out.push(...this.#open(parts, false));
        this.#held = 0;
        i += need;
        continue;
      }
      this.#pending.set(data.subarray(i), this.#held);
      this.#held += data.length - i;
      i = data.length;
    }
    return out;
  }

  /** The last chunk's plaintext. @throws {AgeError} when the file is truncated or damaged. */
  async end(): Promise<Uint8Array> {
    if (this.#head || !this.#aead) {
      const head = this.#head ?? new Uint8Array(0);
      const end = findHeaderEnd(head);
      // The file ended inside its header (under the header's bound): cut short, or not age's.
      if (end === null)
        throw new AgeError('age 文件已截断：文件在文件头中结束（找不到 MAC 行），或文件头已损坏');
      await unwrapFileKey(head.subarray(0, end), this.#keys); // a wrong key is named first
      throw new AgeError('age 文件已截断');
    }
    if (this.#counter === 0 && this.#held < TAG) throw new AgeError('age 文件已截断');
    const plain = joinParts(this.#open([this.#pending.subarray(0, this.#held)], true));
    // Only a file that is empty as a whole may end in an empty chunk.
    if (plain.length === 0 && this.#counter > 1) throw new AgeError('age 文件结尾多出空块');
    return plain;
  }

  /**
   * Opens the chunk the file's size makes the last, from `tail`, with the last-chunk nonce: a
   * file cut anywhere fails here (the STREAM's last flag and counter are in the nonce), with the
   * message `end` would give after reading everything.
   * @throws {AgeTruncatedError}
   */
  async #checkLast(tail: AgeTail, start: number): Promise<void> {
    const SEALED = CHUNK + TAG;
    const payload = tail.size - start;
    const index = Math.max(1, Math.ceil(payload / SEALED)) - 1;
    const at = index * SEALED;
    if (index === 0 && payload < TAG) throw new AgeTruncatedError('age 文件已截断');
    const bytes = await tail.read(start + at, payload - at);
    const counter = this.#counter;
    this.#counter = index;
    try {
      this.#open([bytes], true);
    } catch (error) {
      throw new AgeTruncatedError(error instanceof Error ? error.message : String(error));
    } finally {
      this.#counter = counter;
    }
  }

  #open(sealed: readonly Uint8Array[], last: boolean): Uint8Array[] {
    const i = this.#counter++;
    const plain = this.#aead?.openParts(streamNonce(i, last), sealed) ?? null;
    if (!plain) {
      throw new AgeError(
        last
          ? `age 文件已截断（或结尾损坏）：最后一块（第 ${i + 1} 块）校验失败`
          : `age 文件第 ${i + 1} 块校验失败：文件已损坏或被截断`,
      );
    }
    return plain;
  }
}

/** End of the header (after the MAC line) in the first bytes of a file, or null if not there yet. */
function findHeaderEnd(file: Uint8Array): number | null {
  const limit = Math.min(file.length, MAX_HEADER);
  for (let i = 0; i + 4 < limit; i++) {
    if (file[i] === 0x0a && startsWith(file, i + 1, '--- ')) {
      const end = file.indexOf(0x0a, i + 5);
      if (end < 0 || end >= MAX_HEADER) return null;
      return end + 1;
    }
  }
  return null;
}

async function unwrapFileKey(header: Uint8Array, keys: readonly AgeKey[]): Promise<Uint8Array> {
  const d = new (await typage()).Decrypter();
  for (const k of keys) {
    if ('identity' in k) d.addIdentity(k.identity);
    else d.addPassphrase(k.passphrase);
  }
  try {
    return await d.decryptHeader(header);
  } catch (error) {
    const text = error instanceof Error ? error.message : '';
    throw new AgeError(headerRefusal(header, keys, text));
  }
}

/**
 * typage's header refusals said in the user's words (its own texts are English and name its
 * internals), the one sentence every door shows (the desk's import, the CLI's --identity /
 * --passphrase-file, the expert's import). When no key fits, what the header says it was sealed
 * for decides the sentence: the other kind of key given (a passphrase for a file sealed to an
 * identity, or the reverse: the user holding both picks the other); a file sealed to identities
 * (age X25519) none of which is the one given — sealed to another key, not a key typed wrong; a
 * passphrase file the passphrase given does not open. Then a header changed after sealing, a
 * passphrase file not as age writes it, or a header that is not age's at all.
 */
function headerRefusal(header: Uint8Array, keys: readonly AgeKey[], typageMessage: string): string {
  if (typageMessage.startsWith('no identity matched')) {
    const types = new TextDecoder()
      .decode(header)
      .split('\n')
      .filter((line) => line.startsWith('-> '))
      .map((line) => line.split(' ')[1] ?? '');
    const identities = keys.some((k) => 'identity' in k);
    const passphrases = keys.some((k) => 'passphrase' in k);
    const sealedWithPassphrase = types.length > 0 && types.every((t) => t === 'scrypt');
    const sealedToKeys = types.length > 0 && !types.includes('scrypt');
    if (sealedWithPassphrase && !passphrases)
      return '该文件是用口令加密的，所给的是身份密钥而不是口令：请给出口令';
    if (sealedToKeys && !identities)
      return '该文件是加密给身份密钥（age X25519）的，所给的是口令而不是身份密钥：请给出 age 身份密钥';
    if (sealedToKeys)
      return '这个文件不是加密给这把密钥的：它是为别的密钥加密的（请确认文件的来处，或用对应的密钥打开）';
    if (sealedWithPassphrase) return '口令不对：所给的口令打不开这个文件（它不是用这个口令加密的）';
    return '密钥或口令不对：所给的密钥或口令都打不开这个文件（它不是为这把密钥或这个口令加密的）';
  }
  if (typageMessage === 'invalid header HMAC') return '文件头已被改动：文件头的校验码与内容不符';
  if (typageMessage === 'scrypt work factor is too high')
    return '口令加密的计算量参数过大，拒绝打开';
  if (typageMessage.startsWith('scrypt recipient is not the only one'))
    return '文件头不合规：用口令加密的文件只能有口令这一个接收方';
  return '密钥或口令不对，或文件头已损坏（不是 age 能读的文件头）';
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
  const decrypter = new AgeStreamDecrypter(keys, crypto);
  const pieces: Uint8Array[] = [];
  let size = 0;
  const step = 64 * (CHUNK + TAG);
  for (let i = 0; i < binary.length; i += step) {
    for (const p of await decrypter.push(binary.subarray(i, Math.min(binary.length, i + step)))) {
      pieces.push(p);
      size += p.length;
    }
    onProgress?.(i, binary.length);
  }
  const last = await decrypter.end();
  const out = new Uint8Array(size + last.length);
  let at = 0;
  for (const p of [...pieces, last]) {
    out.set(p, at);
    at += p.length;
  }
  onProgress?.(binary.length, binary.length);
  return out;
}
