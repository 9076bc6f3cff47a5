import type { RawApi, RawEvents } from '../../src-shared/ipc';

declare global {
  interface Window {
    /** Set by the Electron preload; absent under the web host. */
    jiebang?: RawApi;
    /** Set by the Electron preload: main's progress events. */
    jiebangEvents?: RawEvents;
  }
}
