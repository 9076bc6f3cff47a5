/**
 * 第七条 保密: a profile's passphrase has at least 10 characters, judged alike at every door — the
 * gate's form (`PassphraseSchema`) and its workflow (`passphraseProblem`, which create and the
 * passphrase change call before main is asked), main's contract (`dispatch` of `profile:create`,
 * as the web host and Electron answer it) and main's profile store — all counting Unicode code
 * points after NFC (src-shared/passphrase.ts). Five emoji are ten UTF-16 code units but five
 * characters: too short everywhere.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PassphraseSchema } from '../../src-shared/ipc';
import { dispatch } from '../../src-main/ipc/dispatch';
import { handlers } from '../../src-main/handlers';
import type { HostServices } from '../../src-main/handlers/types';
import { ProfileStore } from '../../src-main/keys/profiles';
import { say } from '../../src-renderer/src/i18n/strings';
import { passphraseProblem } from '../../src-renderer/src/workflows/profile';

const host = async (): Promise<HostServices> => ({
  kind: 'web',
  dataDir: await mkdtemp(join(tmpdir(), 'jb-passphrase-')),
  isPackaged: false,
  resourcesDir: 'resources',
});

/** Each door's answer: taken, or refused with what it says. */
async function doors(passphrase: string) {
  const problem = passphraseProblem(passphrase, passphrase);
  const form = PassphraseSchema.safeParse(passphrase);
  const main = await dispatch(
    handlers,
    'profile:create',
    { label: '王芳', passphrase },
    await host(),
  );
  const store = new ProfileStore(await mkdtemp(join(tmpdir(), 'jb-passphrase-store-')), {
    N: 2 ** 10,
    r: 8,
    p: 1,
  });
  const kept = await store.create('王芳', passphrase).then(
    () => null,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  return {
    taken: {
      workflow: problem === null,
      form: form.success,
      main: main.ok,
      store: kept === null,
    },
    said: {
      workflow: problem === null ? null : say('zh', problem),
      main: main.ok ? null : main.error.message,
      store: kept,
    },
  };
}

const everywhere = (taken: boolean) => ({
  workflow: taken,
  form: taken,
  main: taken,
  store: taken,
});

describe('the passphrase’s 10 characters, counted alike at the gate and in main (第七条)', () => {
  it('five emoji (ten UTF-16 code units) are five characters: refused at every door, in the same words', async () => {
    const five = '🔒'.repeat(5);
    expect(five).toHaveLength(10);
    expect([...five]).toHaveLength(5);
    const r = await doors(five);
    expect(r.taken).toEqual(everywhere(false));
    expect(r.said.workflow).toBe('口令至少 10 个字符');
    expect(r.said.main).toContain('口令至少 10 个字符');
    expect(r.said.store).toContain('口令至少 10 个字符');
  });

  it('ten emoji (twenty code units) are ten characters: taken at every door', async () => {
    const r = await doors('🔒'.repeat(10));
    expect(r.taken).toEqual(everywhere(true));
  });

  it('counted after NFC, as the key is derived: e + a combining accent is one character', async () => {
    const decomposed = (n: number) => 'e\u0301'.repeat(n);
    expect(decomposed(6)).toHaveLength(12);
    expect((await doors(decomposed(6))).taken).toEqual(everywhere(false));
    expect((await doors(decomposed(10))).taken).toEqual(everywhere(true));
  });
});
