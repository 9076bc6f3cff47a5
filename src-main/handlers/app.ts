import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IpcError } from '../../src-shared/ipc';
import { APP_VERSION } from '../version';
import type { PdfJob, PdfResult } from '../pdf/jobs';
import type { HandlerMap, HostServices } from './types';

export const SAMPLE_BUNDLE = 'sample/review-package.jbx';

/** `%PDF-` at the start: the print window is only ever handed a PDF. */
const isPdf = (bytes: Uint8Array) =>
  bytes.byteLength > 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';

/**
 * Renders through the host's worker; without one (unit tests) in this thread. The PDF stack
 * (react-pdf, fonts) is imported only then, never at main's start (it loads in the worker).
 */
async function render(job: PdfJob, host: HostServices): Promise<PdfResult> {
  if (host.renderPdf) return host.renderPdf(job);
  const { renderJob } = await import('../pdf/jobs');
  return renderJob(job);
}

export const appHandlers: HandlerMap<
  | 'app:info'
  | 'sample:package'
  | 'sheet:pdf'
  | 'taskbook:pdf'
  | 'inspection:pdf'
  | 'form:pdf'
  | 'pdf:print'
> = {
  'inspection:pdf': async (input, host) => render({ kind: 'inspection', ...input }, host),
  'sheet:pdf': async ({ pkg, sheet, fingerprint }, host) => {
    const { bytes } = await render({ kind: 'sheet', pkg, sheet, fingerprint }, host);
    return { bytes };
  },
  'taskbook:pdf': async ({ tb }, host) => render({ kind: 'taskbook', tb }, host),
  'form:pdf': async ({ layout }, host) => render({ kind: 'form', layout }, host),
  'pdf:print': async ({ bytes, title }, host) => {
    if (!host.printPdf) throw new IpcError('handler-failed', '此环境不能直接打印，请下载后打印');
    if (!isPdf(bytes)) throw new IpcError('bad-input', '不是 PDF 文件 not a PDF');
    return { printed: await host.printPdf(bytes, title) };
  },
  'sample:package': async (_input, host) => {
    try {
      return {
        name: 'review-package.jbx',
        bytes: new Uint8Array(await readFile(join(host.resourcesDir, SAMPLE_BUNDLE))),
      };
    } catch {
      throw new IpcError('handler-failed', '找不到示例评审包');
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
