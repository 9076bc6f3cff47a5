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
        privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean };
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
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
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
