/**
 * The web host (`npm run web`): the built renderer and the same IPC handlers, served over HTTP on
 * 127.0.0.1 only, for the end-to-end tests in Debian's Chromium (the Electron binary cannot be
 * downloaded on the build machines). Every API call must carry the per-run random token; the
 * page gets it from the URL printed at start-up, so no other local page or process can call in.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES, type Channel } from '../../src-shared/ipc';
import { decodeWire, encodeWire } from '../../src-shared/wire';
import { handlers as defaultHandlers } from '../handlers';
import type { HandlerMap, HostServices } from '../handlers/types';
import { createPdfWorker, WARM_UP_AFTER_MS } from '../pdf/pool';
import { dispatch, type Envelope } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../security';
import { readStatic } from '../static';
import { describeFileError, errorCode } from '../fs/errors';
import { readSettings } from './settings';

export const TOKEN_HEADER = 'x-jiebang-token';

export interface WebHostOptions {
  rendererRoot: string;
  dataDir: string;
  port?: number;
  token?: string;
  handlers?: HandlerMap<Channel>;
  resourcesDir?: string;
  /** Test-only: the renderer stores records unencrypted, so the at-rest test can fail. */
  plaintextStorageForTests?: boolean;
  /** Renders PDFs off the server's event loop (the built host passes its worker). */
  renderPdf?: HostServices['renderPdf'];
  /** The largest request body accepted (default: a file of MAX_FILE_BYTES in base64, and some). */
  maxBodyBytes?: number;
}

export interface WebHost {
  server: Server;
  url: string;
  token: string;
  close: () => Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The web host's own answers outside the contract: every one a sentence in Chinese — never a
 * library's text, a Node error code or a stack. The page shows the envelope refusals' messages as
 * they are; the plain-text ones reach a person's browser directly.
 */
const MESSAGES = {
  wrongHost: '请求的主机名不是本机网页宿主，已拒绝。',
  methodNotAllowed: '不支持此请求方法，已拒绝。',
  notFound: '找不到此页面或文件。',
  tokenRequired: '需要令牌：请打开启动网页宿主（`npm run web`）时打印的网址。',
  badToken: '令牌无效或缺失，已拒绝；请重新打开启动网页宿主时打印的网址。',
  badUrl: '请求地址无效，已拒绝。',
  badChannel: '未知通道：通道名称中的 % 编码无效，已拒绝。',
  tooLarge: (limit: number) => `请求过大（上限 ${limit} 字节），未处理。`,
  badJson: '请求内容不是有效的 JSON（或其中的字节编码无效），未处理。',
  badRequest: '请求格式无效，已拒绝。',
  headersTooLarge: '请求头过大，已拒绝。',
  internal: '网页宿主内部出错，未作任何更改；详情见网页宿主的输出。',
} as const;

type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' };

/**
 * The request body as text, up to `limit` bytes. Past the limit the rest is read and dropped (so
 * the client gets the answer rather than a reset connection) and `too-large` is returned.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size <= limit) chunks.push(buf);
  }
  if (size > limit) return { ok: false, reason: 'too-large' };
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(body);
}

const sendText = (res: ServerResponse, status: number, text: string) =>
  send(res, status, 'text/plain; charset=utf-8', text);

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope): void {
  send(res, status, 'application/json; charset=utf-8', encodeWire(envelope));
}

const refuse = (
  code: 'bad-input' | 'forbidden' | 'unknown-channel',
  message: string,
): Envelope => ({
  ok: false,
  error: { code, message },
});

/** The channel named in `/api/<channel>`, or null when its %-escapes are malformed. */
function channelOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const handlers = options.handlers ?? defaultHandlers;
  const host: HostServices = {
    kind: 'web',
    dataDir: options.dataDir,
    isPackaged: false,
    resourcesDir: options.resourcesDir ?? join(import.meta.dirname, '../../resources'),
    ...(options.plaintextStorageForTests ? { testFlags: { plaintextStorage: true } } : {}),
    ...(options.renderPdf ? { renderPdf: options.renderPdf } : {}),
  };
  let origin = '';

  const maxBody = options.maxBodyBytes ?? Math.ceil(MAX_FILE_BYTES * 1.4);

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS-rebinding guard: only our own loopback origin is answered.
    if (req.headers.host !== origin.replace('http://', '')) {
      sendText(res, 421, MESSAGES.wrongHost);
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      sendText(res, 400, MESSAGES.badUrl);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendText(res, 405, MESSAGES.methodNotAllowed);
        return;
      }
      const presented = req.headers[TOKEN_HEADER];
      if (typeof presented !== 'string' || !sameSecret(presented, token)) {
        sendEnvelope(res, 403, refuse('forbidden', MESSAGES.badToken));
        return;
      }
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > maxBody) {
        // Refused before reading: the connection closes rather than take the body in.
        res.setHeader('Connection', 'close');
        sendEnvelope(res, 413, refuse('bad-input', MESSAGES.tooLarge(maxBody)));
        return;
      }
      const body = await readBody(req, maxBody);
      if (!body.ok) {
        sendEnvelope(res, 413, refuse('bad-input', MESSAGES.tooLarge(maxBody)));
        return;
      }
      let raw: unknown;
      try {
        raw = body.text.length === 0 ? undefined : decodeWire(body.text);
      } catch {
        sendEnvelope(res, 400, refuse('bad-input', MESSAGES.badJson));
        return;
      }
      const channel = channelOf(url.pathname);
      if (channel === null) {
        sendEnvelope(res, 404, refuse('unknown-channel', MESSAGES.badChannel));
        return;
      }
      sendEnvelope(res, 200, await dispatch(handlers, channel, raw, host));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, MESSAGES.methodNotAllowed);
      return;
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && !sameSecret(url.searchParams.get('token') ?? '', token)) {
      sendText(res, 403, MESSAGES.tokenRequired);
      return;
    }
    const file = await readStatic(options.rendererRoot, url.pathname);
    if (file.status === 404) sendText(res, 404, MESSAGES.notFound);
    else send(res, file.status, file.contentType, file.body);
  };

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      // The details stay in the host's own output; the client gets a sentence.
      console.error('web host: request failed:', error);
      if (!res.headersSent) sendText(res, 500, MESSAGES.internal);
      else res.destroy();
    });
  });
  // Requests Node's HTTP parser refuses (garbage, oversized headers) get a sentence too.
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, text] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', MESSAGES.headersTooLarge]
        : ['400 Bad Request', MESSAGES.badRequest];
    const body = Buffer.from(text);
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${text}`,
    );
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web host: no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    server,
    token,
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * `npm run web [-- --port N | --help]`: the data folder (JIEBANG_DATA_DIR, else the user's data directory)
 * and the port (default DEFAULT_WEB_PORT) are stable, so profiles and the browser's database
 * survive a restart. Prints the URL and where the data lives; exits 2 on bad arguments, 1 when the
 * data folder or the port cannot be used — each with a sentence.
 */
async function runFromCommandLine(): Promise<void> {
  const fail = (code: number, message: string) => {
    process.stderr.write(`${message}\n`);
    process.exit(code);
  };
  const read = readSettings(process.argv.slice(2), process.env);
  if (read.ok === 'help') {
    process.stdout.write(`${read.message}\n`);
    return;
  }
  if (!read.ok) return fail(2, read.message);
  const { dataDir, port, warmUp } = read.settings;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return fail(1, describeFileError(error, `数据目录 ${dataDir}`));
  }
  const rendererRoot = resolve(
    process.env['JIEBANG_RENDERER_DIR'] ?? join(import.meta.dirname, '../renderer'),
  );
  const plaintext = process.env['JIEBANG_TEST_PLAINTEXT_STORAGE'] === '1';
  // Built next to this file (out/node/pdf-worker.mjs): task books render off the event loop.
  const pdfWorker = createPdfWorker(
    join(import.meta.dirname, 'pdf-worker.mjs'),
    warmUp ? { warmUpAfterMs: WARM_UP_AFTER_MS } : {},
  );
  let hostHandle: WebHost;
  try {
    hostHandle = await startWebHost({
      rendererRoot,
      dataDir,
      port,
      plaintextStorageForTests: plaintext,
      renderPdf: (job) => pdfWorker.render(job),
    });
  } catch (error) {
    return fail(
      1,
      errorCode(error) === 'EADDRINUSE'
        ? `端口 ${port} 已被占用（也许另一个网页宿主正在运行）；请用 --port 指定其他端口。`
        : `网页宿主未能在端口 ${port} 上启动。`,
    );
  }
  if (plaintext) {
    process.stderr.write('警告：已开启仅供测试的明文存储，切勿用于真实评审数据。\n');
  }
  // Tests read the first line; people open the URL.
  process.stdout.write(
    [
      `JIEBANG_WEB_URL=${hostHandle.url}`,
      `JIEBANG_DATA_DIR=${dataDir}`,
      `请在 Chromium 中打开上面的网址。`,
      `用户档案保存在：${join(dataDir, 'profiles')}`,
      `加密的评审数据保存在浏览器中（按网址 ${new URL(hostHandle.url).origin} 区分），换端口即换一份数据；请保持同一端口。`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    void Promise.all([hostHandle.close(), pdfWorker.close()]).then(() => process.exit(0));
    // Requests in flight may finish; a connection that lingers after that is cut.
    setTimeout(() => hostHandle.server.closeAllConnections(), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isEntry =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) await runFromCommandLine();
