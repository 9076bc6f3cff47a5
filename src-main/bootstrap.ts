import { join, resolve } from 'node:path';
import { APP_SCHEME, hardenWebContents, type HardenableWebContents } from './security';

/**
 * The same path in `app.asar.unpacked` when it lies inside `app.asar`: where electron-builder puts
 * what `asarUnpack` lists (electron-builder.config.ts). A worker thread loads its script and modules
 * from the real disk, so main starts the PDF worker from there when packaged; outside a package the
 * path is returned as it is.
 */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/**
 * The folder of the app's resources (the bundled sample is `<it>/sample`): `process.resourcesPath`
 * when packaged (electron-builder's extraResources copy resources/sample there), the checkout's
 * `resources/` otherwise.
 */
export function resourcesDir(
  app: { isPackaged: boolean; getAppPath(): string },
  resourcesPath: string,
): string {
  return app.isPackaged ? resourcesPath : join(app.getAppPath(), 'resources');
}

/** The slice of Electron's `app` and `protocol` that start-up touches before the app is ready. */
export interface BootstrapDeps {
  env: Readonly<Record<string, string | undefined>>;
  app: {
    setPath(name: 'userData', path: string): void;
    requestSingleInstanceLock(): boolean;
    quit(): void;
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: HardenableWebContents) => void,
    ): unknown;
  };
  protocol: {
    registerSchemesAsPrivileged(
      schemes: {
        scheme: string;
        privileges: {
          standard: boolean;
          secure: boolean;
          supportFetchAPI: boolean;
          codeCache: boolean;
        };
      }[],
    ): void;
  };
}

/**
 * Everything that must happen before `app.whenReady()`: the data-directory override for tests
 * (JIEBANG_DATA_DIR), the privileged `app://` scheme (not file://), the single-instance lock,
 * and hardening of every WebContents ever created. Returns false when another instance owns the
 * lock and this one is quitting.
 */
export function bootstrap(deps: BootstrapDeps, isProduction: boolean): boolean {
  const dataDir = deps.env['JIEBANG_DATA_DIR'];
  if (dataDir) deps.app.setPath('userData', resolve(dataDir));
  deps.protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // codeCache: V8 keeps compiled code of the app's scripts between starts (needs standard).
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
  if (!deps.app.requestSingleInstanceLock()) {
    deps.app.quit();
    return false;
  }
  deps.app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, isProduction),
  );
  return true;
}

/** The slice of Electron a failed start uses. */
export interface StartFailureDeps {
  dialog: { showErrorBox(title: string, content: string): void };
  app: { exit(exitCode?: number): void };
}

/**
 * A start that fails (the window cannot be created or its page not loaded) must not leave a
 * windowless process behind: an error box says what failed, and the app exits with code 1.
 */
export function reportStartFailure(deps: StartFailureDeps, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error('揭榜评审台无法启动：', detail);
  deps.dialog.showErrorBox(
    '揭榜评审台无法启动',
    `${error instanceof Error ? error.message : String(error)}\n\n` +
      '请重新安装或联系管理员；数据未受影响。',
  );
  deps.app.exit(1);
}
