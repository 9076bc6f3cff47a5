/**
 * Where `npm run web` keeps its data and which port it listens on. Both are stable by default, so
 * a restart finds the profiles again (the profile files live in the data folder; the encrypted
 * database lives in the browser's storage for the page's origin, `http://127.0.0.1:PORT`, so the
 * port must stay the same too). Both can be overridden: `JIEBANG_DATA_DIR` and `--port`.
 */
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
import { parseArgs } from 'node:util';

/** The folder's name inside the user's data directory. */
export const APP_FOLDER = 'jiebang-panel';

/** The web host's port unless `--port` says otherwise (below Linux's ephemeral range). */
export const DEFAULT_WEB_PORT = 27183;

/**
 * The user's data directory for this app: `$XDG_DATA_HOME/jiebang-panel` or
 * `~/.local/share/jiebang-panel` on Linux and other Unixes (XDG Base Directory spec: a relative
 * XDG_DATA_HOME is ignored), `~/Library/Application Support/jiebang-panel` on macOS,
 * `%APPDATA%\jiebang-panel` on Windows.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'];
    const base =
      appData && win32.isAbsolute(appData) ? appData : win32.join(home, 'AppData', 'Roaming');
    return win32.join(base, APP_FOLDER);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  const xdg = env['XDG_DATA_HOME'];
  return posix.join(
    xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share'),
    APP_FOLDER,
  );
}

export interface WebHostSettings {
  dataDir: string;
  /** 0: any free port (tests). */
  port: number;
  /**
   * Whether the PDF worker warms up a few seconds after start (`WARM_UP_AFTER_MS`); off with
   * `JIEBANG_PDF_WARM_UP=0` (the bench's first-screen loads, which a real start draws before it).
   */
  warmUp: boolean;
}

export const USAGE = `用法：npm run web -- [--port N]
  -h, --help 显示本说明
  --port N   监听端口（默认 ${DEFAULT_WEB_PORT}；0 为任一空闲端口）
环境变量 JIEBANG_DATA_DIR：数据目录（默认为用户数据目录下的 ${APP_FOLDER}）
环境变量 JIEBANG_PDF_WARM_UP=0：启动后不预热任务书排版`;

/**
 * The settings from the command line and the environment, or a sentence saying what is wrong
 * with them, in Chinese (`--help`, `-h`: the usage, which is not an error).
 */
export function readSettings(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
):
  | { ok: true; settings: WebHostSettings }
  | { ok: false; message: string }
  | { ok: 'help'; message: string } {
  let values: { port?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    return { ok: false, message: `参数无效：${args.join(' ')}\n${USAGE}` };
  }
  if (values.help === true) return { ok: 'help', message: USAGE };
  let port = DEFAULT_WEB_PORT;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : -1;
    if (port < 0 || port > 65535)
      return {
        ok: false,
        message: `端口（--port）须为 0 到 65535 之间的整数，而不是「${values.port}」。`,
      };
  }
  const fromEnv = env['JIEBANG_DATA_DIR'];
  const dataDir =
    fromEnv && fromEnv.length > 0 ? resolve(fromEnv) : defaultDataDir(platform, env, home);
  const warmUp = env['JIEBANG_PDF_WARM_UP'] !== '0';
  return { ok: true, settings: { dataDir, port, warmUp } };
}
