import { armor, Decrypter, Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  AgeError,
  ageDecrypt,
  ageEncrypt,
  generateAgeIdentity,
  isAgeFile,
  isArmoredAgeFile,
} from './age';
import { nobleCrypto as crypto } from './noble';

const CHUNK = 64 * 1024;
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);

describe('age through the crypto provider', () => {
  it('round-trips sizes around the 64 KiB chunk (empty, one byte, exactly one chunk, more)', async () => {
    const { identity, recipient } = await generateAgeIdentity();
    for (const n of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK]) {
      const plain = bytes(n);
      const sealed = await ageEncrypt(plain, { recipient }, crypto);
      expect(isAgeFile(sealed)).toBe(true);
      expect(await ageDecrypt(sealed, [{ identity }], crypto), `${n}`).toEqual(plain);
    }
  });

  it('interoperates with typage (age-encryption) both ways, binary and armored', async () => {
    const { identity, recipient } = await generateAgeIdentity();
    const plain = bytes(CHUNK + 100);
    const e = new Encrypter();
    e.addRecipient(recipient);
    const theirs = await e.encrypt(plain);
    expect(await ageDecrypt(theirs, [{ identity }], crypto)).toEqual(plain);
    const armored = new TextEncoder().encode(armor.encode(theirs));
    expect(isArmoredAgeFile(armored)).toBe(true);
    expect(isAgeFile(new TextEncoder().encode(`\r\n  ${armor.encode(theirs)}`))).toBe(true);
    expect(await ageDecrypt(armored, [{ identity }], crypto)).toEqual(plain);
    const d = new Decrypter();
    d.addIdentity(identity);
    expect(await d.decrypt(await ageEncrypt(plain, { recipient }, crypto))).toEqual(plain);
  });

  it('passphrases (scrypt) both ways', async () => {
    const plain = bytes(1000);
    const sealed = await ageEncrypt(plain, { passphrase: '纸上的口令 7d1f' }, crypto);
    const d = new Decrypter();
    d.addPassphrase('纸上的口令 7d1f');
    expect(await d.decrypt(sealed)).toEqual(plain);
    // A wrong passphrase for a passphrase file: the passphrase is named, not a key.
    await expect(ageDecrypt(sealed, [{ passphrase: 'wrong' }], crypto)).rejects.toThrow(
      /^口令不对：所给的口令打不开这个文件（它不是用这个口令加密的）$/,
    );
    // The other kind of key given: said as such, both ways.
    const { identity, recipient } = await generateAgeIdentity();
    await expect(ageDecrypt(sealed, [{ identity }], crypto)).rejects.toThrow(
      '该文件是用口令加密的，所给的是身份密钥而不是口令',
    );
    const toIdentity = await ageEncrypt(plain, { recipient }, crypto);
    await expect(ageDecrypt(toIdentity, [{ passphrase: identity }], crypto)).rejects.toThrow(
      '该文件是加密给身份密钥（age X25519）的，所给的是口令而不是身份密钥',
    );
    // (Ours reading ours with the right passphrase: bundle.test.ts.)
  }, 90_000);

  it('refuses a wrong key, a changed byte, a file cut at a chunk boundary, a damaged armor', async () => {
    const { identity, recipient } = await generateAgeIdentity();
    const other = await generateAgeIdentity();
    const plain = bytes(2 * CHUNK + 10);
    const sealed = await ageEncrypt(plain, { recipient }, crypto);
    const wrongKey = ageDecrypt(sealed, [{ identity: other.identity }], crypto);
    await expect(wrongKey).rejects.not.toThrow('no identity matched');
    // Sealed to another key, not a key typed wrong; said in Chinese only (no English tail).
    await expect(wrongKey).rejects.toThrow(
      /^这个文件不是加密给这把密钥的：它是为别的密钥加密的（请确认文件的来处，或用对应的密钥打开）$/,
    );
    await expect(wrongKey).rejects.not.toThrow('口令');
    // The header's MAC line changed: the key fits, the header does not.
    const headerEnd = sealed.indexOf(0x0a, new TextDecoder().decode(sealed).indexOf('\n---') + 1);
    const macChanged = new Uint8Array(sealed);
    // Another base64 letter (a flipped bit could make one that is no base64, e.g. '+' → '*',
    // which is a header age cannot read, not a MAC that does not match).
    const A = 0x41;
    macChanged[headerEnd - 2] = macChanged[headerEnd - 2] === A ? A + 1 : A;
    await expect(ageDecrypt(macChanged, [{ identity }], crypto)).rejects.toThrow(
      /^文件头已被改动：文件头的校验码与内容不符$/,
    );
    for (const at of [30, sealed.length - 200, sealed.length - 1]) {
      const changed = new Uint8Array(sealed);
      changed[at] = (changed[at] ?? 0) ^ 1;
      await expect(ageDecrypt(changed, [{ identity }], crypto), `${at}`).rejects.toThrow(AgeError);
    }
    // Cut after the second full chunk: what remains decrypts chunk by chunk, but the last is not final.
    const cut = sealed.subarray(0, sealed.length - (10 + 16));
    await expect(ageDecrypt(cut, [{ identity }], crypto)).rejects.toThrow('截断');
    // Cut inside the header (before its MAC line): called cut, not only "damaged".
    for (const at of [30, headerEnd - 10]) {
      await expect(
        ageDecrypt(sealed.subarray(0, at), [{ identity }], crypto),
        `${at}`,
      ).rejects.toThrow('age 文件已截断：文件在文件头中结束');
    }
    const text = armor.encode(sealed);
    const damaged = new TextEncoder().encode(text.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!\n'));
    await expect(ageDecrypt(damaged, [{ identity }], crypto)).rejects.toThrow('ASCII armor');
  });
});
