/**
 * A stand-in for the `electron` module: a small fake of `app`, `protocol`, `ipcMain`, `session`,
 * `BrowserWindow`, `dialog` and `safeStorage` that records what the main process does with them,
 * so main's start path runs under plain Node in CI (the Electron binary cannot be downloaded).
 * It fakes only what main uses; a member it lacks fails loudly (TypeError), never silently.
 *
 * Two ways to use it (docs/desktop-shell.md):
 * - In process, for a module that takes Electron's API as an argument (print.ts):
 *   `const electron = createElectronStandIn({ pdfReadyToPrint: false }); createPdfPrinter(electron)`.
 * - The BUILT main under Node: `startBuiltMain({ standIn: {...}, env: {...} })` (built-main.ts)
 *   starts a Node process whose module hook resolves `electron` to this stand-in, loads
 *   `out/main/index.js`, and lets the test drive it (IPC calls, app:// requests, events) and read
 *   `snapshot()`.
 *
 * Configure it per test with `StandInConfig` (all optional): e.g. a packaged app is
 * `{ isPackaged: true, appPath: '/opt/jiebang/resources/app.asar', resourcesPath: '/opt/jiebang/resources' }`.
 * Like Electron, the app becomes ready only when told (`ready()`), so a test can check what main
 * did before ready; unlike Electron, `app.exit()` and `app.quit()` only record (the test decides).
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StandInConfig {
  /** `app.isPackaged` (default false). */
  isPackaged?: boolean;
  /** `app.getAppPath()` (default: the current directory, as `electron .` in a checkout). */
  appPath?: string;
  /** `process.resourcesPath`, set by `installElectronStandIn` (Electron sets it in every app). */
  resourcesPath?: string;
  /** `app.getPath(name)` answers; userData defaults to a folder under the system temp dir. */
  paths?: Record<string, string>;
  /** What `app.requestSingleInstanceLock()` answers (default true: this is the first instance). */
  singleInstanceLock?: boolean;
  /** When set, `BrowserWindow#loadURL` rejects with an Error of this message. */
  loadURLError?: string;
  /** Whether a PDF loaded with `loadFile` emits `-pdf-ready-to-print` afterwards (default true). */
  pdfReadyToPrint?: boolean;
  /** What `webContents.print` calls back (default: printed). */
  printResult?: { success: boolean; failureReason?: string };
  /** The path the save dialog answers (null: canceled; default canceled). */
  saveDialogPath?: string | null;
  /** The paths the open dialog answers (null: canceled; default canceled). */
  openDialogPaths?: string[] | null;
  /** `safeStorage` (default: available, backend `gnome_libsecret`). */
  safeStorage?: { available: boolean; backend: string };
}

/** One recorded call: which API, a plain-data summary of its arguments, and whether app was ready. */
export interface RecordedCall {
  api: string;
  args: unknown[];
  appReady: boolean;
}

interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault: () => void;
}

function preventableEvent(): PreventableEvent {
  const event = {
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** Drops functions and class instances so options can cross a process boundary as data. */
function plain(value: unknown): unknown {
  if (value instanceof FakeSession) return { session: value.partition };
  if (value instanceof Uint8Array) return { bytes: value.byteLength };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  /** Listeners set through `session.webRequest` (none may rewrite the PDF viewer's headers). */
  readonly webRequestListeners: string[] = [];
  readonly webRequest = {
    onHeadersReceived: () => void this.webRequestListeners.push('onHeadersReceived'),
    onBeforeRequest: () => void this.webRequestListeners.push('onBeforeRequest'),
    onBeforeSendHeaders: () => void this.webRequestListeners.push('onBeforeSendHeaders'),
  };

  constructor(
    readonly partition: string,
    readonly options: unknown,
  ) {
    super();
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  /** Asks every installed handler, as Chromium would, and reports the answers. */
  probe() {
    let requested: 'granted' | 'denied' | 'no handler' | 'no answer' = 'no handler';
    this.permissionRequestHandler?.({}, 'media', (granted) => {
      requested = granted ? 'granted' : 'denied';
    });
    if (this.permissionRequestHandler && requested === 'no handler') requested = 'no answer';
    const download = preventableEvent();
    this.emit('will-download', download, {}, {});
    return {
      partition: this.partition,
      permissionRequest: requested,
      permissionCheck: this.permissionCheckHandler
        ? this.permissionCheckHandler({}, 'media', 'app://jiebang', {})
        : 'no handler',
      devicePermission: this.devicePermissionHandler
        ? this.devicePermissionHandler({})
        : 'no handler',
      willDownload:
        this.listenerCount('will-download') === 0
          ? 'no handler'
          : download.defaultPrevented
            ? 'prevented'
            : 'allowed',
      webRequestListeners: [...this.webRequestListeners],
    };
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly printCalls: unknown[] = [];
  devToolsClosed = 0;

  constructor(
    readonly id: number,
    readonly session: FakeSession,
    private readonly standIn: ElectronStandIn,
  ) {
    super();
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args: args.map(plain) });
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  isDestroyed(): boolean {
    return this.standIn.windows.find((w) => w.webContents === this)?.destroyed ?? false;
  }
  print(options: unknown, callback?: (success: boolean, failureReason: string) => void): void {
    this.standIn.record('webContents.print', [options]);
    this.printCalls.push(plain(options));
    const { success, failureReason } = this.standIn.config.printResult ?? { success: true };
    setImmediate(() => callback?.(success, success ? '' : (failureReason ?? 'Print job failed')));
  }

  /** Fires each navigation guard with a fresh event and reports what it did. */
  probe() {
    const outcome = (event: string) => {
      if (this.listenerCount(event) === 0) return 'no handler';
      const e = preventableEvent();
      this.emit(event, e, 'https://example.com/', {});
      return e.defaultPrevented ? 'prevented' : 'allowed';
    };
    return {
      id: this.id,
      session: this.session.partition,
      willNavigate: outcome('will-navigate'),
      willRedirect: outcome('will-redirect'),
      willAttachWebview: outcome('will-attach-webview'),
      windowOpen: this.windowOpenHandler
        ? this.windowOpenHandler({ url: 'https://example.com/' }).action
        : 'no handler',
      devToolsClosedWhenOpened: (() => {
        const before = this.devToolsClosed;
        this.emit('devtools-opened');
        return this.devToolsClosed > before;
      })(),
      sent: [...this.sent],
      printCalls: this.printCalls.length,
    };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly id: number;
  readonly webContents: FakeWebContents;
  readonly loadedURLs: string[] = [];
  readonly loadedFiles: string[] = [];
  visible = false;
  minimized = false;
  destroyed = false;
  focusCount = 0;
  restoreCount = 0;

  constructor(
    readonly options: { show?: boolean; webPreferences?: { session?: unknown; preload?: string } },
    private readonly standIn: ElectronStandIn,
  ) {
    super();
    this.id = standIn.windows.length + 1;
    const asked = options.webPreferences?.session;
    const session = asked instanceof FakeSession ? asked : standIn.defaultSession;
    this.webContents = new FakeWebContents(this.id, session, standIn);
    this.visible = options.show ?? true;
    standIn.windows.push(this);
    standIn.record('new BrowserWindow', [plain(options)]);
    standIn.app.emit('web-contents-created', {}, this.webContents);
  }

  async loadURL(url: string): Promise<void> {
    this.standIn.record('BrowserWindow.loadURL', [url]);
    this.loadedURLs.push(url);
    const error = this.standIn.config.loadURLError;
    if (error !== undefined) throw new Error(error);
    setImmediate(() => this.emit('ready-to-show'));
  }

  async loadFile(path: string): Promise<void> {
    this.standIn.record('BrowserWindow.loadFile', [path]);
    this.loadedFiles.push(path);
    if (!existsSync(path)) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading 'file://${path}'`);
    // Chromium's PDF viewer loads the document after the page: the event follows the load.
    if (path.endsWith('.pdf') && this.standIn.config.pdfReadyToPrint !== false)
      setImmediate(() => this.webContents.emit('-pdf-ready-to-print'));
  }

  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focusCount++;
    this.standIn.focused = this;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.restoreCount++;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
  close(): void {
    this.destroy();
  }
}

type IpcListener = (event: unknown, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** `dialog.show*Dialog([window], options)`: which window it attaches to, and the options. */
function dialogArgs(args: unknown[]): { window: number | null; options: unknown } {
  const [first, second] = args;
  if (first instanceof FakeBrowserWindow) return { window: first.id, options: plain(second) };
  return { window: null, options: plain(first) };
}

/** The `BrowserWindow` class of one stand-in, with its static lookups. */
function browserWindowClass(standIn: ElectronStandIn) {
  return class BrowserWindow extends FakeBrowserWindow {
    constructor(options: FakeBrowserWindow['options'] = {}) {
      super(options, standIn);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return standIn.windows.filter((w) => !w.destroyed);
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return standIn.focused && !standIn.focused.destroyed ? standIn.focused : null;
    }
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return standIn.windows.find((w) => w.webContents === contents) ?? null;
    }
  };
}

/** `app`: ready when the stand-in says so; `quit()` and `exit()` only record. */
export class FakeApp extends EventEmitter {
  constructor(private readonly standIn: ElectronStandIn) {
    super();
  }
  get isPackaged(): boolean {
    return this.standIn.config.isPackaged ?? false;
  }
  getAppPath(): string {
    return this.standIn.config.appPath ?? process.cwd();
  }
  getPath(name: string): string {
    const path = this.standIn.paths.get(name);
    if (path === undefined) throw new Error(`stand-in: app.getPath('${name}') not configured`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.standIn.record('app.setPath', [name, path]);
    this.standIn.paths.set(name, path);
  }
  requestSingleInstanceLock(): boolean {
    this.standIn.record('app.requestSingleInstanceLock', []);
    return this.standIn.config.singleInstanceLock ?? true;
  }
  whenReady(): Promise<void> {
    return this.standIn.whenReady;
  }
  isReady(): boolean {
    return this.standIn.isReady;
  }
  quit(): void {
    this.standIn.record('app.quit', []);
    this.standIn.quitCount++;
  }
  exit(code = 0): void {
    this.standIn.record('app.exit', [code]);
    this.standIn.exitCode = code;
  }
}

/** The fake, and the record of what was done with it. */
export class ElectronStandIn {
  readonly calls: RecordedCall[] = [];
  readonly windows: FakeBrowserWindow[] = [];
  readonly sessions = new Map<string, FakeSession>();
  readonly ipcHandlers = new Map<string, IpcListener>();
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly dialogs: { kind: 'save' | 'open'; window: number | null; options: unknown }[] = [];
  /** Worker threads main started, by entry file (recorded by the built-main runner). */
  readonly workers: string[] = [];
  readonly defaultSession = new FakeSession('', {});
  focused: FakeBrowserWindow | null = null;
  isReady = false;
  exitCode: number | null = null;
  quitCount = 0;
  readonly paths: Map<string, string>;
  private openReadyGate = () => {};
  readonly whenReady = new Promise<void>((resolve) => {
    this.openReadyGate = resolve;
  });

  constructor(readonly config: StandInConfig = {}) {
    this.paths = new Map(
      Object.entries({ userData: join(tmpdir(), 'jiebang-stand-in-userData'), ...config.paths }),
    );
  }

  readonly app = new FakeApp(this);

  readonly protocol = {
    registerSchemesAsPrivileged: (schemes: unknown) =>
      this.record('protocol.registerSchemesAsPrivileged', [plain(schemes)]),
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (!this.isReady) throw new Error('protocol.handle may only be called when app is ready');
      this.record('protocol.handle', [scheme]);
      this.protocolHandlers.set(scheme, handler);
    },
    isProtocolHandled: (scheme: string) => this.protocolHandlers.has(scheme),
  };

  readonly ipcMain = {
    handle: (channel: string, listener: IpcListener) => {
      if (this.ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.record('ipcMain.handle', [channel]);
      this.ipcHandlers.set(channel, listener);
    },
    removeHandler: (channel: string) => void this.ipcHandlers.delete(channel),
  };

  readonly session = {
    defaultSession: this.defaultSession,
    fromPartition: (partition: string, options?: unknown) => {
      this.record('session.fromPartition', [partition, plain(options)]);
      const found = this.sessions.get(partition) ?? new FakeSession(partition, plain(options));
      this.sessions.set(partition, found);
      return found;
    },
  };

  readonly dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      this.dialogs.push({ kind: 'save', ...dialogArgs(args) });
      const filePath = this.config.saveDialogPath ?? null;
      return filePath === null ? { canceled: true } : { canceled: false, filePath };
    },
    showOpenDialog: async (...args: unknown[]) => {
      this.dialogs.push({ kind: 'open', ...dialogArgs(args) });
      const filePaths = this.config.openDialogPaths ?? null;
      return filePaths === null
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths };
    },
    showErrorBox: (title: string, content: string) => {
      this.record('dialog.showErrorBox', [title, content]);
      this.errorBoxes.push({ title, content });
    },
  };

  private get storage() {
    return this.config.safeStorage ?? { available: true, backend: 'gnome_libsecret' };
  }
  readonly safeStorage = {
    isEncryptionAvailable: () => this.storage.available,
    getSelectedStorageBackend: () => this.storage.backend,
    // Reversible, recognisably fake: the stand-in guards no secret.
    encryptString: (plainText: string) => Buffer.from(`stand-in:${plainText}`),
    decryptString: (cipher: Buffer) => cipher.toString().replace(/^stand-in:/, ''),
  };

  readonly BrowserWindow = browserWindowClass(this);

  record(api: string, args: unknown[]): void {
    this.calls.push({ api, args, appReady: this.isReady });
  }

  /** The `electron` module's named exports, as main imports them. */
  get electron() {
    return {
      app: this.app,
      BrowserWindow: this.BrowserWindow,
      dialog: this.dialog,
      ipcMain: this.ipcMain,
      protocol: this.protocol,
      safeStorage: this.safeStorage,
      session: this.session,
    };
  }

  /** The app becomes ready: `whenReady()` resolves and `ready` is emitted, as in Electron. */
  ready(): void {
    if (this.isReady) return;
    this.isReady = true;
    this.app.emit('ready', {}, {});
    this.openReadyGate();
  }

  /** Everything recorded, as plain data (handlers are called to report what they answer). */
  snapshot() {
    return {
      calls: this.calls.map((c) => ({ ...c, args: c.args.map(plain) })),
      isReady: this.isReady,
      exitCode: this.exitCode,
      quitCount: this.quitCount,
      paths: Object.fromEntries(this.paths),
      appListeners: this.app.eventNames().map(String),
      ipcChannels: [...this.ipcHandlers.keys()],
      protocolSchemes: [...this.protocolHandlers.keys()],
      errorBoxes: [...this.errorBoxes],
      dialogs: [...this.dialogs],
      workers: [...this.workers],
      sessions: [this.defaultSession, ...this.sessions.values()].map((s) => s.probe()),
      windows: this.windows.map((w) => ({
        id: w.id,
        options: plain(w.options),
        preload: w.options.webPreferences?.preload ?? null,
        loadedURLs: [...w.loadedURLs],
        loadedFiles: [...w.loadedFiles],
        visible: w.visible,
        destroyed: w.destroyed,
        focusCount: w.focusCount,
        restoreCount: w.restoreCount,
        webContents: w.webContents.probe(),
      })),
    };
  }
}

export type StandInSnapshot = ReturnType<ElectronStandIn['snapshot']>;

export function createElectronStandIn(config: StandInConfig = {}): ElectronStandIn {
  return new ElectronStandIn(config);
}

/** Where the module hook's `electron` (electron-module.mjs) finds the installed stand-in. */
export const STAND_IN_KEY = Symbol.for('jiebang.electron-stand-in');

/**
 * Makes `standIn` the `electron` module of this process (with the hook of resolve-electron.mjs
 * registered) and sets `process.resourcesPath` when configured, as Electron does.
 */
export function installElectronStandIn(standIn: ElectronStandIn): void {
  Reflect.set(globalThis, STAND_IN_KEY, standIn);
  if (standIn.config.resourcesPath !== undefined)
    Reflect.set(process, 'resourcesPath', standIn.config.resourcesPath);
}
