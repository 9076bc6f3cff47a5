import { join } from 'node:path';
import { IpcError } from '../../src-shared/ipc';
import { describeFileError, errorCode } from '../fs/errors';
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

/**
 * Every answer of these handlers is a sentence: a KeyError carries its own; a file-system failure
 * (a full disk, a read-only or missing data folder) is named with the profile folder; anything
 * else is reported without the internals (no stack, no library text).
 */
function guard<T>(host: HostServices, work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (error instanceof KeyError)
      throw new IpcError('handler-failed', error.message, [error.code]);
    const folder = `用户档案文件夹 ${profileStore(host).dir}`;
    if (errorCode(error) !== undefined)
      throw new IpcError('handler-failed', describeFileError(error, folder), ['storage']);
    // The details stay in main's log; the user gets a sentence.
    console.error('profile handler failed:', error);
    throw new IpcError('handler-failed', `处理用户档案时出现内部错误，未作任何更改。`, [
      'internal',
    ]);
  });
}

export const keyHandlers: HandlerMap<
  | 'profile:list'
  | 'profile:create'
  | 'profile:unlock'
  | 'profile:change-passphrase'
  | 'profile:enable-keychain'
  | 'profile:unlock-keychain'
> = {
  'profile:list': (_input, host) =>
    guard(host, async () => (await profileStore(host).list()).map(summary)),
  'profile:create': (input, host) =>
    guard(host, async () => {
      const { profile, dataKey } = await profileStore(host).create(input.label, input.passphrase);
      return { profile: summary(profile), dataKey };
    }),
  'profile:unlock': (input, host) =>
    guard(host, async () => ({
      dataKey: await profileStore(host).unlock(input.id, input.passphrase),
    })),
  'profile:change-passphrase': (input, host) =>
    guard(host, async () => {
      await profileStore(host).changePassphrase(input.id, input.oldPassphrase, input.newPassphrase);
      return { changed: true as const };
    }),
  'profile:enable-keychain': (input, host) =>
    guard(host, async () => {
      await profileStore(host).enableKeychain(input.id, input.passphrase, host.safeStorage);
      return { enabled: true as const };
    }),
  'profile:unlock-keychain': (input, host) =>
    guard(host, async () => ({
      dataKey: await profileStore(host).unlockWithKeychain(input.id, host.safeStorage),
    })),
};
