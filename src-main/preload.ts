/**
 * The preload: a flat object of one-line `ipcRenderer.invoke` wrappers, exactly the contract's
 * channels (the `satisfies RawApi` check fails the build if one is missing or extra), exposed
 * through `contextBridge` — never a generic `send(channel, ...args)`.
 * Sandboxed preloads may only require `electron`: this file imports types alone from src-shared.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope, RawApi, RawEvents } from '../src-shared/ipc';

const invoke = (channel: string, input?: unknown): Promise<Envelope> =>
  ipcRenderer.invoke(channel, input);

const api = {
  'app:info': () => invoke('app:info'),
  'file:save': (input) => invoke('file:save', input),
  'file:open': (input) => invoke('file:open', input),
  'sample:package': () => invoke('sample:package'),
  'sheet:pdf': (input) => invoke('sheet:pdf', input),
  'taskbook:pdf': (input) => invoke('taskbook:pdf', input),
  'inspection:pdf': (input) => invoke('inspection:pdf', input),
  'form:pdf': (input) => invoke('form:pdf', input),
  'pdf:print': (input) => invoke('pdf:print', input),
  'profile:list': () => invoke('profile:list'),
  'profile:create': (input) => invoke('profile:create', input),
  'profile:unlock': (input) => invoke('profile:unlock', input),
  'profile:change-passphrase': (input) => invoke('profile:change-passphrase', input),
  'profile:enable-keychain': (input) => invoke('profile:enable-keychain', input),
  'profile:unlock-keychain': (input) => invoke('profile:unlock-keychain', input),
  'bureau:key-info': (input) => invoke('bureau:key-info', input),
  'bureau:key-create': (input) => invoke('bureau:key-create', input),
  'bureau:key-rotate': (input) => invoke('bureau:key-rotate', input),
  'bureau:sign-package': (input) => invoke('bureau:sign-package', input),
  'bureau:sign-assignment': (input) => invoke('bureau:sign-assignment', input),
  'bureau:open-bundle': (input) => invoke('bureau:open-bundle', input),
  'bureau:read-lists': (input) => invoke('bureau:read-lists', input),
  'bureau:export-xlsx': (input) => invoke('bureau:export-xlsx', input),
  'notice:pdf': (input) => invoke('notice:pdf', input),
} satisfies RawApi;

// Main's one event: progress of long work. The renderer validates each event before use.
const events = {
  onProgress: (listener) => {
    const wrapped = (_event: unknown, progress: unknown) => listener(progress);
    ipcRenderer.on('progress', wrapped);
    return () => void ipcRenderer.removeListener('progress', wrapped);
  },
} satisfies RawEvents;

contextBridge.exposeInMainWorld('jiebang', api);
contextBridge.exposeInMainWorld('jiebangEvents', events);
