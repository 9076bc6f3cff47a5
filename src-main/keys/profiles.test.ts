import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
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

  it('refuses a passphrase of only spaces at creation and change, whatever its length (tester iC finding 10)', async () => {
    const s = await store();
    await expect(s.create('x', ' '.repeat(10))).rejects.toThrow(
      '口令不能只由空格组成（全角、半角空格或制表符都算）：请用文字、字母、数字或符号。',
    );
    await expect(s.create('x', '\u3000 \t\u200b'.repeat(4))).rejects.toThrow(
      '口令不能只由空格组成',
    );
    expect(await s.list()).toEqual([]);
    const { profile } = await s.create('E01', 'the right passphrase');
    const before = (await s.read(profile.id)).passphrase;
    await expect(
      s.changePassphrase(profile.id, 'the right passphrase', '\u3000'.repeat(10)),
    ).rejects.toThrow('新口令不能只由空格组成');
    expect((await s.read(profile.id)).passphrase).toEqual(before);
    // Spaces inside a passphrase are fine.
    await s.create('E02', '  克拉玛依  评审  ');
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

describe('profiles under concurrency (issue 23)', () => {
  it('serialises a burst of sixteen: three tried, thirteen told to wait, the count on disk is three', async () => {
    const s = await store(() => 5_000_000); // the clock stands still: no backoff ever runs out
    const { profile } = await s.create('E04', 'the right passphrase');
    const answers = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) => s.unlock(profile.id, `wrong passphrase ${i}`)),
    );
    const codes = answers.map((a) =>
      a.status === 'rejected' && a.reason instanceof KeyError ? a.reason.code : 'other',
    );
    expect(codes.filter((c) => c === 'wrong-passphrase')).toHaveLength(3);
    expect(codes.filter((c) => c === 'too-soon')).toHaveLength(13);
    expect((await s.read(profile.id)).failures.count).toBe(3);
    expect(await readdir(s.dir)).toEqual([`${profile.id}.json`]);
  });

  it('counts an attempt before deriving the key: a derivation that fails still counts', async () => {
    const s = await store();
    const { profile } = await s.create('E05', 'the right passphrase');
    // A tampered file whose scrypt parameters the derivation refuses (N must be a power of two).
    const tampered = {
      ...profile,
      passphrase: { ...profile.passphrase, kdf: { ...profile.passphrase.kdf, N: 3 } },
    };
    await writeFile(join(s.dir, `${profile.id}.json`), JSON.stringify(tampered));
    await expect(s.unlock(profile.id, 'the right passphrase')).rejects.toThrow('已损坏');
    expect((await s.read(profile.id)).failures.count).toBe(1);
  });

  it('keeps every profile whole when creates, unlocks and changes run at once', async () => {
    const s = await store();
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => s.create(`E1${i}`, `passphrase number ${i}`)),
    );
    await Promise.all(
      made.flatMap(({ profile }, i) => [
        s.unlock(profile.id, `passphrase number ${i}`),
        s.changePassphrase(profile.id, `passphrase number ${i}`, `changed passphrase ${i}`),
        s.unlock(profile.id, 'not it at all').catch(() => undefined),
      ]),
    );
    expect((await s.list()).map((p) => p.label).sort()).toEqual(
      made.map((m) => m.profile.label).sort(),
    );
    for (const [i, { profile, dataKey }] of made.entries()) {
      expect(await s.unlock(profile.id, `changed passphrase ${i}`)).toEqual(dataKey);
    }
    expect((await readdir(s.dir)).every((name) => name.endsWith('.json'))).toBe(true);
  });
});
