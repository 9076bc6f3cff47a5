/**
 * Every route of the web host, fed malformed input (issue 23): every answer is a sentence in
 * Chinese — never a stack trace, a raw Node error code or a library's English.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, EnvelopeSchema } from '../../src-shared/ipc';
import { englishIn, unclearReasons } from '../../test/helpers/clear-error';
import { startWebHost, TOKEN_HEADER, type WebHost } from './server';

const MAX_BODY = 64 * 1024;

let host: WebHost;
let port: number;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'jb-sweep-root-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({
    rendererRoot: root,
    dataDir: await mkdtemp(join(tmpdir(), 'jb-sweep-data-')),
    // No sample here: `sample:package` must say so in a sentence.
    resourcesDir: await mkdtemp(join(tmpdir(), 'jb-sweep-res-')),
    maxBodyBytes: MAX_BODY,
  });
  port = Number(new URL(host.url).port);
});
afterAll(() => host.close());

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** One HTTP request with full control over method, path, headers and body (fetch has none of it). */
function send(
  method: string,
  path: string,
  options: { body?: Buffer | string; headers?: Record<string, string>; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `127.0.0.1:${port}`, [TOKEN_HEADER]: host.token, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', fail);
    const body = options.body ?? '';
    if (options.chunked && body.length > 0) {
      // No Content-Length: the host must stop at its limit while reading.
      req.setHeader('transfer-encoding', 'chunked');
      for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.slice(at, at + 16 * 1024));
      req.end();
    } else req.end(body);
  });
}

/** Raw bytes on a socket, for what Node's HTTP parser itself refuses. */
function sendRaw(bytes: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => done(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', fail);
  });
}

/** The message a user would see in `answer`, or null for a successful answer. */
function messageOf(answer: Answer): string | null {
  if (answer.contentType.startsWith('application/json')) {
    const envelope = EnvelopeSchema.parse(JSON.parse(answer.body));
    return envelope.ok ? null : envelope.error.message;
  }
  return answer.status >= 400 ? answer.body : null;
}

function expectClear(what: string, answer: Answer): void {
  expect(answer.status, what).toBeLessThan(500);
  const message = messageOf(answer);
  if (message === null) return;
  expect(unclearReasons(message), `${what}: ${message}`).toEqual([]);
  // In Chinese alone: the page shows these as they are, and a browser shows the plain ones.
  expect(englishIn(message), `${what}: ${message}`).toEqual([]);
}

const binary = Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 151) % 256));
const huge = `{"label":"${'长'.repeat(MAX_BODY)}"}`;

/** Malformed bodies: empty, binary, truncated, wrong types, bad escapes, bad bytes, deep, huge. */
const BODIES: ReadonlyArray<[string, Buffer | string, boolean?]> = [
  ['empty', ''],
  ['binary', binary],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ['truncated object', '{"id":"1234'],
  ['truncated array', '['],
  ['truncated bytes', '{"bytes":{"$bytes":"AAA'],
  ['a number', '123'],
  ['a string', '"text"'],
  ['null', 'null'],
  ['true', 'true'],
  ['an array', '[]'],
  ['an empty object', '{}'],
  [
    'every field of the wrong type',
    '{"id":5,"passphrase":[],"oldPassphrase":{},"newPassphrase":7,"label":{},"tb":"x","pkg":1,"sheet":[],"fingerprint":9,"bytes":"nope","title":5,"suggestedName":7,"filters":7,"multiple":"yes","task":[]}',
  ],
  [
    'strings where numbers go and far too long',
    JSON.stringify({ id: 'x'.repeat(5000), passphrase: 'p'.repeat(5000), label: '' }),
  ],
  ['a bad escape', '{"label":"\\x41"}'],
  ['a short unicode escape', '{"label":"\\u12"}'],
  ['a lone surrogate', '{"label":"\\ud800","passphrase":"\\udfff\\udfff\\udfff\\udfff\\udfff"}'],
  ['bad base64 bytes', '{"bytes":{"$bytes":"!!!!"},"title":"t"}'],
  ['deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
  [
    'a well-formed id of no profile',
    '{"id":"00000000-0000-0000-0000-000000000000","passphrase":"x"}',
  ],
  ['huge, declared', huge],
  ['huge, chunked', huge, true],
];

/** Channel names as they appear in the path: known, unknown, empty and malformed escapes. */
const CHANNELS = [
  ...channelNames,
  'shell:exec',
  '',
  '%',
  '%E0%A4%A',
  'profile%3Aunlock%zz',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
];

describe('the web host answers malformed input with sentences only', () => {
  it.each(CHANNELS)('POST /api/%s with every malformed body', async (channel) => {
    for (const [what, body, chunked] of BODIES) {
      const answer = await send('POST', `/api/${channel}`, { body, chunked: chunked ?? false });
      expectClear(`/api/${channel} ← ${what}`, answer);
    }
  });

  it('refuses what is not a call of the contract with sentences', async () => {
    const cases: Array<[string, Promise<Answer>]> = [
      ['GET on the API', send('GET', '/api/app:info')],
      ['DELETE on the API', send('DELETE', '/api/app:info')],
      ['no token', send('POST', '/api/app:info', { headers: { [TOKEN_HEADER]: '' } })],
      [
        'a wrong token',
        send('POST', '/api/app:info', { headers: { [TOKEN_HEADER]: 'x'.repeat(32) } }),
      ],
      ['a foreign Host', send('POST', '/api/app:info', { headers: { host: 'evil.example:80' } })],
      ['the page without its token', send('GET', '/')],
      ['the page with a wrong token', send('GET', '/?token=%')],
      ['PUT on the page', send('PUT', '/index.html')],
      ['a bad escape in a file path', send('GET', '/%')],
      ['a NUL in a file path', send('GET', '/%00')],
      ['a path out of the root', send('GET', '/..%2f..%2fetc%2fpasswd')],
      ['a missing file', send('GET', '/assets/none.js')],
      ['an absolute URL that does not parse', send('GET', 'http://[::1/')],
    ];
    for (const [what, pending] of cases) expectClear(what, await pending);
  });

  it.each([
    ['garbage instead of HTTP', 'GARBAGE \u0000\u0001\r\n\r\n'],
    ['a header line without a colon', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nbroken\r\n\r\n`],
    [
      'headers past the limit',
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
    ],
  ])('answers %s (refused by the HTTP parser) with a sentence', async (_what, bytes) => {
    const reply = await sendRaw(bytes);
    const [head = '', body = ''] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(unclearReasons(body), body).toEqual([]);
    expect(englishIn(body), body).toEqual([]);
  });
});
