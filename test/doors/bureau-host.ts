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
import { schemasOf, type Channel } from '../../src-shared/ipc';
import { handlers } from '../../src-main/handlers';
import type { HostServices } from '../../src-main/handlers/types';
import { dispatch } from '../../src-main/ipc/dispatch';
import { JiebangDB } from '../../src-renderer/src/db/database';
import type { BureauApi } from '../../src-renderer/src/workflows/bureau';

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
  /** A channel as the renderer's bridge calls it: through dispatch, the answer parsed. */
  const channel =
    <C extends Channel>(c: C) =>
    async (input: unknown) => {
      const r = await dispatch(handlers, c, input, host);
      if (!r.ok) throw new Error(r.error.message);
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
  return { dir, host, db, api, channel };
}

/** A folder's files, sorted by name, as the file input hands them to the page. */
export const filesOf = async (folder: string): Promise<NamedBytes[]> =>
  Promise.all(
    (await readdir(folder)).sort().map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(folder, name))),
    })),
  );
