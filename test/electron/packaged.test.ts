/**
 * The packaged app's layout, from the BUILT files (`npm run build` first) and the packaging
 * configuration (electron-builder.config.ts), without electron-builder: a temporary folder laid out
 * as electron-builder lays out `resources/` — `app.asar` (here a folder), what `asarUnpack` lists
 * in `app.asar.unpacked` (hard links, or copies across file systems), the `extraResources` — and
 * main loaded from it under the electron stand-in with `isPackaged` true and `getAppPath()` under
 * `app.asar`. The folder lies outside the checkout, so the unpacked worker finds only the packages
 * unpacked beside it: a package it needs and the configuration leaves in the archive fails here.
 */
import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemasOf } from '../../src-shared/ipc';
import { packageClosure, WORKER_PACKAGES } from '../../build/packaging';
import config from '../../electron-builder.config';
import { startBuiltMain, type BuiltMain } from './built-main';
import { builtImports, packageOf } from './built-imports';

const root = process.cwd();
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Folders `files` leaves out of the app (`!dir/**`). */
const excluded = strings(config.files)
  .filter((f) => f.startsWith('!') && f.endsWith('/**'))
  .map((f) => f.slice(1, -3));

/** Puts `from` at `to`: a hard link where the file system allows it, else a copy. */
async function place(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/** Every file under `dir` (relative to root), minus what `files` leaves out. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((file) => !excluded.some((dir) => file.startsWith(`${dir}/`)));
}

/** The files an `asarUnpack` glob names: `dir/**` (a whole folder) or `dir/*.ext`. */
async function unpackedBy(glob: string): Promise<string[]> {
  if (glob.endsWith('/**')) return filesUnder(glob.slice(0, -3));
  const m = /^(.*)\/\*(\.[a-z]+)$/.exec(glob);
  if (!m) throw new Error(`asarUnpack: a pattern this test cannot lay out: ${glob}`);
  const [, dir = '', ext = ''] = m;
  return (await readdir(join(root, dir))).filter((f) => f.endsWith(ext)).map((f) => `${dir}/${f}`);
}

let layout: string;
let resources: string;
let main: BuiltMain;

beforeAll(async () => {
  layout = await mkdtemp(join(tmpdir(), 'jb-packaged-'));
  resources = join(layout, 'resources');
  const asar = join(resources, 'app.asar');
  // app.asar: the built app and package.json; its node_modules are the checkout's (main's imports).
  for (const dir of ['out/main', 'out/preload', 'out/renderer'])
    for (const file of await filesUnder(dir)) await place(join(root, file), join(asar, file));
  await place(join(root, 'package.json'), join(asar, 'package.json'));
  await symlink(join(root, 'node_modules'), join(asar, 'node_modules'), 'junction');
  // app.asar.unpacked: exactly what asarUnpack lists, nothing of the checkout besides.
  for (const glob of strings(config.asarUnpack))
    for (const file of await unpackedBy(glob))
      await place(join(root, file), join(resources, 'app.asar.unpacked', file));
  // extraResources.
  const extra = Array.isArray(config.extraResources) ? config.extraResources : [];
  for (const entry of extra) {
    if (typeof entry === 'string' || entry.to === undefined)
      throw new Error('extraResources: from/to');
    for (const file of await filesUnder(entry.from ?? ''))
      await place(join(root, file), join(resources, entry.to, relative(entry.from ?? '', file)));
  }
  main = await startBuiltMain({
    entry: join(asar, 'out/main/index.js'),
    standIn: { isPackaged: true, appPath: asar, resourcesPath: resources },
    env: { JIEBANG_DATA_DIR: join(layout, 'data') },
  });
});

afterAll(async () => {
  await main?.stop();
  await rm(layout, { recursive: true, force: true });
});

describe('the packaged app (built files laid out as electron-builder does)', () => {
  it('knows it is packaged', async () => {
    expect(await main.invoke('app:info', undefined)).toMatchObject({
      ok: true,
      value: { isPackaged: true, host: 'electron' },
    });
  });

  it('starts the PDF worker from app.asar.unpacked, where it exists, and renders a task book with it', async () => {
    const tb: unknown = JSON.parse(
      await readFile(join(root, 'resources/sample/taskbook.json'), 'utf8'),
    );
    const answer = await main.invoke('taskbook:pdf', { tb });
    if (!answer.ok) throw new Error(`${answer.error.message}\n${main.stderr()}`);
    const pdf = (await schemasOf('taskbook:pdf')).output.parse(answer.value);
    expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(pdf.missing).toEqual([]);
    const worker = join(resources, 'app.asar.unpacked', 'out', 'main', 'pdf-worker.js');
    expect((await main.snapshot()).workers).toEqual([worker]);
    expect(existsSync(worker)).toBe(true);
  });

  it('reads the sample from resourcesPath (extraResources), not from the app', async () => {
    const answer = await main.invoke('sample:package', undefined);
    if (!answer.ok) throw new Error(answer.error.message);
    const sample = (await schemasOf('sample:package')).output.parse(answer.value);
    const expected = await readFile(join(resources, 'sample', 'review-package.jbx'));
    expect(Buffer.compare(Buffer.from(sample.bytes), expected)).toBe(0);
    expect(existsSync(join(resources, 'app.asar', 'resources'))).toBe(false);
  });

  it('unpacks every package the built worker imports (WORKER_PACKAGES and what they depend on)', () => {
    const worker = resolve(root, 'out/main/pdf-worker.js');
    const needed = [...builtImports(worker, { dynamic: true })]
      .filter((s) => !isBuiltin(s))
      .map(packageOf);
    expect(needed.length).toBeGreaterThan(3);
    // What asarUnpack unpacks: the listed packages and their dependencies (react-pdf's text engine
    // is bundled into the worker, so it imports react-pdf's own dependencies by name).
    const unpacked = packageClosure(root, WORKER_PACKAGES);
    for (const name of new Set(needed)) expect(unpacked, name).toContain(`node_modules/${name}`);
  });
});
