import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffSeconds, KeyError, ProfileStore, SCRYPT_DEFAULT, type Keychain } from './profiles';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

async function store(now: () => number = Date.now) {
  return new ProfileStore(await mkdtemp(join(tmpdir(), 'jb-keys-')), FAST, now);
}

describe('profiles and data keys', () => {
  it('uses OWASP scrypt parameters by default', () => {
    expect(SCRYPT_DEFAULT).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('creates a profile whose data key never touches the disk in clear, and unlocks it', async () => {
    const s = await store();
    const { profile, dataKey } = await s.create('张志远', '克拉玛依 correct horse');
    expect(dataKey.length).toBe(32);
    const file = await readFile(join(s.dir, `${profile.id}.json`), 'utf8');
    expect(file).not.toContain(Buffer.from(dataKey).toString('base64'));
    expect(file).not.toContain(Buffer.from(dataKey).toString('hex'));
    expect(file).not.toContain('correct horse');
    expect(await s.unlock(profile.id, '克拉玛依 correct horse')).toEqual(dataKey);
    expect((await s.list()).map((p) => p.label)).toEqual(['张志远']);
  });

  it('refuses a weak passphrase', async () => {
    await expect((await store()).create('x', 'short')).rejects.toThrow('口令至少 10 个字符');
  });

  it('answers a wrong passphrase clearly, changes no key, and slows down repeated failures', async () => {
    let clock = 1_000_000;
    const s = await store(() => clock);
    const { profile, dataKey } = await s.create('E01', 'the right passphrase');
    const before = (await s.read(profile.id)).passphrase;
    for (let i = 0; i < 3; i++)
      await expect(s.unlock(profile.id, 'wrong passphrase!')).rejects.toThrow('口令不正确');
    expect((await s.read(profile.id)).passphrase).toEqual(before);
    await expect(s.unlock(profile.id, 'the right passphrase')).rejects.toThrow(/请在 \d+ 秒后再试/);
    clock += backoffSeconds(3) * 1000 + 1;
    expect(await s.unlock(profile.id, 'the right passphrase')).toEqual(dataKey);
    expect((await s.read(profile.id)).failures.count).toBe(0);
    expect(backoffSeconds(2)).toBe(0);
    expect(backoffSeconds(20)).toBe(300);
  });

  it('changes the passphrase by rewrapping the same data key with a new salt', async () => {
    const s = await store();
    const { profile, dataKey } = await s.create('E02', 'old passphrase 1');
    const salt = (await s.read(profile.id)).passphrase.kdf.salt;
    await s.changePassphrase(profile.id, 'old passphrase 1', 'new passphrase 2');
    expect((await s.read(profile.id)).passphrase.kdf.salt).not.toBe(salt);
    await expect(s.unlock(profile.id, 'old passphrase 1')).rejects.toThrow(KeyError);
    expect(await s.unlock(profile.id, 'new passphrase 2')).toEqual(dataKey);
    expect(await readdir(s.dir)).toEqual([`${profile.id}.json`]);
  });

  it('keeps one profile per expert, each with its own key', async () => {
    const s = await store();
    const a = await s.create('E01', 'passphrase of E01');
    const b = await s.create('E02', 'passphrase of E02');
    expect(a.dataKey).not.toEqual(b.dataKey);
    await expect(s.unlock(a.profile.id, 'passphrase of E02')).rejects.toThrow('口令不正确');
  });

  it('refuses the OS keychain when its backend is basic_text, accepts a real one', async () => {
    const s = await store();
    const { profile, dataKey } = await s.create('E03', 'keychain passphrase');
    const fake = (backend: string): Keychain => ({
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => backend,
      encryptString: (plain) => new Uint8Array(Buffer.from(`sealed:${plain}`)),
      decryptString: (cipher) =>
        Buffer.from(cipher)
          .toString()
          .replace(/^sealed:/, ''),
    });
    await expect(
      s.enableKeychain(profile.id, 'keychain passphrase', fake('basic_text')),
    ).rejects.toThrow('basic_text');
    await expect(s.enableKeychain(profile.id, 'keychain passphrase', undefined)).rejects.toThrow(
      '没有可用的钥匙串',
    );
    await s.enableKeychain(profile.id, 'keychain passphrase', fake('gnome_libsecret'));
    expect(await s.unlockWithKeychain(profile.id, fake('gnome_libsecret'))).toEqual(dataKey);
    await expect(s.unlockWithKeychain(profile.id, fake('basic_text'))).rejects.toThrow(
      'basic_text',
    );
  });
});
