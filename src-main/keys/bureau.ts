/**
 * The bureau's keys on its desk (issue 18), guarded by main like the data key: the Ed25519
 * signing key (签发评审包) and the age identity (the panels encrypt their results to it) are made
 * here and kept only sealed with AES-256-GCM under the profile's data key, which main gets back
 * only for the profile's passphrase (`ProfileStore.unlock`: its backoff, its on-disk failure
 * count). The renderer sees the public parts — fingerprint, PEM, age recipient — never a secret.
 *
 *   <dataDir>/profiles/<profileId>.bureau.json
 *
 * Rotation makes a new pair and keeps the old public key as retired (its bundles are still this
 * bureau's for ingest); the old secrets are dropped.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { emptyTrust, type TrustState } from '../../src-shared/bundle';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import {
  fingerprint,
  generateSigningKey,
  publicKeyOf,
  publicKeyToPem,
} from '../../src-shared/crypto/keys';
import { writeFileAtomic } from '../fs/atomic-write';
import { KeyError, type ProfileStore } from './profiles';
import { KeyedQueue } from './queue';

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const PublicPartsSchema = z.object({
  fingerprint: Hex64,
  publicKeyPem: z.string(),
  ageRecipient: z.string().regex(/^age1[0-9a-z]+$/),
  createdAt: z.string(),
});
export type BureauPublicKey = z.infer<typeof PublicPartsSchema>;

const BureauKeyFileSchema = z.object({
  formatVersion: z.literal(1),
  profileId: z.string(),
  current: PublicPartsSchema,
  retired: z.array(
    z.object({ fingerprint: Hex64, publicKeyPem: z.string(), retiredAt: z.string() }),
  ),
  /** The highest counter each of the bureau's keys signed (the receivers refuse replays). */
  counters: z.record(z.string(), z.number().int()).default({}),
  /** AES-256-GCM under the data key: `{ signing: base64, age: AGE-SECRET-KEY-… }`. */
  sealed: z.object({ iv: B64, ciphertext: B64 }),
});
type BureauKeyFile = z.infer<typeof BureauKeyFileSchema>;

const SecretsSchema = z.object({ signing: B64, age: z.string().startsWith('AGE-SECRET-KEY-') });

/** The secrets, for the length of one operation in main. */
export interface BureauSecrets {
  secretKey: Uint8Array;
  ageIdentity: string;
}

export interface BureauKeyInfo extends BureauPublicKey {
  retired: { fingerprint: string; retiredAt: string }[];
}

const queue = new KeyedQueue();
const aad = (profileId: string) => Buffer.from(`jiebang-bureau-keys:${profileId}`);

function seal(secrets: BureauSecrets, dataKey: Uint8Array, profileId: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(aad(profileId));
  const plain = JSON.stringify({
    signing: Buffer.from(secrets.secretKey).toString('base64'),
    age: secrets.ageIdentity,
  });
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), ciphertext: ct.toString('base64') };
}

function unseal(file: BureauKeyFile, dataKey: Uint8Array): BureauSecrets {
  const data = Buffer.from(file.sealed.ciphertext, 'base64');
  let plain: string;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      dataKey,
      Buffer.from(file.sealed.iv, 'base64'),
    );
    decipher.setAAD(aad(file.profileId));
    decipher.setAuthTag(data.subarray(data.length - 16));
    plain = Buffer.concat([
      decipher.update(data.subarray(0, data.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new KeyError('corrupt', damaged(file.profileId));
  }
  const parsed = SecretsSchema.safeParse(JSON.parse(plain));
  if (!parsed.success) throw new KeyError('corrupt', damaged(file.profileId));
  const secretKey = new Uint8Array(Buffer.from(parsed.data.signing, 'base64'));
  if (fingerprint(publicKeyOf(secretKey)) !== file.current.fingerprint)
    throw new KeyError('corrupt', damaged(file.profileId));
  return { secretKey, ageIdentity: parsed.data.age };
}

const damaged = (id: string) =>
  `本局密钥文件 ${id}.bureau.json 已损坏或不属于此档案，无法使用；未作任何更改。`;
const NONE = '此档案还没有本局密钥：请先在“市科技局”页面生成。';

async function newSecrets(): Promise<{ secrets: BureauSecrets; pub: BureauPublicKey }> {
  const key = generateSigningKey();
  const age = await generateAgeIdentity();
  return {
    secrets: { secretKey: key.secretKey, ageIdentity: age.identity },
    pub: {
      fingerprint: fingerprint(key.publicKey),
      publicKeyPem: publicKeyToPem(key.publicKey),
      ageRecipient: age.recipient,
      createdAt: new Date().toISOString(),
    },
  };
}

/** The bureau's own import-policy state: its key pinned, the keys rotated away, its counters. */
const trustOf = (f: BureauKeyFile): TrustState => ({
  ...emptyTrust(),
  bureauFingerprint: f.current.fingerprint,
  retiredBureauKeys: f.retired.map((r) => r.fingerprint),
  counters: f.counters,
});

const info = (f: BureauKeyFile): BureauKeyInfo => ({
  ...f.current,
  retired: f.retired.map((r) => ({ fingerprint: r.fingerprint, retiredAt: r.retiredAt })),
});

/** The bureau keys of the profiles of one data directory (see the module doc). */
export class BureauKeyStore {
  constructor(readonly profiles: ProfileStore) {}

  private path(profileId: string): string {
    if (!/^[a-f0-9-]{36}$/.test(profileId)) throw new KeyError('no-profile', '没有这个用户档案。');
    return join(this.profiles.dir, `${profileId}.bureau.json`);
  }

  private async file(profileId: string): Promise<BureauKeyFile | null> {
    let text: string;
    try {
      text = await readFile(this.path(profileId), 'utf8');
    } catch {
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new KeyError('corrupt', damaged(profileId));
    }
    const parsed = BureauKeyFileSchema.safeParse(json);
    if (!parsed.success || parsed.data.profileId !== profileId)
      throw new KeyError('corrupt', damaged(profileId));
    return parsed.data;
  }

  private write(file: BureauKeyFile): Promise<void> {
    return writeFileAtomic(this.path(file.profileId), JSON.stringify(file, null, 2), {
      mode: 0o600,
    });
  }

  /** The public parts, or null when this profile has no bureau keys. */
  async info(profileId: string): Promise<BureauKeyInfo | null> {
    const f = await this.file(profileId);
    return f ? info(f) : null;
  }

  /** Makes the keys (refused when they exist: rotation replaces them). */
  async create(profileId: string, passphrase: string): Promise<BureauKeyInfo> {
    return queue.run(profileId, async () => {
      if (await this.file(profileId))
        throw new KeyError('corrupt', '此档案已有本局密钥；更换请用“轮换密钥”。未作任何更改。');
      const dataKey = await this.profiles.unlock(profileId, passphrase);
      const made = await newSecrets();
      const file: BureauKeyFile = {
        formatVersion: 1,
        profileId,
        current: made.pub,
        retired: [],
        counters: {},
        sealed: seal(made.secrets, dataKey, profileId),
      };
      dataKey.fill(0);
      await this.write(file);
      return info(file);
    });
  }

  /**
   * Runs `work` with the secrets (unsealed for the passphrase, zeroed when it ends) and the
   * bureau's trust state; the counters of the trust state `work` returns are kept.
   */
  async use<T>(
    profileId: string,
    passphrase: string,
    work: (secrets: BureauSecrets, trust: TrustState) => Promise<{ value: T; trust?: TrustState }>,
  ): Promise<T> {
    return queue.run(profileId, async () => {
      const f = await this.file(profileId);
      if (!f) throw new KeyError('no-profile', NONE);
      const dataKey = await this.profiles.unlock(profileId, passphrase);
      const secrets = unseal(f, dataKey);
      dataKey.fill(0);
      try {
        const done = await work(secrets, trustOf(f));
        if (done.trust) await this.write({ ...f, counters: done.trust.counters });
        return done.value;
      } finally {
        secrets.secretKey.fill(0);
      }
    });
  }

  /**
   * A new key pair; the old public key is kept as retired. `work` gets the old and the new
   * secrets before anything is written (the rotation bundle is signed by both), and the file is
   * replaced only when it succeeds.
   */
  async rotate<T>(
    profileId: string,
    passphrase: string,
    work: (
      old: BureauSecrets,
      next: BureauSecrets,
      trust: TrustState,
    ) => Promise<{ value: T; trust: TrustState }>,
  ): Promise<{ value: T; key: BureauKeyInfo }> {
    return queue.run(profileId, async () => {
      const f = await this.file(profileId);
      if (!f) throw new KeyError('no-profile', NONE);
      const dataKey = await this.profiles.unlock(profileId, passphrase);
      const old = unseal(f, dataKey);
      const made = await newSecrets();
      try {
        const done = await work(old, made.secrets, trustOf(f));
        const next: BureauKeyFile = {
          ...f,
          counters: done.trust.counters,
          current: made.pub,
          retired: [
            ...f.retired,
            {
              fingerprint: f.current.fingerprint,
              publicKeyPem: f.current.publicKeyPem,
              retiredAt: made.pub.createdAt,
            },
          ],
          sealed: seal(made.secrets, dataKey, profileId),
        };
        await this.write(next);
        return { value: done.value, key: info(next) };
      } finally {
        dataKey.fill(0);
        old.secretKey.fill(0);
        made.secrets.secretKey.fill(0);
      }
    });
  }
}
