/**
 * What the stores hand the workflows: the unlocked profile's database, the renderer's crypto
 * provider (@noble), the clock, and saving through the bridge with progress.
 */
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { api } from '../bridge';
import { message } from '../i18n/strings';
import { WorkflowError, type Deps, type SaveFile } from '../workflows/deps';
import { withProgress } from './progress';
import { useSession } from './session';

export const now = (): Date => new Date();

/** @throws WorkflowError when no profile is unlocked. */
export function currentDeps(): Deps {
  const db = useSession.getState().db;
  if (!db) throw new WorkflowError(message('session.locked'));
  return { db, crypto: nobleCrypto, now };
}

/** Offers a file through the bridge (a save dialog, or a download under the web host). */
export const saveFile: SaveFile = async (file) => {
  const r = await withProgress({ text: file.name }, (task) =>
    api['file:save']({
      bytes: file.bytes,
      suggestedName: file.name,
      ...(file.filters ? { filters: [...file.filters] } : {}),
      task,
    }),
  );
  return r.canceled ? { saved: false } : { saved: true, name: r.name };
};

export const exportDeps = () => ({ ...currentDeps(), save: saveFile });

/** The actor the audit log names for profile-level actions: the profile's label. */
export const actor = (): string => useSession.getState().profile?.label ?? '';
