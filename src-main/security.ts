/**
 * The Electron security checklist, as code that can be unit-tested without the Electron binary:
 * every function takes the small structural slice of Electron's API it needs, so the tests in
 * security.test.ts hand in fakes and assert each setting. src-main/index.ts applies them all.
 */

/** The scheme the app is served from (checklist 18: custom protocol, not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jiebang';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Content-Security-Policy for every page of the app (checklist 7). No remote origins at all:
 * the app works offline by design. `blob:` is needed for pdf.js workers and object URLs of
 * downloads; `data:` for images drawn from bytes (QR codes, rendered PDF pages).
 * `'wasm-unsafe-eval'` lets the app compile its own WebAssembly (libsodium, which seals the
 * database) and nothing else: JavaScript `eval` and inline scripts stay forbidden.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Response headers every served file gets (Electron protocol and web host alike). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebPreferencesShape {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  devTools: boolean;
}

/**
 * BrowserWindow options (checklist 2–6, 9, 11, 12). DevTools only outside production; `icon` is
 * the app icon's PNG (resources/icons/icon-256.png) for the window and the taskbar.
 */
export function mainWindowOptions(preloadPath: string, isProduction: boolean, icon?: string) {
  const webPreferences: WebPreferencesShape = {
    preload: preloadPath,
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
    spellcheck: false,
    devTools: !isProduction,
  };
  return {
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '揭榜评审台',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    ...(icon ? { icon } : {}),
    webPreferences,
  };
}

/** Is `url` one of the app's own pages (the custom protocol, or the dev server in `npm run dev`)? */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

export interface PreventableEvent {
  preventDefault: () => void;
}

/** The slice of WebContents hardening touches. */
export interface HardenableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

/**
 * Navigation, redirects, new windows and webviews are all denied (checklist 12–14); in
 * production DevTools are closed the moment they open. The app never leaves its own pages:
 * links to the outside world are not followed (the app is offline by design).
 */
export function hardenWebContents(contents: HardenableWebContents, isProduction: boolean): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (isProduction) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** The slice of Session hardening touches. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler?(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
}

/** Every permission request and check is denied (checklist 5); no downloads into the session. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** The IPC sender check: only the top frame of an app page may call main (checklist 17). */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  devServerUrl?: string,
): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, devServerUrl);
}
