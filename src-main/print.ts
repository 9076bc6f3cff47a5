/**
 * Electron's print dialog on a PDF (the task book, the paper score sheet): the bytes go to a
 * private temporary file, a hidden window in its own in-memory session (no preload, sandboxed,
 * permissions and downloads denied, nothing shared with the app's session) opens it in Chromium's
 * PDF viewer, and once the viewer has the document the system print dialog prints it. The file is
 * removed afterwards, and on quit whatever a print still holds.
 *
 * Electron's API arrives as an argument (src-main/index.ts passes the real one, print.test.ts the
 * stand-in of test/electron), so this is unit-tested without the Electron binary.
 */
import type { EventEmitter } from 'node:events';
import { rmSync, type RmOptions } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IpcError } from '../src-shared/ipc';
import { hardenSession, type HardenableSession } from './security';

/**
 * The webContents event Chromium's PDF viewer raises once the document is loaded and printable.
 * UNDOCUMENTED: no public API says a PDF is ready; Electron's own specs wait for this event
 * (spec/api-web-contents-spec.ts, "from an existing pdf document"). `loadFile()` resolves when the
 * outer page has loaded, before the viewer has the document, so printing then prints a blank page.
 * Being private, the event may change with any Electron major: package.json pins Electron to
 * ELECTRON_MAJOR_CHECKED, and print.test.ts fails when the installed major differs, so an upgrade
 * re-checks this event first.
 */
export const PDF_READY_EVENT = '-pdf-ready-to-print';
/** The Electron major whose PDF viewer raises PDF_READY_EVENT as used here. */
export const ELECTRON_MAJOR_CHECKED = 45;
/** How long the viewer may take to have the document before the print is reported as failed. */
export const PDF_READY_TIMEOUT_MS = 30_000;
/** The print window's own in-memory session (no `persist:` prefix: nothing is kept). */
export const PRINT_PARTITION = 'jiebang-print';
/** What Electron calls back when the user closes the print dialog without printing. */
const CANCELED = 'Print job canceled';

/** The window options printing uses (a subset of Electron's BrowserWindowConstructorOptions). */
export interface PrintWindowOptions<S> {
  show: false;
  title: string;
  webPreferences: {
    session: S;
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    plugins: true;
  };
}

/** The slice of a BrowserWindow printing uses. */
export interface PrintWindow {
  loadFile(path: string): Promise<void>;
  destroy(): void;
  /** An EventEmitter: PDF_READY_EVENT is in none of Electron's typed event overloads. */
  webContents: EventEmitter & {
    print(
      options: { silent: boolean; printBackground: boolean },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
}

/** The slice of Electron printing uses: `BrowserWindow` and `session`. */
export interface PrintElectron<S extends HardenableSession> {
  BrowserWindow: new (options: PrintWindowOptions<S>) => PrintWindow;
  session: { fromPartition(partition: string, options: { cache: boolean }): S };
}

export interface PdfPrinter {
  /**
   * Opens the system print dialog on `bytes` (a PDF). Resolves true when printed, false when the
   * user canceled; rejects with an IpcError whose message says what failed (the viewer never had
   * the document within PDF_READY_TIMEOUT_MS, or the print job failed) — nothing was printed.
   */
  print(bytes: Uint8Array, title: string): Promise<boolean>;
  /** Removes every temporary PDF still on disk (on quit; a print in progress loses its file). */
  removeTemporaryFiles(): void;
}

/**
 * Removal retries: on Windows the viewer may still hold the file open for a moment after its window
 * is destroyed (EBUSY/EPERM); Node's rm retries those errors with a linear back-off.
 */
const REMOVE: RmOptions = { recursive: true, force: true, maxRetries: 10, retryDelay: 100 };

/** What to do after a failed print, the end of each of its sentences (Chinese, as the UI). */
const RETRY = '请重试，或先「保存 PDF…」再用其他程序打印。';

/** Waits for PDF_READY_EVENT, or rejects after `timeoutMs`; `cancel` stops the wait. */
function waitForPdf(win: PrintWindow, timeoutMs: number) {
  let cancel = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      win.webContents.removeListener(PDF_READY_EVENT, onReady);
      const seconds = timeoutMs / 1000;
      reject(
        new IpcError(
          'handler-failed',
          `打印失败：PDF 查看器 ${seconds} 秒内未载入文档，未打印任何内容。${RETRY}`,
        ),
      );
    }, timeoutMs);
    win.webContents.once(PDF_READY_EVENT, onReady);
    cancel = () => {
      clearTimeout(timer);
      win.webContents.removeListener(PDF_READY_EVENT, onReady);
    };
  });
  // A failed load abandons the wait (cancel): its rejection must not go unobserved meanwhile.
  ready.catch(() => undefined);
  return { ready, cancel };
}

export function createPdfPrinter<S extends HardenableSession>(
  electron: PrintElectron<S>,
  readyTimeoutMs = PDF_READY_TIMEOUT_MS,
): PdfPrinter {
  const temporary = new Set<string>();
  const hardened = new WeakSet<S>();

  /**
   * Permissions and downloads are denied on the print session. No security headers are set on
   * it (no webRequest.onHeadersReceived): they would also apply to the PDF viewer's own frame,
   * whose scripts a CSP blocks, and the viewer would never raise PDF_READY_EVENT.
   */
  const printSession = (): S => {
    const session = electron.session.fromPartition(PRINT_PARTITION, { cache: false });
    if (!hardened.has(session)) {
      hardenSession(session);
      hardened.add(session);
    }
    return session;
  };

  return {
    async print(bytes, title) {
      const dir = await mkdtemp(join(tmpdir(), 'jiebang-print-'));
      temporary.add(dir);
      const file = join(dir, 'print.pdf');
      const win = new electron.BrowserWindow({
        show: false,
        title,
        webPreferences: {
          session: printSession(),
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          // Chromium's built-in PDF viewer is a plugin.
          plugins: true,
        },
      });
      // Listen before loading: the event may follow the load at once.
      const pdf = waitForPdf(win, readyTimeoutMs);
      try {
        await writeFile(file, bytes, { mode: 0o600 });
        await win.loadFile(file);
        await pdf.ready;
        return await new Promise<boolean>((resolve, reject) =>
          win.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
            if (success) resolve(true);
            else if (reason === CANCELED) resolve(false);
            else
              reject(
                new IpcError('handler-failed', `打印失败：打印程序报告「${reason}」。${RETRY}`),
              );
          }),
        );
      } finally {
        pdf.cancel();
        win.destroy();
        await rm(dir, REMOVE);
        temporary.delete(dir);
      }
    },
    removeTemporaryFiles() {
      for (const dir of temporary) rmSync(dir, REMOVE);
      temporary.clear();
    },
  };
}
