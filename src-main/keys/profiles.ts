/**
 * Profiles and their data keys, guarded by main (docs/storage.md "How it works"). Each profile (one per expert on a shared laptop) has its own random 256-bit
 * data key (DEK), stored only wrapped: AES-256-GCM under a key derived from the passphrase with
 * scrypt (OWASP: N=2^17, r=8, p=1), a new salt at every wrap; optionally also wrapped by the OS
 * keychain (safeStorage), never when its Linux backend is `basic_text` (a fixed, public key).
 * Wrong passphrases are answered ever more slowly. Changing the passphrase rewraps the DEK only.
 *
 * Under concurrency (a renderer or a script sending many requests at once): every operation on one
 * profile runs alone, in order (`KeyedQueue`, shared by every store in the process); an unlock
 * attempt is counted on disk *before* the key derivation runs, so neither a burst of parallel
 * attempts nor a crash during the derivation escapes the backoff; every file is written through
 * `writeFileAtomic` (unique temporary name, fsync, rename), so concurrent writers can neither
 * corrupt a profile nor lose one.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  newPassphraseProblem,
  blankPassphraseText,
  MIN_PASSPHRASE,
  normalisePassphrase,
} from '../../src-shared/passphrase';
import { labelTakenText, profileOfSameName } from '../../src-shared/profile-label';
import { writeFileAtomic } from '../fs/atomic-write';
import { KeyedQueue } from './queue';

export const SCRYPT_DEFAULT = { N: 2 ** 17, r: 8, p: 1 } as const;

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const WrapSchema = z.object({
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: B64,
  }),
  iv: B64,
  ciphertext: B64,
});
type Wrap = z.infer<typeof WrapSchema>;

export const ProfileFileSchema = z.object({
  formatVersion: z.literal(1),
  id: z.string().regex(/^[a-f0-9-]{36}$/),
  label: z.string().min(1).max(100),
  createdAt: z.string(),
  passphrase: WrapSchema,
  keychain: B64.optional(),
  failures: z
    .object({ count: z.number().int().nonnegative(), lastAt: z.number() })
    .default({ count: 0, lastAt: 0 }),
});
export type ProfileFile = z.infer<typeof ProfileFileSchema>;

export class KeyError extends Error {
  override name = 'KeyError';
  constructor(
    readonly code:
      | 'wrong-passphrase'
      | 'too-soon'
      | 'weak-passphrase'
      | 'no-profile'
      | 'label-taken'
      | 'keychain-refused'
      | 'corrupt'
      | 'storage',
    message: string,
  ) {
    super(message);
  }
}

function deriveKek(
  passphrase: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(
      normalisePassphrase(passphrase),
      salt,
      32,
      { ...params, maxmem: 256 * 1024 * 1024 },
      (err, key) => (err ? fail(err) : done(key)),
    ),
  );
}

export async function wrapKey(
  dek: Uint8Array,
  passphrase: string,
  aad: string,
  params: { N: number; r: number; p: number } = SCRYPT_DEFAULT,
): Promise<Wrap> {
  const salt = randomBytes(16);
  const kek = await deriveKek(passphrase, salt, params);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(dek), cipher.final(), cipher.getAuthTag()]);
  return {
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    ciphertext: ct.toString('base64'),
  };
}

export async function unwrapKey(
  wrap: Wrap,
  passphrase: string,
  aad: string,
): Promise<Uint8Array | null> {
  const kek = await deriveKek(passphrase, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
  const data = Buffer.from(wrap.ciphertext, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return new Uint8Array(
      Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]),
    );
  } catch {
    return null;
  }
}

/** Seconds to wait after `failures` wrong passphrases: none for 3, then doubling up to 5 minutes. */
export function backoffSeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(300, 2 ** (failures - 2));
}

export interface Keychain {
  isEncryptionAvailable: () => boolean;
  getSelectedStorageBackend?: () => string;
  encryptString: (plain: string) => Uint8Array;
  decryptString: (cipher: Uint8Array) => string;
}

const NO_PROFILE = '没有这个用户档案。';
/** Main's refusal of a new passphrase (`newPassphraseProblem`, the gate's rule), or null. */
const weak = (what: string, passphrase: string): string | null => {
  const problem = newPassphraseProblem(passphrase);
  if (problem === 'too-short') return `${what}至少 ${MIN_PASSPHRASE} 个字符。`;
  return problem === 'blank' ? `${blankPassphraseText(what)}。` : null;
};

const damaged = (id: string) => `用户档案文件 ${id}.json 已损坏，无法使用；未作任何更改。`;

/** Every operation on one profile file, across every store of this process, runs alone. */
const queue = new KeyedQueue();

export class ProfileStore {
  constructor(
    readonly dir: string,
    readonly params: { N: number; r: number; p: number } = SCRYPT_DEFAULT,
    readonly now: () => number = Date.now,
  ) {}

  private path(id: string): string {
    if (!/^[a-f0-9-]{36}$/.test(id)) throw new KeyError('no-profile', NO_PROFILE);
    return join(this.dir, `${id}.json`);
  }

  /** Runs `work` alone among the operations on profile `id` (see the module comment). */
  private serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    return queue.run(resolve(this.path(id)), work);
  }

  /** Every readable profile, oldest first; a damaged file is skipped, never fatal to the list. */
  async list(): Promise<ProfileFile[]> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const out: ProfileFile[] = [];
    for (const name of await readdir(this.dir)) {
      if (!/^[a-f0-9-]{36}\.json$/.test(name)) continue;
      const parsed = parseProfile(await readFile(join(this.dir, name), 'utf8').catch(() => ''));
      if (parsed) out.push(parsed);
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async read(id: string): Promise<ProfileFile> {
    let text: string;
    try {
      text = await readFile(this.path(id), 'utf8');
    } catch {
      throw new KeyError('no-profile', NO_PROFILE);
    }
    const parsed = parseProfile(text);
    if (!parsed || parsed.id !== id) throw new KeyError('corrupt', damaged(id));
    return parsed;
  }

  /** Atomic and durable (writeFileAtomic): a crash leaves the old file or the new one. */
  private async write(profile: ProfileFile): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.path(profile.id), JSON.stringify(profile, null, 2), {
      mode: 0o600,
    });
  }

  async create(
    label: string,
    passphrase: string,
  ): Promise<{ profile: ProfileFile; dataKey: Uint8Array }> {
    const refused = weak('口令', passphrase);
    if (refused) throw new KeyError('weak-passphrase', refused);
    const id = randomUUID();
    const dataKey = new Uint8Array(randomBytes(32));
    const profile: ProfileFile = {
      formatVersion: 1,
      id,
      label,
      createdAt: new Date(this.now()).toISOString(),
      passphrase: await wrapKey(dataKey, passphrase, id, this.params),
      failures: { count: 0, lastAt: 0 },
    };
    // A second profile of the same name is refused (`profileOfSameName`, the gate's rule too): the
    // look and the write run alone among this folder's creations, so two at once cannot both pass.
    await queue.run(`${resolve(this.dir)} create`, async () => {
      const taken = profileOfSameName(label, await this.list());
      if (taken) throw new KeyError('label-taken', labelTakenText(taken.label));
      await this.serial(id, () => this.write(profile));
    });
    return { profile, dataKey };
  }

  /**
   * The data key for the right passphrase. Refused (`too-soon`) while the backoff of earlier
   * failures runs; otherwise the attempt is recorded on disk first, then the key derived, and the
   * count cleared only when the passphrase was right.
   */
  async unlock(id: string, passphrase: string): Promise<Uint8Array> {
    return this.serial(id, () => this.unlockAlone(id, passphrase));
  }

  /** `unlock` for callers already inside `serial(id)`. */
  private async unlockAlone(id: string, passphrase: string): Promise<Uint8Array> {
    const profile = await this.read(id);
    const wait =
      backoffSeconds(profile.failures.count) * 1000 - (this.now() - profile.failures.lastAt);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new KeyError('too-soon', `口令错误次数过多，请在 ${seconds} 秒后再试；本次未尝试。`);
    }
    const count = profile.failures.count + 1;
    await this.write({ ...profile, failures: { count, lastAt: this.now() } });
    // Parameters the derivation refuses (N not a power of two, past the memory bound) can only
    // come from a damaged or tampered file; the attempt stays counted.
    const key = await unwrapKey(profile.passphrase, passphrase, id).catch(() => {
      throw new KeyError('corrupt', damaged(id));
    });
    if (!key) {
      const next = backoffSeconds(count);
      throw new KeyError(
        'wrong-passphrase',
        next > 0
          ? `口令不正确；请在 ${next} 秒后再试。未作任何更改。`
          : '口令不正确。未作任何更改。',
      );
    }
    await this.write({ ...profile, failures: { count: 0, lastAt: 0 } });
    return key;
  }

  /** Rewraps the same data key under a new passphrase (new salt); nothing else changes. */
  async changePassphrase(id: string, oldPassphrase: string, newPassphrase: string): Promise<void> {
    const refused = weak('新口令', newPassphrase);
    if (refused) throw new KeyError('weak-passphrase', refused);
    await this.serial(id, async () => {
      const dataKey = await this.unlockAlone(id, oldPassphrase);
      const profile = await this.read(id);
      await this.write({
        ...profile,
        passphrase: await wrapKey(dataKey, newPassphrase, id, this.params),
      });
    });
  }

  /** Also wraps the data key with the OS keychain; refused where that would be no protection. */
  async enableKeychain(
    id: string,
    passphrase: string,
    keychain: Keychain | undefined,
  ): Promise<void> {
    if (!keychain || !keychain.isEncryptionAvailable())
      throw new KeyError('keychain-refused', '此系统没有可用的钥匙串。');
    if (keychain.getSelectedStorageBackend?.() === 'basic_text') {
      throw new KeyError(
        'keychain-refused',
        '系统钥匙串为 basic_text（固定密钥，不能保护数据），已拒绝；请继续使用口令。',
      );
    }
    await this.serial(id, async () => {
      const dataKey = await this.unlockAlone(id, passphrase);
      const profile = await this.read(id);
      const sealed = keychain.encryptString(Buffer.from(dataKey).toString('base64'));
      await this.write({ ...profile, keychain: Buffer.from(sealed).toString('base64') });
    });
  }

  async unlockWithKeychain(id: string, keychain: Keychain | undefined): Promise<Uint8Array> {
    const profile = await this.serial(id, () => this.read(id));
    if (!profile.keychain || !keychain || !keychain.isEncryptionAvailable())
      throw new KeyError('keychain-refused', '此档案未启用钥匙串解锁。');
    if (keychain.getSelectedStorageBackend?.() === 'basic_text')
      throw new KeyError('keychain-refused', '系统钥匙串为 basic_text，已拒绝。');
    let plain: string;
    try {
      plain = keychain.decryptString(new Uint8Array(Buffer.from(profile.keychain, 'base64')));
    } catch {
      throw new KeyError(
        'keychain-refused',
        '系统钥匙串无法解开此档案的密钥（钥匙串可能已重置）；请用口令解锁。',
      );
    }
    return new Uint8Array(Buffer.from(plain, 'base64'));
  }
}

/** A profile file's text, parsed and checked, or null when it is not one (damaged, truncated). */
function parseProfile(text: string): ProfileFile | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ProfileFileSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
