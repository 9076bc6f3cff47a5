import { resolve } from 'node:path';
import { APP_SCHEME, hardenWebContents, type HardenableWebContents } from './security';

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
  console.error('Jiebang Panel could not start:', detail);
  deps.dialog.showErrorBox(
    '揭榜评审台无法启动 Jiebang Panel could not start',
    `${error instanceof Error ? error.message : String(error)}\n\n` +
      '请重新安装或联系管理员；数据未受影响。 Reinstall or ask your administrator; your data is untouched.',
  );
  deps.app.exit(1);
}
