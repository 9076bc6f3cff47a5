/**
 * The bureau's desk as the door tests drive it: main's real handlers over `dispatch`, each answer
 * parsed as the renderer's bridge parses it, a data folder of its own and a fresh encrypted
 * database (opened before the file's tests, deleted after). `filesOf` reads a folder as the file
 * input hands files to the page. `channel(c)` calls any other channel the same way.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { NamedBytes } from '../../src-shared/bureau';
import { IpcError, schemasOf, type BureauKeyInfo, type Channel } from '../../src-shared/ipc';
import { handlers } from '../../src-main/handlers';
import type { HostServices } from '../../src-main/handlers/types';
import { dispatch } from '../../src-main/ipc/dispatch';
import { JiebangDB } from '../../src-renderer/src/db/database';
import {
  ingestResult,
  judgeDraft,
  readDraft,
  signRound,
  type BureauApi,
} from '../../src-renderer/src/workflows/bureau';

export function bureauHost(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const host: HostServices = {
    kind: 'web',
    dataDir: join(dir, 'app'),
    isPackaged: false,
    resourcesDir: 'resources',
  };
  const db = new JiebangDB(name, globalThis.crypto.getRandomValues(new Uint8Array(32)));
  beforeAll(async () => {
    await db.open();
  });
  afterAll(async () => {
    db.close();
    await db.delete();
  });
  /** A channel as the renderer's bridge calls it: through dispatch, the answer parsed, a failure its IpcError. */
  const channel =
    <C extends Channel>(c: C) =>
    async (input: unknown) => {
      const r = await dispatch(handlers, c, input, host);
      if (!r.ok) throw new IpcError(r.error.code, r.error.message, r.error.issues ?? []);
      return (await schemasOf(c)).output.parse(r.value);
    };
  const api: BureauApi = {
    'bureau:read-lists': channel('bureau:read-lists'),
    'bureau:sign-package': channel('bureau:sign-package'),
    'bureau:sign-assignment': channel('bureau:sign-assignment'),
    'bureau:open-bundle': channel('bureau:open-bundle'),
    'bureau:export-xlsx': channel('bureau:export-xlsx'),
    'notice:pdf': channel('notice:pdf'),
  };
  /**
   * The sample round as the bureau signs it on 2026-09-01: a profile of its own (`passphrase`), a
   * new bureau key, the sample's lists and attachments read, judged and signed, not encrypted.
   * `take` takes a file in at that desk as its 导入文件包 does (`ingestResult`; by default on
   * 2026-09-20, after the review's sheets are in).
   */
  const signSampleRound = async (passphrase: string) => {
    const created = await channel('profile:create')({ label: '市科技局', passphrase });
    const profileId = created.profile.id;
    const { key } = await channel('bureau:key-create')({ profileId, passphrase });
    const info: BureauKeyInfo = key;
    const draft = await readDraft(
      api,
      await filesOf('resources/templates/sample'),
      await filesOf('resources/sample/attachments'),
    );
    const verdict = judgeDraft(draft);
    if (!verdict.ok) throw new Error(verdict.problems.map((p) => p.message).join('\n'));
    const signed = await signRound(db, api, {
      profileId,
      passphrase,
      key: info,
      verdict,
      draft,
      encrypt: { kind: 'none' },
      actor: '市科技局',
      now: new Date('2026-09-01T09:00:00+08:00'),
    });
    const take = (file: NamedBytes, now = new Date('2026-09-20T10:00:00+08:00')) =>
      ingestResult(db, api, { profileId, passphrase, key: info, file, actor: '市科技局', now });
    return { profileId, info, signed, take };
  };
  return { dir, host, db, api, channel, signSampleRound };
}

/** A folder's files, sorted by name, as the file input hands them to the page. */
export const filesOf = async (folder: string): Promise<NamedBytes[]> =>
  Promise.all(
    (await readdir(folder)).sort().map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(folder, name))),
    })),
  );
