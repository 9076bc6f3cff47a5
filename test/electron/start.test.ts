/**
 * Main's start path, from the BUILT files (`npm run build` first; `npm test` runs this as
 * `test:main` after the build): out/main/index.js loaded under Node with the `electron` stand-in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, schemasOf } from '../../src-shared/ipc';
import { PRINT_PARTITION } from '../../src-main/print';
import { APP_FRAME, startBuiltMain, type BuiltMain } from './built-main';
import { builtImports } from './built-imports';
import type { StandInSnapshot } from './stand-in';

const parses = (file: string) => spawnSync(process.execPath, ['--check', file]).status === 0;
const tempDir = () => mkdtemp(join(tmpdir(), 'jb-main-'));
const sampleTaskBook = (): unknown =>
  JSON.parse(readFileSync('resources/sample/taskbook.json', 'utf8'));
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

/** Waits until main has shown its window (start() has run to its end). */
async function started(main: BuiltMain): Promise<StandInSnapshot> {
  let snap: StandInSnapshot | null = null;
  await vi.waitFor(
    async () => {
      snap = await main.snapshot();
      expect(snap.windows[0]?.visible, main.stderr()).toBe(true);
    },
    { timeout: 20_000, interval: 20 },
  );
  if (!snap) throw new Error('main never showed its window');
  return snap;
}

describe('the built main starts under Node with the electron stand-in', () => {
  let main: BuiltMain;
  let dataDir: string;
  let snap: StandInSnapshot;

  beforeAll(async () => {
    dataDir = await tempDir();
    main = await startBuiltMain({ env: { JIEBANG_DATA_DIR: dataDir, NODE_ENV: 'production' } });
    snap = await started(main);
  });
  afterAll(() => main.stop());

  it('registers the app:// scheme as privileged (with code cache) before ready', () => {
    const registered = snap.calls.filter((c) => c.api === 'protocol.registerSchemesAsPrivileged');
    expect(registered).toEqual([
      {
        api: 'protocol.registerSchemesAsPrivileged',
        args: [
          [
            {
              scheme: 'app',
              privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
            },
          ],
        ],
        appReady: false,
      },
    ]);
  });

  it('takes the single-instance lock before ready', () => {
    expect(snap.calls.filter((c) => c.api === 'app.requestSingleInstanceLock')).toEqual([
      { api: 'app.requestSingleInstanceLock', args: [], appReady: false },
    ]);
    expect(snap.appListeners).toEqual(expect.arrayContaining(['second-instance', 'will-quit']));
  });

  it('puts userData where JIEBANG_DATA_DIR says, before ready, and app:info reports it', async () => {
    expect(snap.calls.find((c) => c.api === 'app.setPath')).toEqual({
      api: 'app.setPath',
      args: ['userData', dataDir],
      appReady: false,
    });
    const info = await main.invoke('app:info', undefined);
    expect(info).toMatchObject({
      ok: true,
      value: { host: 'electron', dataDir, isPackaged: false, name: '揭榜评审台 Jiebang Panel' },
    });
    expect(info.ok && (await schemasOf('app:info')).output.safeParse(info.value).success).toBe(
      true,
    );
  });

  it('creates one hardened window whose preload exists and parses, and loads app://jiebang', () => {
    expect(snap.windows).toHaveLength(1);
    const [win] = snap.windows;
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        devTools: false,
      },
    });
    const preload = win?.preload ?? '';
    expect(preload).toBe(resolve('out/preload/preload.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(parses(preload)).toBe(true);
    expect(win?.loadedURLs).toEqual(['app://jiebang/index.html']);
  });

  it('denies every permission and download, and every navigation, new window and webview', () => {
    const session = snap.sessions.find((s) => s.partition === '');
    expect(session).toEqual({
      partition: '',
      permissionRequest: 'denied',
      permissionCheck: false,
      devicePermission: false,
      willDownload: 'prevented',
      webRequestListeners: [],
    });
    expect(snap.windows[0]?.webContents).toMatchObject({
      willNavigate: 'prevented',
      willRedirect: 'prevented',
      willAttachWebview: 'prevented',
      windowOpen: 'deny',
      // Production: DevTools close as soon as they open.
      devToolsClosedWhenOpened: true,
    });
  });

  it('serves the built renderer on app://jiebang with its types and headers, and nothing outside it or on another host', async () => {
    const index = await main.request('app://jiebang/index.html');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const html = await readFile('out/renderer/index.html');
    expect(Buffer.compare(Buffer.from(index.body), html)).toBe(0);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html.toString())?.[1] ?? '';
    const js = await main.request(`app://jiebang/${script}`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = /href="\.\/(assets\/[^"]+\.css)"/.exec(html.toString())?.[1] ?? '';
    expect((await main.request(`app://jiebang/${css}`)).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    for (const outside of [
      'app://jiebang/%2e%2e/main/index.js',
      'app://jiebang/..%2fpreload/preload.cjs',
      'app://jiebang/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://jiebang/assets/..%5c..%5cmain%5cindex.js',
      'app://jiebang/missing.js',
      // Only the app's own host: another would load the app's files under an origin of its own.
      'app://other/index.html',
      'app://jiebang.evil/index.html',
    ]) {
      const refused = await main.request(outside);
      expect(refused.status, outside).toBe(404);
      expect(new TextDecoder().decode(refused.body)).toBe('not found');
    }
  });

  it('registers exactly the IPC channels of the contract', () => {
    expect([...snap.ipcChannels].sort()).toEqual([...channelNames].sort());
  });

  it('refuses a foreign, a sub- or a null sender frame before any handler runs', async () => {
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://jiebang/index.html', parent: { url: 'app://jiebang/index.html' } },
      { url: 'app://other/index.html', parent: null },
      null,
    ]) {
      const answer = await main.invoke('app:info', undefined, { frame });
      expect(answer, JSON.stringify(frame)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it('renders the task book through the PDF worker from the built files', async () => {
    const answer = await main.invoke('taskbook:pdf', { tb: sampleTaskBook() });
    if (!answer.ok) throw new Error(answer.error.message);
    const parsed = (await schemasOf('taskbook:pdf')).output.parse(answer.value);
    expect(new TextDecoder().decode(parsed.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(parsed.missing).toEqual([]);
    expect((await main.snapshot()).workers).toEqual([resolve('out/main/pdf-worker.js')]);
  });

  it('loads no PDF stack at start: react-pdf and the fonts load in the worker only', () => {
    const atStart = builtImports('out/main/index.js');
    expect([...atStart]).toContain('electron');
    for (const pkg of ['@react-pdf/renderer', 'fontkit', 'qrcode'])
      expect(atStart.has(pkg), pkg).toBe(false);
    // The worker bundles react-pdf's renderer with the hyphenator's stand-in
    // (build/pdf-stand-ins.ts) and imports the rest of the PDF stack from node_modules.
    const inWorker = builtImports('out/main/pdf-worker.js', { dynamic: true });
    for (const pkg of ['pdfkit', '@react-pdf/primitives'])
      expect(inWorker.has(pkg), pkg).toBe(true);
  });

  it('prints in a hidden window of its own hardened session, once the PDF viewer is ready', async () => {
    expect(await main.invoke('pdf:print', { bytes: PDF, title: '任务书' })).toEqual({
      ok: true,
      value: { printed: true },
    });
    const after = await main.snapshot();
    const printWindow = after.windows[1];
    expect(printWindow).toMatchObject({
      destroyed: true,
      options: {
        show: false,
        webPreferences: { session: { session: PRINT_PARTITION }, sandbox: true, plugins: true },
      },
      webContents: {
        session: PRINT_PARTITION,
        printCalls: 1,
        willNavigate: 'prevented',
        willRedirect: 'prevented',
        willAttachWebview: 'prevented',
        windowOpen: 'deny',
      },
    });
    expect(after.sessions.find((s) => s.partition === PRINT_PARTITION)).toEqual({
      partition: PRINT_PARTITION,
      permissionRequest: 'denied',
      permissionCheck: false,
      devicePermission: false,
      willDownload: 'prevented',
      // No headers on the print session: they would reach the PDF viewer's frame.
      webRequestListeners: [],
    });
    expect(existsSync(printWindow?.loadedFiles[0] ?? '')).toBe(false);
  });
});

describe('start-up failures and the window that asked', () => {
  const running: BuiltMain[] = [];
  const start = async (...args: Parameters<typeof startBuiltMain>) => {
    const main = await startBuiltMain(...args);
    running.push(main);
    return main;
  };
  afterAll(async () => {
    await Promise.all(running.map((m) => m.stop()));
  });

  it('a failing start shows an error box and exits, leaving no windowless process', async () => {
    const main = await start({
      standIn: { loadURLError: 'ERR_FAILED (-2) loading app://jiebang/index.html' },
      env: { JIEBANG_DATA_DIR: await tempDir() },
    });
    await vi.waitFor(async () => expect((await main.snapshot()).exitCode).toBe(1), {
      timeout: 20_000,
      interval: 20,
    });
    const snap = await main.snapshot();
    expect(snap.errorBoxes).toEqual([
      {
        title: '揭榜评审台无法启动',
        content: expect.stringMatching(
          /ERR_FAILED \(-2\) loading app:\/\/jiebang\/index\.html[\s\S]*\n\n请重新安装或联系管理员；数据未受影响。$/,
        ),
      },
    ]);
  });

  it('a second instance quits at once, before creating anything', async () => {
    const main = await start({ standIn: { singleInstanceLock: false } });
    const snap = await main.snapshot();
    expect(snap.quitCount).toBe(1);
    expect(snap.windows).toEqual([]);
    expect(snap.ipcChannels).toEqual([]);
  });

  it('a second instance focuses the main window, never the hidden print window; quitting removes the print file', async () => {
    const main = await start({
      standIn: { pdfReadyToPrint: false },
      env: { JIEBANG_DATA_DIR: await tempDir() },
    });
    await started(main);
    // A print waiting for the viewer keeps its hidden window open meanwhile.
    const printing = main.invoke('pdf:print', { bytes: PDF, title: '任务书' }).catch(() => null);
    let file = '';
    await vi.waitFor(
      async () => {
        file = (await main.snapshot()).windows[1]?.loadedFiles[0] ?? '';
        expect(existsSync(file)).toBe(true);
      },
      { timeout: 20_000, interval: 20 },
    );
    await main.emitApp('second-instance', ['jiebang'], process.cwd());
    const snap = await main.snapshot();
    expect(snap.windows.map((w) => [w.id, w.focusCount])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    await main.emitApp('will-quit');
    expect(existsSync(file)).toBe(false);
    await main.stop();
    await printing;
  });

  it('dialogs attach to the window that asked, and its progress goes back to it', async () => {
    const dir = await tempDir();
    const main = await start({
      standIn: { saveDialogPath: join(dir, 'sheet.jbx') },
      env: { JIEBANG_DATA_DIR: dir },
    });
    await started(main);
    const answer = await main.invoke(
      'file:save',
      { bytes: PDF, suggestedName: 'sheet.jbx', task: 't1' },
      { frame: APP_FRAME, window: 1 },
    );
    expect(answer).toEqual({ ok: true, value: { canceled: false, name: 'sheet.jbx' } });
    const snap = await main.snapshot();
    expect(snap.dialogs).toEqual([expect.objectContaining({ kind: 'save', window: 1 })]);
    expect(snap.windows[0]?.webContents.sent.map((s) => s.channel)).toContain('progress');
    expect(await readFile(join(dir, 'sheet.jbx'))).toEqual(Buffer.from(PDF));
  });
});
