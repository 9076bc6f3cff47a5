import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IpcError } from '../../src-shared/ipc';
import { APP_VERSION } from '../version';
import { renderScoreSheetPdf } from '../pdf/render';
import type { HandlerMap } from './types';

export const SAMPLE_BUNDLE = 'sample/review-package.jbx';

export const appHandlers: HandlerMap<'app:info' | 'sample:package' | 'sheet:pdf'> = {
  'sheet:pdf': async ({ pkg, sheet, fingerprint }) => ({
    bytes: await renderScoreSheetPdf(pkg, sheet, fingerprint),
  }),
  'sample:package': async (_input, host) => {
    try {
      return {
        name: 'review-package.jbx',
        bytes: new Uint8Array(await readFile(join(host.resourcesDir, SAMPLE_BUNDLE))),
      };
    } catch {
      throw new IpcError('handler-failed', '找不到示例评审包 sample package missing');
    }
  },
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
