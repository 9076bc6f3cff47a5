/**
 * The Electron main process: one hardened window serving the renderer from `app://jiebang`,
 * the IPC contract's handlers, and nothing else. Everything testable lives in small modules
 * (security.ts, static.ts, ipc/, handlers/) that never import Electron at runtime.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { bootstrap } from './bootstrap';
import { channelNames, PROGRESS_EVENT } from '../src-shared/ipc';
import { handlers } from './handlers';
import type { HostServices } from './handlers/types';
import { registerIpc } from './ipc/register';
import {
  APP_ORIGIN,
  APP_SCHEME,
  SECURITY_HEADERS,
  hardenSession,
  isTrustedSender,
  mainWindowOptions,
} from './security';
import { readStatic } from './static';
import { createPdfWorker } from './pdf/pool';
import { printPdf } from './print';

const isProduction = app.isPackaged || process.env['NODE_ENV'] === 'production';
const devServerUrl = isProduction ? undefined : process.env['ELECTRON_RENDERER_URL'];

// Data-dir override, app:// scheme, single-instance lock, WebContents hardening (bootstrap.ts).
if (bootstrap({ env: process.env, app, protocol }, isProduction)) {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
}

// Task books render in a worker thread, never on main's event loop (built: out/main/pdf-worker.js).
const pdfWorker = createPdfWorker(join(import.meta.dirname, 'pdf-worker.js'));

function host(): HostServices {
  return {
    renderPdf: (job) => pdfWorker.render(job),
    printPdf,
    kind: 'electron',
    dataDir: app.getPath('userData'),
    isPackaged: app.isPackaged,
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
    showSaveDialog: async (suggestedName, filters) => {
      const win = BrowserWindow.getFocusedWindow();
      const options = { defaultPath: suggestedName, filters: [...filters] };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    showOpenDialog: async (filters, multiple) => {
      const win = BrowserWindow.getFocusedWindow();
      const options: Electron.OpenDialogOptions = {
        filters: [...filters],
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    reportProgress: (progress) => {
      for (const win of BrowserWindow.getAllWindows())
        win.webContents.send(PROGRESS_EVENT, progress);
    },
    safeStorage: {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      getSelectedStorageBackend: () =>
        process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
      encryptString: (plain) => new Uint8Array(safeStorage.encryptString(plain)),
      decryptString: (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
    },
  };
}

async function start(): Promise<void> {
  const rendererRoot = join(import.meta.dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = await readStatic(rendererRoot, url.pathname);
    return new Response(Buffer.from(file.body), {
      status: file.status,
      headers: { 'Content-Type': file.contentType, ...SECURITY_HEADERS },
    });
  });
  hardenSession(session.defaultSession);
  registerIpc(ipcMain, channelNames, handlers, host(), (frame) =>
    isTrustedSender(frame, devServerUrl),
  );

  const win = new BrowserWindow(
    mainWindowOptions(join(import.meta.dirname, '../preload/preload.cjs'), isProduction),
  );
  win.once('ready-to-show', () => win.show());
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}
