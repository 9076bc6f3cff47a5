/**
 * On a laptop shared by the panel: the chair takes an expert's exported sheet bundle from the
 * expert's own profile. The expert types their passphrase; the bundle then goes through the same
 * verification as a file from a USB stick (importSheets).
 */
import type { Api } from '../../../src-shared/ipc';
import { databaseName, JiebangDB } from '../db/database';
import { getMeta } from '../db/repo';
import { message } from '../i18n/strings';
import { WorkflowError } from './deps';

export async function exportedSheetOfProfile(
  api: Pick<Api, 'profile:unlock'>,
  profileId: string,
  passphrase: string,
  plaintext: boolean,
): Promise<{ name: string; bytes: Uint8Array }> {
  const { dataKey } = await api['profile:unlock']({ id: profileId, passphrase });
  const db = new JiebangDB(databaseName(profileId), plaintext ? null : dataKey);
  dataKey.fill(0);
  try {
    await db.open();
    const exported = await getMeta(db, 'exportedBundle');
    if (!exported) throw new WorkflowError(message('chair.notExportedYet'));
    return exported;
  } finally {
    db.close();
  }
}
