/**
 * The last step of `npm run build:cli`: writes V8's code cache beside each chunk of the CLI's
 * CommonJS build (out/node/cli/**\/*.cjs.cache; src-main/cli/code-cache.ts reads it). Runs the
 * built CLI the way the bench and a bureau do — `--help`, then `verify` of an expert's sheet bundle,
 * plain and sealed with age, then `pack` of a package with a 17 MiB attachment sealed with age (the
 * hash worker's path; issue 22: pack compiled all its own chunks at every start) — with
 * `JIEBANG_WRITE_CODE_CACHE=1`, so that each chunk's cache holds
 * the functions those commands run (each run adds to the caches the runs before it wrote). Other
 * commands use the caches of the chunks they share and compile the rest as before. Exit 1 when a
 * run fails or writes to stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { generateAgeIdentity } from '../src-shared/crypto/age';
import { generateSigningKey, secretKeyToPem } from '../src-shared/crypto/keys';
import { generatePanel } from '../src-shared/sample/generate';
import { sheetBundleFor } from '../test/fixtures/bundles';

const CLI = 'out/node/jiebang.mjs';

const dir = await mkdtemp(join(tmpdir(), 'jb-code-cache-'));
try {
  const { sheets } = generatePanel({ experts: 2, applicants: 3, criteria: 3, seed: 1 });
  const sheet = sheets[0];
  if (!sheet) throw new Error('no sheet generated');
  const { identity, recipient } = await generateAgeIdentity();
  const id = join(dir, 'id.txt');
  const plain = join(dir, 'plain.jbx');
  const sealed = join(dir, 'sealed.jbx');
  await writeFile(id, `${identity}\n`);
  await writeFile(plain, await sheetBundleFor(sheet));
  await writeFile(sealed, await sheetBundleFor(sheet, { encryptTo: { recipient } }));

  // A package with one attachment large enough to start the hash worker (HASH_WORKER_MIN).
  const { pkg } = generatePanel({ experts: 7, applicants: 3, criteria: 4, seed: 1 });
  const attachment = new Uint8Array(17 * 1024 * 1024).fill(0x25);
  await writeFile(join(dir, 'p0.pdf'), attachment);
  pkg.applicants[0]?.attachments.push({
    id: 'F0',
    name: '揭榜方案',
    mediaType: 'application/pdf',
    sha256: createHash('sha256').update(attachment).digest('hex'),
    size: attachment.byteLength,
    path: 'attachments/p0.pdf',
    role: 'proposal',
  });
  await writeFile(join(dir, 'package.json'), JSON.stringify(pkg));
  await writeFile(join(dir, 'signing.key'), secretKeyToPem(generateSigningKey().secretKey));
  const pack = [
    'pack',
    join(dir, 'package.json'),
    '--attachments',
    dir,
    '--key',
    join(dir, 'signing.key'),
    '--recipient',
    recipient,
    // A new key's first bundle, said as such (without it pack warns that it starts at 1).
    '--counter',
    '1',
    '-o',
    join(dir, 'rp.jbx'),
  ];

  for (const args of [['--help'], ['verify', plain], ['verify', sealed, '--identity', id], pack]) {
    const run = spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      env: { ...process.env, JIEBANG_WRITE_CODE_CACHE: '1' },
    });
    if (run.status !== 0 || run.stderr !== '') {
      process.stderr.write(`cli-code-cache: jiebang ${args[0]} failed\n${run.stderr}${run.stdout}`);
      process.exit(1);
    }
  }
  const written = (await readdir('out/node/cli', { recursive: true })).filter((f) =>
    f.endsWith('.cache'),
  );
  process.stdout.write(`cli-code-cache: ${written.length} chunks' code cache written\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
