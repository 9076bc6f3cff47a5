/** age encryption (the `age` file format), to an X25519 recipient or a passphrase. */
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

export const AGE_MAGIC = 'age-encryption.org/v1\n';

export function isAgeFile(bytes: Uint8Array): boolean {
  if (bytes.length < AGE_MAGIC.length) return false;
  for (let i = 0; i < AGE_MAGIC.length; i++) if (bytes[i] !== AGE_MAGIC.charCodeAt(i)) return false;
  return true;
}

export async function generateAgeIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const recipientOf = (identity: string): Promise<string> => identityToRecipient(identity);

export type AgeTarget = { recipient: string } | { passphrase: string };

export async function ageEncrypt(bytes: Uint8Array, target: AgeTarget): Promise<Uint8Array> {
  const e = new Encrypter();
  if ('recipient' in target) e.addRecipient(target.recipient);
  else e.setPassphrase(target.passphrase);
  return e.encrypt(bytes);
}

export type AgeKey = { identity: string } | { passphrase: string };

export async function ageDecrypt(bytes: Uint8Array, keys: readonly AgeKey[]): Promise<Uint8Array> {
  const d = new Decrypter();
  for (const k of keys) {
    if ('identity' in k) d.addIdentity(k.identity);
    else d.addPassphrase(k.passphrase);
  }
  return d.decrypt(bytes);
}

/** Reads an identity file: `AGE-SECRET-KEY-1…` lines, `#` comments ignored (as `age -i` does). */
export function parseIdentityFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
}
