/**
 * The web host (`npm run web`): the built renderer and the same IPC handlers, served over HTTP on
 * 127.0.0.1 only, for the end-to-end tests in Debian's Chromium (the Electron binary cannot be
 * downloaded on the build machines). Every API call must carry the per-run random token; the
 * page gets it from the URL printed at start-up, so no other local page or process can call in.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES, type Channel } from '../../src-shared/ipc';
import { decodeWire, encodeWire } from '../../src-shared/wire';
import { handlers as defaultHandlers } from '../handlers';
import type { HandlerMap, HostServices } from '../handlers/types';
import { createPdfWorker } from '../pdf/pool';
import { dispatch, type Envelope } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../security';
import { readStatic } from '../static';

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

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
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

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope): void {
  send(res, status, 'application/json; charset=utf-8', encodeWire(envelope));
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

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // DNS-rebinding guard: only our own loopback origin is answered.
      if (req.headers.host !== origin.replace('http://', '')) {
        send(res, 421, 'text/plain; charset=utf-8', 'wrong host');
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
          return;
        }
        const presented = req.headers[TOKEN_HEADER];
        if (typeof presented !== 'string' || !sameSecret(presented, token)) {
          sendEnvelope(res, 403, {
            ok: false,
            error: { code: 'forbidden', message: '令牌无效 bad or missing token' },
          });
          return;
        }
        const body = await readBody(req, Math.ceil(MAX_FILE_BYTES * 1.4));
        if (body === null) {
          sendEnvelope(res, 413, {
            ok: false,
            error: { code: 'bad-input', message: '请求过大 request too large' },
          });
          return;
        }
        let raw: unknown;
        try {
          raw = body.length === 0 ? undefined : decodeWire(body);
        } catch {
          sendEnvelope(res, 400, {
            ok: false,
            error: { code: 'bad-input', message: '请求不是有效的 JSON invalid JSON' },
          });
          return;
        }
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        const envelope = await dispatch(handlers, channel, raw, host);
        sendEnvelope(res, 200, envelope);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
        return;
      }
      const isPage = url.pathname === '/' || url.pathname === '/index.html';
      if (isPage && !sameSecret(url.searchParams.get('token') ?? '', token)) {
        send(
          res,
          403,
          'text/plain; charset=utf-8',
          '需要令牌 token required: open the URL printed by `npm run web`',
        );
        return;
      }
      const file = await readStatic(options.rendererRoot, url.pathname);
      send(res, file.status, file.contentType, file.body);
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error));
    });
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

const isEntry =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  const rendererRoot = resolve(
    process.env['JIEBANG_RENDERER_DIR'] ?? join(import.meta.dirname, '../renderer'),
  );
  const dataDir = resolve(
    process.env['JIEBANG_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'jiebang-web-')),
  );
  const port = Number(process.env['PORT'] ?? '0');
  // Built next to this file (out/node/pdf-worker.mjs): task books render off the event loop.
  const pdfWorker = createPdfWorker(join(import.meta.dirname, 'pdf-worker.mjs'));
  const hostHandle = await startWebHost({
    rendererRoot,
    dataDir,
    port: Number.isFinite(port) ? port : 0,
    plaintextStorageForTests: process.env['JIEBANG_TEST_PLAINTEXT_STORAGE'] === '1',
    renderPdf: (job) => pdfWorker.render(job),
  });
  if (process.env['JIEBANG_TEST_PLAINTEXT_STORAGE'] === '1') {
    process.stderr.write(
      'warning: test-only plaintext storage is ON — never use this for real data\n',
    );
  }
  // Tests read this line; people open the URL.
  process.stdout.write(`JIEBANG_WEB_URL=${hostHandle.url}\n`);
  process.stdout.write(`data: ${dataDir}\n`);
  const stop = () => void hostHandle.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
