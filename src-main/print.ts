/**
 * Electron's print dialog on a PDF (the task book, the paper score sheet): the bytes go to a
 * private temporary file, a hidden window in its own in-memory session (no preload, sandboxed,
 * nothing shared with the app's session) opens it in Chromium's PDF viewer, and the system print
 * dialog prints it. The file is removed afterwards. Only `src-main/index.ts` imports this.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function printPdf(bytes: Uint8Array, title: string): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'jiebang-print-'));
  const file = join(dir, 'print.pdf');
  await writeFile(file, bytes, { mode: 0o600 });
  const win = new BrowserWindow({
    show: false,
    title,
    webPreferences: {
      session: session.fromPartition('jiebang-print', { cache: false }),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      // Chromium's built-in PDF viewer is a plugin.
      plugins: true,
    },
  });
  try {
    await win.loadFile(file);
    return await new Promise<boolean>((resolve) =>
      win.webContents.print({ silent: false, printBackground: true }, (printed) =>
        resolve(printed),
      ),
    );
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
