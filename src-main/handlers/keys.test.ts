import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemasOf } from '../../src-shared/ipc';
import { dispatch } from '../ipc/dispatch';
import { labelTakenText } from '../../src-shared/profile-label';
import { ProfileFileSchema } from '../keys/profiles';
import { unclearReasons } from '../../test/helpers/clear-error';
import { expectBurstHeld, unlockBurst } from '../../test/helpers/unlock-burst';
import { handlers } from './index';
import type { HostServices } from './types';

async function webHostServices(): Promise<HostServices> {
  return {
    kind: 'web',
    dataDir: await mkdtemp(join(tmpdir(), 'jb-handlers-')),
    isPackaged: false,
    resourcesDir: 'resources',
  };
}

async function createProfile(host: HostServices): Promise<string> {
  const created = await dispatch(
    handlers,
    'profile:create',
    { label: '并发测试', passphrase: 'correct horse battery' },
    host,
  );
  if (!created.ok) throw new Error(created.error.message);
  return (await schemasOf('profile:create')).output.parse(created.value).profile.id;
}

describe('profile handlers under concurrency (issue 23)', () => {
  it('sixteen wrong passphrases at once: tried no faster than the backoff, each counted, each answered', async () => {
    const host = await webHostServices();
    const id = await createProfile(host);
    const burst = await unlockBurst(16, (passphrase) =>
      dispatch(handlers, 'profile:unlock', { id, passphrase }, host),
    );
    await expectBurstHeld(burst, join(host.dataDir, 'profiles'), id);
  });

  it('a right passphrase among wrong ones sent at once is judged in order and clears the count', async () => {
    const host = await webHostServices();
    const id = await createProfile(host);
    const answers = await Promise.all(
      ['wrong one 1', 'correct horse battery', 'wrong one 2'].map((passphrase) =>
        dispatch(handlers, 'profile:unlock', { id, passphrase }, host),
      ),
    );
    expect(answers.map((a) => a.ok)).toEqual([false, true, false]);
    const file = ProfileFileSchema.parse(
      JSON.parse(await readFile(join(host.dataDir, 'profiles', `${id}.json`), 'utf8')),
    );
    expect(file.failures.count).toBe(1);
  });

  it('answers a damaged profile file and an unusable data folder with sentences', async () => {
    const host = await webHostServices();
    const id = await createProfile(host);
    await writeFile(join(host.dataDir, 'profiles', `${id}.json`), '{"formatVersion":1,"id":');
    const damaged = await dispatch(
      handlers,
      'profile:unlock',
      { id, passphrase: 'correct horse battery' },
      host,
    );
    expect(damaged).toMatchObject({ ok: false, error: { issues: ['corrupt'] } });
    // The damaged file is left out of the list, which still answers.
    expect(await dispatch(handlers, 'profile:list', undefined, host)).toEqual({
      ok: true,
      value: [],
    });
    // A data folder that is a file: every profile channel answers with a sentence naming it.
    const blocked = { ...host, dataDir: join(host.dataDir, 'profiles', `${id}.json`) };
    const answers = [
      await dispatch(handlers, 'profile:list', undefined, blocked),
      await dispatch(
        handlers,
        'profile:create',
        { label: 'x', passphrase: 'long enough 1' },
        blocked,
      ),
    ];
    for (const answer of [damaged, ...answers]) {
      if (answer.ok) throw new Error('expected a refusal');
      expect(unclearReasons(answer.error.message), answer.error.message).toEqual([]);
    }
    expect(answers[1]).toMatchObject({ ok: false, error: { issues: ['storage'] } });
  });
});

describe('a profile’s name at the IPC door (every host)', () => {
  it('refuses a name hiding a bidi control, naming it; drops invisible characters; writes nothing refused', async () => {
    const host = await webHostServices();
    const refused = await dispatch(
      handlers,
      'profile:create',
      { label: '\u202e远志张', passphrase: 'correct horse battery' },
      host,
    );
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.message).toContain('含有双向控制字符 U+202E');
    expect(await dispatch(handlers, 'profile:list', undefined, host)).toEqual({
      ok: true,
      value: [],
    });
    const created = await dispatch(
      handlers,
      'profile:create',
      { label: ' 张\u200b志远 ', passphrase: 'correct horse battery' },
      host,
    );
    if (!created.ok) throw new Error(created.error.message);
    const { profile } = (await schemasOf('profile:create')).output.parse(created.value);
    expect(profile.label).toBe('张志远');
  });
});

describe('a second profile of the same name at the IPC door (every host)', () => {
  it('refuses it as the gate does, names compared as people’s are, even two sent at once; writes nothing refused', async () => {
    const host = await webHostServices();
    const create = (label: string) =>
      dispatch(handlers, 'profile:create', { label, passphrase: 'correct horse battery' }, host);
    const first = await create('王建国');
    if (!first.ok) throw new Error(first.error.message);
    const refusal = labelTakenText('王建国');
    // 「王 建国」 and full-width spaces are the same person's name (`sameNameKey`).
    for (const label of ['王建国', '王 建国', '王\u3000建国']) {
      const again = await create(label);
      expect(again, label).toMatchObject({
        ok: false,
        error: { message: refusal, issues: ['label-taken'] },
      });
    }
    // Two of a new name sent at once: one is made, the other refused.
    const both = await Promise.all([create('李明'), create('李明')]);
    expect(both.map((a) => a.ok).sort()).toEqual([false, true]);
    const listed = await dispatch(handlers, 'profile:list', undefined, host);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(
      (await schemasOf('profile:list')).output.parse(listed.value).map((p) => p.label),
    ).toEqual(['王建国', '李明']);
  });
});
