import { join } from 'node:path';
import { IpcError } from '../../src-shared/ipc';
import { KeyError, ProfileStore, type ProfileFile } from '../keys/profiles';
import type { HandlerMap, HostServices } from './types';

const stores = new Map<string, ProfileStore>();
/** One store per data directory (profiles live in <dataDir>/profiles). */
export function profileStore(host: HostServices): ProfileStore {
  const dir = join(host.dataDir, 'profiles');
  let store = stores.get(dir);
  if (!store) {
    store = new ProfileStore(dir);
    stores.set(dir, store);
  }
  return store;
}

const summary = (p: ProfileFile) => ({
  id: p.id,
  label: p.label,
  createdAt: p.createdAt,
  hasKeychain: p.keychain !== undefined,
});

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof KeyError)
      throw new IpcError('handler-failed', error.message, [error.code]);
    throw error;
  }
}

export const keyHandlers: HandlerMap<
  | 'profile:list'
  | 'profile:create'
  | 'profile:unlock'
  | 'profile:change-passphrase'
  | 'profile:enable-keychain'
  | 'profile:unlock-keychain'
> = {
  'profile:list': async (_input, host) => (await profileStore(host).list()).map(summary),
  'profile:create': (input, host) =>
    guard(async () => {
      const { profile, dataKey } = await profileStore(host).create(input.label, input.passphrase);
      return { profile: summary(profile), dataKey };
    }),
  'profile:unlock': (input, host) =>
    guard(async () => ({ dataKey: await profileStore(host).unlock(input.id, input.passphrase) })),
  'profile:change-passphrase': (input, host) =>
    guard(async () => {
      await profileStore(host).changePassphrase(input.id, input.oldPassphrase, input.newPassphrase);
      return { changed: true as const };
    }),
  'profile:enable-keychain': (input, host) =>
    guard(async () => {
      await profileStore(host).enableKeychain(input.id, input.passphrase, host.safeStorage);
      return { enabled: true as const };
    }),
  'profile:unlock-keychain': (input, host) =>
    guard(async () => ({
      dataKey: await profileStore(host).unlockWithKeychain(input.id, host.safeStorage),
    })),
};
