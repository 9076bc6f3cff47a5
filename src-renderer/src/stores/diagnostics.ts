/** The diagnostics page: what main reports, and a file round trip through the bridge. */
import { create } from 'zustand';
import type { AppInfo } from '../../../src-shared/ipc';
import { api } from '../bridge';
import { message } from '../i18n/strings';
import { openAnyFile, saveTestFile } from '../workflows/files';
import { attempt, type Notice } from './notice';

interface DiagnosticsStore {
  info: AppInfo | null;
  notice: Notice | null;
  load: () => Promise<void>;
  saveTest: () => Promise<void>;
  openTest: () => Promise<void>;
}

export const useDiagnostics = create<DiagnosticsStore>()((set) => {
  const run = async (work: () => Promise<void>) => {
    const problem = await attempt(work);
    if (problem) set({ notice: problem });
  };
  return {
    info: null,
    notice: null,
    load: () => run(async () => set({ info: await api['app:info']() })),
    saveTest: () =>
      run(async () => {
        const r = await saveTestFile(api);
        set({
          notice: {
            tone: 'ok',
            message: r.canceled
              ? message('diagnostics.canceled')
              : message('diagnostics.saved', { name: r.name }),
          },
        });
      }),
    openTest: () =>
      run(async () => {
        const f = await openAnyFile(api);
        set({
          notice: {
            tone: 'ok',
            message: f
              ? message('diagnostics.opened', { name: f.name, size: f.size, hash: f.sha256 })
              : message('diagnostics.canceled'),
          },
        });
      }),
  };
});
