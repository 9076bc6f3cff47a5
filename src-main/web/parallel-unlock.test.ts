/**
 * The parallel-unlock case of issue 23 (`../shared/cases/scripts/parallel-unlock.mjs`) against the
 * web host over HTTP: sixteen wrong passphrases sent at once.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { EnvelopeSchema, schemasOf, type Envelope } from '../../src-shared/ipc';
import { decodeWire, encodeWire } from '../../src-shared/wire';
import { expectBurstHeld, unlockBurst } from '../../test/helpers/unlock-burst';
import { startWebHost, TOKEN_HEADER, type WebHost } from './server';

let host: WebHost;
let dataDir: string;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'jb-race-root-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  dataDir = await mkdtemp(join(tmpdir(), 'jb-race-data-'));
  host = await startWebHost({ rendererRoot: root, dataDir });
});
afterAll(() => host.close());

async function call(channel: string, body: unknown): Promise<Envelope> {
  const res = await fetch(`${new URL(host.url).origin}/api/${channel}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
    body: encodeWire(body),
  });
  return EnvelopeSchema.parse(decodeWire(await res.text()));
}

it('sixteen wrong passphrases at once over HTTP: held by the backoff, each counted, each a sentence', async () => {
  const created = await call('profile:create', {
    label: 'race',
    passphrase: 'correct horse battery',
  });
  if (!created.ok) throw new Error(created.error.message);
  const { id } = (await schemasOf('profile:create')).output.parse(created.value).profile;
  const burst = await unlockBurst(16, (passphrase) => call('profile:unlock', { id, passphrase }));
  await expectBurstHeld(burst, join(dataDir, 'profiles'), id);
});
