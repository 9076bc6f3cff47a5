import { APP_VERSION } from '../version';
import type { HandlerMap } from './types';

export const appHandlers: HandlerMap<'app:info'> = {
  'app:info': async (_input, host) => ({
    name: '揭榜评审台 Jiebang Panel',
    version: APP_VERSION,
    host: host.kind,
    platform: process.platform,
    versions: Object.fromEntries(
      Object.entries(process.versions).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && ['node', 'v8', 'electron', 'chrome'].includes(entry[0]),
      ),
    ),
    dataDir: host.dataDir,
    isPackaged: host.isPackaged,
    ...(host.testFlags ? { testFlags: host.testFlags } : {}),
  }),
};
