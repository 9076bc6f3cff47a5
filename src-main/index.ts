/**
 * The Electron main process: one hardened window serving the renderer from `app://jiebang`,
 * the IPC contract's handlers, and nothing else. Everything testable lives in small modules
 * (security.ts, static.ts, print.ts, ipc/, handlers/) that never import Electron at runtime;
 * test/electron loads this file, built, under Node with a stand-in for `electron`.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { bootstrap, reportStartFailure, resourcesDir, unpackedPath } from './bootstrap';
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
import { readAppUrl } from './static';
import { askBeforeUnload } from './unload';
import { createPdfWorker, WARM_UP_AFTER_MS } from './pdf/pool';
import { createPdfPrinter } from './print';

const isProduction = app.isPackaged || process.env['NODE_ENV'] === 'production';
const devServerUrl = isProduction ? undefined : process.env['ELECTRON_RENDERER_URL'];

// Task books render in a worker thread, never on main's event loop (built: out/main/pdf-worker.js;
// packaged: the same file in app.asar.unpacked, see bootstrap.ts).
const pdfWorker = createPdfWorker(unpackedPath(join(import.meta.dirname, 'pdf-worker.js')), {
  warmUpAfterMs: WARM_UP_AFTER_MS,
});
const printer = createPdfPrinter({ BrowserWindow, session });
/** The app's window (never the hidden print window). */
let mainWindow: BrowserWindow | null = null;

// Data-dir override, app:// scheme, single-instance lock, WebContents hardening (bootstrap.ts).
if (bootstrap({ env: process.env, app, protocol }, isProduction)) {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('will-quit', () => printer.removeTemporaryFiles());
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => reportStartFailure({ dialog, app }, error));
}

/** Host services for one IPC call: dialogs attach to, and progress goes to, the asking window. */
function host(owner: BrowserWindow | null): HostServices {
  return {
    renderPdf: (job) => pdfWorker.render(job),
    printPdf: (bytes, title) => printer.print(bytes, title),
    kind: 'electron',
    dataDir: app.getPath('userData'),
    isPackaged: app.isPackaged,
    resourcesDir: resourcesDir(app, process.resourcesPath),
    showSaveDialog: async (suggestedName, filters) => {
      const options = { defaultPath: suggestedName, filters: [...filters] };
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    showOpenDialog: async (filters, multiple) => {
      const options: Electron.OpenDialogOptions = {
        filters: [...filters],
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    reportProgress: (progress) => owner?.webContents.send(PROGRESS_EVENT, progress),
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
    const file = await readAppUrl(rendererRoot, request.url);
    return new Response(Buffer.from(file.body), {
      status: file.status,
      headers: { 'Content-Type': file.contentType, ...SECURITY_HEADERS },
    });
  });
  hardenSession(session.defaultSession);
  registerIpc(
    ipcMain,
    channelNames,
    handlers,
    (event) => host(BrowserWindow.fromWebContents(event.sender)),
    (frame) => isTrustedSender(frame, devServerUrl),
  );

  const win = new BrowserWindow(
    mainWindowOptions(
      join(import.meta.dirname, '../preload/preload.cjs'),
      isProduction,
      join(resourcesDir(app, process.resourcesPath), 'icons', 'icon-256.png'),
    ),
  );
  mainWindow = win;
  // A page holding an edit not saved asks before it is closed or reloaded (unload.ts).
  askBeforeUnload(win.webContents, (box) => dialog.showMessageBoxSync(win, box));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}
