import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../src-shared/wire';
import { startWebHost, TOKEN_HEADER, type WebHost } from './server';

let host: WebHost;
let origin: string;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'jb-web-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ rendererRoot: root, dataDir: '/tmp/jb-data' });
  origin = new URL(host.url).origin;
});
afterAll(() => host.close());

const call = (channel: string, body: unknown, token = host.token) =>
  fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' },
    body: body === undefined ? '' : encodeWire(body),
  });

describe('web host', () => {
  it('listens on 127.0.0.1 only, with a long random token', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page only with the token, with the CSP header', async () => {
    expect((await fetch(`${origin}/`)).status).toBe(403);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers the contract with the token, and nothing without it', async () => {
    const ok = await call('app:info', undefined);
    expect(decodeWire(await ok.text())).toMatchObject({
      ok: true,
      value: { host: 'web', dataDir: '/tmp/jb-data' },
    });
    const forbidden = await call('app:info', undefined, 'wrong-token-wrong-token-wrong-tok');
    expect(forbidden.status).toBe(403);
  });

  it('validates input exactly as Electron does', async () => {
    const bad = await call('file:save', { bytes: 'nope', suggestedName: 'a' });
    expect(decodeWire(await bad.text())).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const unknown = await call('shell:exec', {});
    expect(decodeWire(await unknown.text())).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    const malformed = await fetch(`${origin}/api/app:info`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
  });
});
