import type { RawApi } from '../../src-shared/ipc';

declare global {
  interface Window {
    /** Set by the Electron preload; absent under the web host. */
    jiebang?: RawApi;
  }
}
