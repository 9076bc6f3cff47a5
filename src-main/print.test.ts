import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { IpcError } from '../src-shared/ipc';
import { createElectronStandIn, type StandInConfig } from '../test/electron/stand-in';
import {
  createPdfPrinter,
  ELECTRON_MAJOR_CHECKED,
  PDF_READY_EVENT,
  PDF_READY_TIMEOUT_MS,
  PRINT_PARTITION,
} from './print';

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

function setUp(config: StandInConfig) {
  const electron = createElectronStandIn(config);
  return { electron, printer: createPdfPrinter(electron) };
}

/**
 * The print window, once the printer has asked it to load the PDF. (Not vi.waitUntil: under fake
 * timers it moves the clock on while it polls.)
 */
async function loadingWindow(electron: ReturnType<typeof createElectronStandIn>) {
  while (electron.windows[0]?.loadedFiles.length !== 1)
    await new Promise((resolve) => setImmediate(resolve));
  const win = electron.windows[0];
  if (!win) throw new Error('no print window');
  return win;
}

describe('printing a PDF waits for the PDF viewer', () => {
  // Only the timers of the wait are faked: file I/O and the stand-in's own events run as usual.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('never prints while the viewer has not raised its ready event, and says so', async () => {
    const { electron, printer } = setUp({ pdfReadyToPrint: false });
    const outcome = printer.print(PDF, '任务书').then(
      () => null,
      (error: unknown) => error,
    );
    const win = await loadingWindow(electron);
    const file = win.loadedFiles[0] ?? '';
    expect(existsSync(file)).toBe(true);
    // Any delay passes: an hour of fake time.
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    const error = await outcome;
    expect(error).toBeInstanceOf(IpcError);
    expect(error instanceof Error && error.message).toMatch(
      new RegExp(
        `^打印失败：PDF 查看器 ${PDF_READY_TIMEOUT_MS / 1000} 秒内未载入文档，未打印任何内容。请重试，或先「保存 PDF…」再用其他程序打印。$`,
      ),
    );
    expect(win.webContents.printCalls).toHaveLength(0);
    expect(win.destroyed).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('prints once when the viewer is ready, in a hardened session of its own', async () => {
    const { electron, printer } = setUp({});
    const printed = printer.print(PDF, '任务书');
    const win = await loadingWindow(electron);
    expect(await printed).toBe(true);
    expect(win.webContents.printCalls).toEqual([{ silent: false, printBackground: true }]);
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    const session = electron.sessions.get(PRINT_PARTITION);
    expect(win.webContents.session).toBe(session);
    expect(session?.probe()).toMatchObject({
      permissionRequest: 'denied',
      permissionCheck: false,
      willDownload: 'prevented',
      // Headers set on this session would reach the viewer's frame and stop its ready event.
      webRequestListeners: [],
    });
    expect(existsSync(win.loadedFiles[0] ?? '')).toBe(false);
  });

  it('waits for the event that follows the load, however late', async () => {
    const { electron, printer } = setUp({ pdfReadyToPrint: false });
    const printed = printer.print(PDF, '任务书');
    const win = await loadingWindow(electron);
    await vi.advanceTimersByTimeAsync(PDF_READY_TIMEOUT_MS - 1);
    expect(win.webContents.printCalls).toHaveLength(0);
    win.webContents.emit(PDF_READY_EVENT);
    expect(await printed).toBe(true);
    expect(win.webContents.printCalls).toHaveLength(1);
  });

  it('a canceled dialog is not an error; a failed job is, with its reason', async () => {
    const canceled = setUp({
      printResult: { success: false, failureReason: 'Print job canceled' },
    });
    expect(await canceled.printer.print(PDF, 'a')).toBe(false);
    const failed = setUp({ printResult: { success: false, failureReason: 'Print job failed' } });
    await expect(failed.printer.print(PDF, 'a')).rejects.toThrow(
      '打印失败：打印程序报告「Print job failed」。请重试，或先「保存 PDF…」再用其他程序打印。',
    );
  });

  it('removes a temporary PDF still held by a print when the app quits', async () => {
    const { electron, printer } = setUp({ pdfReadyToPrint: false });
    const outcome = printer.print(PDF, 'a').catch(() => undefined);
    const win = await loadingWindow(electron);
    const file = win.loadedFiles[0] ?? '';
    expect(existsSync(file)).toBe(true);
    printer.removeTemporaryFiles();
    expect(existsSync(file)).toBe(false);
    await vi.advanceTimersByTimeAsync(PDF_READY_TIMEOUT_MS);
    await outcome;
  });
});

describe('the undocumented ready event is pinned to the Electron major it was checked on', () => {
  it('package.json and the installed Electron are of that major', () => {
    const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
    const declared = z
      .object({ devDependencies: z.object({ electron: z.string() }) })
      .parse(json('package.json')).devDependencies.electron;
    const installed = z
      .object({ version: z.string() })
      .parse(json('node_modules/electron/package.json'));
    // A new major: check that its PDF viewer still raises PDF_READY_EVENT, then update print.ts.
    expect(declared).toMatch(new RegExp(`^[\\^~]?${ELECTRON_MAJOR_CHECKED}\\.`));
    expect(installed.version.split('.')[0]).toBe(String(ELECTRON_MAJOR_CHECKED));
  });
});
