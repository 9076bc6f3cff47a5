import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { IpcError, type ProfileSummary } from '../../../src-shared/ipc';
import { databaseName } from '../db/database';
import { say } from '../i18n/strings';
import { auditLog, commitChange } from '../db/repo';
import { exportedSheetOfProfile } from './local-profile';
import {
  changePassphrase,
  createProfile,
  lockProfile,
  profileProblem,
  unlockProfile,
  type ProfileApi,
} from './profile';
import { AT } from './test-db';

const now = () => AT;
const made: string[] = [];
afterEach(async () => {
  for (const id of made.splice(0)) await Dexie.delete(databaseName(id));
});

/** Main's side of profiles, as a fake: each profile's passphrase and the data key it guards. */
function fakeMain() {
  const kept = new Map<string, { summary: ProfileSummary; passphrase: string; key: Uint8Array }>();
  const calls: string[] = [];
  const wrong = () => new IpcError('forbidden', '口令不正确', ['wrong-passphrase']);
  const api: ProfileApi = {
    'profile:list': async () => [...kept.values()].map((p) => p.summary),
    'profile:create': async ({ label, passphrase }) => {
      calls.push('create');
      const id = crypto.randomUUID();
      made.push(id);
      const summary = { id, label, createdAt: AT.toISOString(), hasKeychain: false };
      const key = crypto.getRandomValues(new Uint8Array(32));
      kept.set(id, { summary, passphrase, key });
      return { profile: summary, dataKey: key.slice() };
    },
    'profile:unlock': async ({ id, passphrase }) => {
      calls.push('unlock');
      const p = kept.get(id);
      if (!p || p.passphrase !== passphrase) throw wrong();
      return { dataKey: p.key.slice() };
    },
    'profile:change-passphrase': async ({ id, oldPassphrase, newPassphrase }) => {
      calls.push('change');
      const p = kept.get(id);
      if (!p || p.passphrase !== oldPassphrase) throw wrong();
      p.passphrase = newPassphrase;
      return { changed: true };
    },
  };
  return { api, calls };
}

const PASS = '评审专用口令2026';

describe('a second profile of the same name', () => {
  it('is refused, saying to unlock the one there is or name this one apart; nothing created', async () => {
    const { api, calls } = fakeMain();
    const first = await createProfile(
      api,
      { label: '同名专家', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    );
    await lockProfile(first, 'manual', now);
    for (const label of ['同名专家', ' 同名 专家 ', '同名专家'.normalize('NFKC')]) {
      const again = createProfile(
        api,
        { label, passphrase: PASS, repeat: PASS, plaintext: false },
        now,
      );
      await expect(again, label).rejects.toThrow(
        '本机已有名为“同名专家”的用户档案：请直接选择它并输入口令解锁；如确为另一人，请在姓名后注明单位以示区别（如“同名专家（市科技局）”）',
      );
    }
    expect(calls.filter((c) => c === 'create')).toHaveLength(1);
    expect(await api['profile:list']()).toHaveLength(1);
    // Named apart, it is another profile.
    const other = await createProfile(
      api,
      { label: '同名专家（市科技局）', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    );
    expect(await api['profile:list']()).toHaveLength(2);
    await lockProfile(other, 'manual', now);
  });
});

describe('profiles: create, lock, unlock and a new passphrase, each on the record', () => {
  it('the expert creates a profile, locks it, unlocks it with the new passphrase and finds the record of each step', async () => {
    const { api } = fakeMain();
    const created = await createProfile(
      api,
      { label: ' 李明 ', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    );
    expect(created.profile.label).toBe('李明');
    await changePassphrase(
      api,
      created,
      { old: PASS, next: '另一个口令abcdef', repeat: '另一个口令abcdef' },
      now,
    );
    await lockProfile(created, 'idle', now);

    const reopened = await unlockProfile(api, created.profile, '另一个口令abcdef', false, now);
    expect((await auditLog(reopened.db)).map((e) => [e.actor, e.action])).toEqual([
      ['李明', 'profile.create'],
      ['李明', 'profile.change-passphrase'],
      ['李明', 'profile.autolock'],
      ['李明', 'profile.unlock'],
    ]);
    await lockProfile(reopened, 'manual', now);
  });

  it('a repeat that differs is refused before main is asked: no profile, nothing written', async () => {
    const { api, calls } = fakeMain();
    const refused = await createProfile(
      api,
      { label: '李明', passphrase: PASS, repeat: `${PASS}x`, plaintext: false },
      now,
    ).catch((e: unknown) => e);
    expect(profileProblem(refused)).toEqual({ key: 'gate.mismatch' });
    expect(calls).toEqual([]);
    expect(await api['profile:list']()).toEqual([]);
  });

  it('a passphrase of only spaces is refused before main is asked, at creation and change (tester iC finding 10)', async () => {
    const { api, calls } = fakeMain();
    const spaces = ' '.repeat(10);
    const refused = await createProfile(
      api,
      { label: '李明', passphrase: spaces, repeat: spaces, plaintext: false },
      now,
    ).catch((e: unknown) => e);
    expect(profileProblem(refused)).toEqual({ key: 'gate.blank' });
    expect(say('zh', { key: 'gate.blank' })).toBe(
      '口令不能只由空格组成（全角、半角空格或制表符都算）：请用文字、字母、数字或符号',
    );
    expect(calls).toEqual([]);
    const created = await createProfile(
      api,
      { label: '李明', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    );
    const wide = '\u3000'.repeat(10);
    const changed = await changePassphrase(
      api,
      created,
      { old: PASS, next: wide, repeat: wide },
      now,
    ).catch((e: unknown) => e);
    expect(profileProblem(changed)).toEqual({ key: 'gate.blank' });
    await lockProfile(created, 'manual', now);
  });

  it('a name hiding a bidi control is refused by name before main is asked; invisible characters are dropped', async () => {
    const { api, calls } = fakeMain();
    const refused = await createProfile(
      api,
      { label: '\u202e远志张\u200b', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    ).catch((e: unknown) => e);
    expect(say('zh', profileProblem(refused))).toBe(
      '姓名：含有双向控制字符 U+202E，它可改变文字显示顺序、掩盖真实内容，请删除后重新输入',
    );
    const empty = await createProfile(
      api,
      { label: ' \u200b ', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    ).catch((e: unknown) => e);
    expect(say('zh', profileProblem(empty))).toBe('请填写姓名');
    expect(calls).toEqual([]);

    const created = await createProfile(
      api,
      { label: '张\u200b志远', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    );
    expect(created.profile.label).toBe('张志远');
    await lockProfile(created, 'manual', now);
  });

  it('a wrong passphrase on unlock says so, and the passphrase change keeps the old one', async () => {
    const { api } = fakeMain();
    const created = await createProfile(
      api,
      { label: '王芳', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    );
    const short = await changePassphrase(
      api,
      created,
      { old: PASS, next: '短', repeat: '短' },
      now,
    ).catch((e: unknown) => e);
    expect(profileProblem(short)).toEqual({ key: 'gate.tooShort' });
    await lockProfile(created, 'manual', now);

    const wrong = await unlockProfile(api, created.profile, 'not-the-passphrase', false, now).catch(
      (e: unknown) => e,
    );
    expect(profileProblem(wrong)).toEqual({ key: 'gate.wrongPassphrase' });
    const again = await unlockProfile(api, created.profile, PASS, false, now);
    expect((await auditLog(again.db)).map((e) => e.action)).toEqual([
      'profile.create',
      'profile.lock',
      'profile.unlock',
    ]);
    await lockProfile(again, 'manual', now);
  });
});

describe('the chair takes an expert’s exported sheet from the expert’s profile on a shared laptop', () => {
  it('returns the exported bundle’s bytes; a profile that has exported nothing is refused by name', async () => {
    const { api } = fakeMain();
    const expert = await createProfile(
      api,
      { label: '李明', passphrase: PASS, repeat: PASS, plaintext: false },
      now,
    );
    const none = await exportedSheetOfProfile(api, expert.profile.id, PASS, false).catch(
      (e: unknown) => e,
    );
    expect(profileProblem(none)).toEqual({ key: 'chair.notExportedYet' });

    const bytes = new Uint8Array([1, 2, 3]);
    await commitChange(expert.db, { meta: { exportedBundle: { name: 'E01.jbx', bytes } } }, null);
    await lockProfile(expert, 'manual', now);
    const got = await exportedSheetOfProfile(api, expert.profile.id, PASS, false);
    expect(got.name).toBe('E01.jbx');
    expect([...got.bytes]).toEqual([1, 2, 3]);
    expect(
      await exportedSheetOfProfile(api, expert.profile.id, 'wrong-pass', false).catch(
        profileProblem,
      ),
    ).toEqual({
      key: 'gate.wrongPassphrase',
    });
  });
});
