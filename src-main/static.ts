import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/**
 * Maps a URL path to a file inside `root`, or null when it would escape it (`..`, encoded
 * separators, NUL). Used by the Electron `app://` protocol and the web host alike.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

export interface StaticFile {
  status: 200 | 404;
  contentType: string;
  body: Uint8Array;
}

const notFound = (): StaticFile => ({
  status: 404,
  contentType: 'text/plain; charset=utf-8',
  body: new TextEncoder().encode('not found'),
});

/**
 * What main's `app://` protocol handler serves for a request URL: the files of `root`, on
 * `app://jiebang` only. Any other host (`app://other/`, `app://jiebang:1/`, `app://user@jiebang/`), another scheme or a URL
 * that does not parse is a 404, so no page can load the app's files under an origin of its own.
 */
export async function readAppUrl(root: string, url: string): Promise<StaticFile> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound();
  }
  const ours = parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  if (!ours || parsed.username !== '' || parsed.password !== '') return notFound();
  return readStatic(root, parsed.pathname);
}

/** Reads a file for serving; anything missing or outside the root is a 404. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile> {
  const path = resolveStaticPath(root, urlPath);
  if (path === null) return notFound();
  try {
    const info = await stat(path);
    if (!info.isFile()) return notFound();
    return {
      status: 200,
      contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      body: new Uint8Array(await readFile(path)),
    };
  } catch {
    return notFound();
  }
}
