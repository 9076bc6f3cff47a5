import { describe, expect, it } from 'vitest';
import { bootstrap, type BootstrapDeps } from './bootstrap';
import {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
  mainWindowOptions,
  type HardenableSession,
  type HardenableWebContents,
} from './security';

type Listener = (...args: never[]) => unknown;

/** A WebContents double that records what hardening registered, so each setting can be exercised. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  let devToolsClosed = 0;
  const contents: HardenableWebContents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
    closeDevTools: () => {
      devToolsClosed++;
    },
  };
  const fire = (event: string, ...args: unknown[]): boolean => {
    let prevented = false;
    const listener = listeners.get(event);
    if (!listener) return false;
    Reflect.apply(listener, undefined, [{ preventDefault: () => (prevented = true) }, ...args]);
    return prevented;
  };
  return {
    contents,
    fire,
    listeners,
    openWindow: (url: string) => openHandler?.({ url }),
    devToolsClosed: () => devToolsClosed,
  };
}

describe('window options (Electron security checklist)', () => {
  const prod = mainWindowOptions('/app/preload.cjs', true).webPreferences;
  const dev = mainWindowOptions('/app/preload.cjs', false).webPreferences;

  it('isolates the context, sandboxes the renderer and keeps Node out of it', () => {
    expect(prod.contextIsolation).toBe(true);
    expect(prod.sandbox).toBe(true);
    expect(prod.nodeIntegration).toBe(false);
    expect(prod.nodeIntegrationInWorker).toBe(false);
    expect(prod.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content, experimental features and webviews', () => {
    expect(prod.webSecurity).toBe(true);
    expect(prod.allowRunningInsecureContent).toBe(false);
    expect(prod.experimentalFeatures).toBe(false);
    expect(prod.webviewTag).toBe(false);
    expect(prod.navigateOnDragDrop).toBe(false);
  });

  it('turns DevTools off in production only', () => {
    expect(prod.devTools).toBe(false);
    expect(dev.devTools).toBe(true);
  });

  it('loads the preload it is given', () => {
    expect(prod.preload).toBe('/app/preload.cjs');
  });
});

describe('content security policy', () => {
  it('allows nothing remote and no inline or eval script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(?<!wasm-)unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('web contents hardening', () => {
  it('denies navigation, redirects, webviews and new windows', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, true);
    expect(f.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(f.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(f.fire('will-attach-webview')).toBe(true);
    expect(f.openWindow('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('closes DevTools in production the moment they open, and leaves them in development', () => {
    const prod = fakeContents();
    hardenWebContents(prod.contents, true);
    prod.fire('devtools-opened');
    expect(prod.devToolsClosed()).toBe(1);
    const dev = fakeContents();
    hardenWebContents(dev.contents, false);
    expect(dev.listeners.has('devtools-opened')).toBe(false);
  });
});

describe('session hardening', () => {
  it('denies every permission request and check, and every download into the session', () => {
    const granted: boolean[] = [];
    const got: {
      check?: () => boolean;
      device?: () => boolean;
      download?: (event: { preventDefault: () => void }) => void;
    } = {};
    const session: HardenableSession = {
      setPermissionRequestHandler: (handler) => {
        for (const permission of [
          'media',
          'geolocation',
          'notifications',
          'clipboard-read',
          'openExternal',
        ]) {
          handler({}, permission, (ok) => granted.push(ok));
        }
      },
      setPermissionCheckHandler: (handler) => {
        got.check = handler;
      },
      setDevicePermissionHandler: (handler) => {
        got.device = handler;
      },
      on: (_event, listener) => {
        got.download = listener;
      },
    };
    hardenSession(session);
    expect(granted).toEqual([false, false, false, false, false]);
    expect(got.check?.()).toBe(false);
    expect(got.device?.()).toBe(false);
    let prevented = false;
    got.download?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('start-up (bootstrap)', () => {
  function fakeElectron(env: Record<string, string>, hasLock: boolean) {
    const calls: string[] = [];
    const schemes: unknown[] = [];
    let created: ((event: unknown, contents: HardenableWebContents) => void) | undefined;
    const deps: BootstrapDeps = {
      env,
      app: {
        setPath: (name, path) => calls.push(`setPath ${name} ${path}`),
        requestSingleInstanceLock: () => hasLock,
        quit: () => calls.push('quit'),
        on: (_event, listener) => {
          created = listener;
        },
      },
      protocol: { registerSchemesAsPrivileged: (s) => schemes.push(...s) },
    };
    return { deps, calls, schemes, created: () => created };
  }

  it('serves the app from a privileged app:// scheme and honours JIEBANG_DATA_DIR', () => {
    const f = fakeElectron({ JIEBANG_DATA_DIR: '/tmp/jb-test' }, true);
    expect(bootstrap(f.deps, true)).toBe(true);
    expect(f.calls).toContain('setPath userData /tmp/jb-test');
    expect(f.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });

  it('quits when another instance holds the single-instance lock', () => {
    const f = fakeElectron({}, false);
    expect(bootstrap(f.deps, true)).toBe(false);
    expect(f.calls).toEqual(['quit']);
  });

  it('hardens every WebContents that is ever created', () => {
    const f = fakeElectron({}, true);
    bootstrap(f.deps, true);
    const contents = fakeContents();
    f.created()?.({}, contents.contents);
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
  });
});

describe('sender check', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://jiebang/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://jiebang/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('accepts the dev server only when one is configured', () => {
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
