import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  removeUnfinishedWrites,
  temporaryName,
  WRITE_CHUNK_BYTES,
  writeFileAtomic,
  writeFolderAtomic,
  writeStreamAtomic,
} from './atomic-write';
import { describeFileError, errorCode } from './errors';
import { unclearReasons } from '../../test/helpers/clear-error';

const folder = () => mkdtemp(join(tmpdir(), 'jb-atomic-'));

describe('writeFileAtomic', () => {
  it('lets many writers of one file race: the file is always one of them, whole; no temporary left', async () => {
    const dir = await folder();
    const path = join(dir, 'profile.json');
    // Each writer's text is long enough to take several writes, and tells which writer it was.
    const texts = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ writer: i, pad: 'x'.repeat(200_000 + i) }),
    );
    await Promise.all(texts.map((text) => writeFileAtomic(path, text, { mode: 0o600 })));
    expect(texts).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['profile.json']);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('replaces an existing file by default, and refuses to when told not to (EEXIST, old bytes kept)', async () => {
    const dir = await folder();
    const path = join(dir, 'signing.key');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    const refused = await writeFileAtomic(path, 'third', { overwrite: false }).catch(
      (e: unknown) => e,
    );
    expect(errorCode(refused)).toBe('EEXIST');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['signing.key']);
    await writeFileAtomic(join(dir, 'new.key'), 'fresh', { overwrite: false });
    expect(await readFile(join(dir, 'new.key'), 'utf8')).toBe('fresh');
  });

  it('leaves nothing behind when the rename fails, and the failure reads as a sentence', async () => {
    const dir = await folder();
    // The final name is a folder: the bytes are written, the rename fails.
    const path = join(dir, 'taken');
    await writeFile(join(dir, 'keep.txt'), 'kept');
    await mkdir(join(path, 'inside'), { recursive: true });
    const error = await writeFileAtomic(path, 'bytes').catch((e: unknown) => e);
    expect(errorCode(error)).toMatch(/^E/);
    expect((await readdir(dir)).sort()).toEqual(['keep.txt', 'taken']);
    expect(unclearReasons(describeFileError(error, '评分表 taken'))).toEqual([]);
  });

  it('reports progress chunk by chunk on a large file', async () => {
    const path = join(await folder(), 'bundle.jbx');
    const bytes = new Uint8Array(WRITE_CHUNK_BYTES * 2 + 5).fill(7);
    const seen: number[] = [];
    await writeFileAtomic(path, bytes, { onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([0, WRITE_CHUNK_BYTES, WRITE_CHUNK_BYTES * 2, bytes.byteLength]);
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  it('flushes early as a stream is written (flushEvery), the file whole; a failure leaves nothing', async () => {
    const dir = await folder();
    const path = join(dir, 'bundle.jbx');
    const piece = (i: number) => new Uint8Array(100_000).fill(i);
    const produce = (fail: boolean) => async (write: (p: Uint8Array) => Promise<void>) => {
      for (let i = 0; i < 20; i++) {
        await write(piece(i));
        // A turn of the event loop, as a bundle being built gives: early flushes run meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        if (fail && i === 15) throw new Error('produce failed');
      }
    };
    await writeStreamAtomic(path, produce(false), { blocking: true, flushEvery: 250_000 });
    const got = await readFile(path);
    expect(got.byteLength).toBe(2_000_000);
    for (let i = 0; i < 20; i++) expect(got[i * 100_000 + 99_999]).toBe(i);
    await expect(
      writeStreamAtomic(join(dir, 'failed.jbx'), produce(true), { flushEvery: 250_000 }),
    ).rejects.toThrow('produce failed');
    expect(await readdir(dir)).toEqual(['bundle.jbx']);
  });

  it('removes a write still under way when the command is interrupted (removeUnfinishedWrites): nothing half-written is left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-atomic-'));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => (started = resolve));
    const writing = writeStreamAtomic(join(dir, 'p.jbx'), async (write) => {
      await write(new Uint8Array(1024 * 1024));
      started();
      await held;
    });
    await begun;
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    removeUnfinishedWrites();
    expect(await readdir(dir)).toEqual([]);
    release();
    await expect(writing).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
    // A write that finished is not touched.
    await writeFileAtomic(join(dir, 'done.json'), new TextEncoder().encode('{}'));
    removeUnfinishedWrites();
    expect(await readdir(dir)).toEqual(['done.json']);
  });

  it('an interrupted folder write (unpack into new folders) leaves neither its temporary nor the parents it made', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-atomic-'));
    let seen: string[] | undefined;
    function* files(): Generator<readonly [string, Uint8Array]> {
      yield ['a.txt', new Uint8Array(10)];
      // The signal arrives while the second file is being written; the command exits right after.
      removeUnfinishedWrites();
      seen = readdirSync(dir);
      throw new Error('exited');
    }
    await expect(writeFolderAtomic(join(dir, 'new', 'deeper', 'out'), files())).rejects.toThrow(
      'exited',
    );
    expect(seen).toEqual([]);
  });

  it('names temporaries so no two writers share one, hidden beside the file', () => {
    const a = temporaryName('/d/x.json');
    expect(a).not.toBe(temporaryName('/d/x.json'));
    expect(a).toMatch(/^\/d\/\.x\.json\.\d+\.[0-9a-f]{16}\.tmp$/);
  });
});

describe('writeFolderAtomic', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('writes every file under the final name at once, making parents; no temporary left', async () => {
    const dir = await folder();
    const out = join(dir, 'a', 'b', 'unpacked');
    await writeFolderAtomic(out, [
      ['manifest.json', bytes('{}')],
      ['signatures/1.sig', bytes('sig')],
    ]);
    expect(await readFile(join(out, 'signatures', '1.sig'), 'utf8')).toBe('sig');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['unpacked']);
  });

  it('replaces an empty folder; refuses a file (EEXIST) or a folder with anything in it (ENOTEMPTY)', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'empty'));
    await writeFolderAtomic(join(dir, 'empty'), [['x.txt', bytes('x')]]);
    expect(await readdir(join(dir, 'empty'))).toEqual(['x.txt']);
    await writeFile(join(dir, 'file'), 'kept');
    const onFile = await writeFolderAtomic(join(dir, 'file'), [['x', bytes('x')]]).catch(
      (e: unknown) => e,
    );
    expect(errorCode(onFile)).toBe('EEXIST');
    const onFull = await writeFolderAtomic(join(dir, 'empty'), [['y', bytes('y')]]).catch(
      (e: unknown) => e,
    );
    expect(errorCode(onFull)).toBe('ENOTEMPTY');
    expect(await readFile(join(dir, 'file'), 'utf8')).toBe('kept');
    expect((await readdir(dir)).sort()).toEqual(['empty', 'file']);
    expect(await readdir(join(dir, 'empty'))).toEqual(['x.txt']);
  });

  it('leaves nothing behind when a file fails half-way: no temporary, no parent it made', async () => {
    const dir = await folder();
    const out = join(dir, 'made', 'for', 'it');
    // `a` is written as a file, then `a/b` needs it to be a folder.
    const failed = await writeFolderAtomic(out, [
      ['a', bytes('1')],
      ['a/b', bytes('2')],
    ]).catch((e: unknown) => e);
    expect(errorCode(failed)).toMatch(/^E/);
    const escaped = await writeFolderAtomic(out, [['../../escape', bytes('x')]]).catch(
      (e: unknown) => e,
    );
    expect(errorCode(escaped)).toBe('EINVAL');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('describeFileError', () => {
  it.each([
    'ENOENT',
    'EEXIST',
    'EACCES',
    'EPERM',
    'ENOSPC',
    'EROFS',
    'EISDIR',
    'ENOTDIR',
    'EBUSY',
    'EIO',
    'EWHATEVER',
  ])('turns %s into a sentence naming the file', (code) => {
    const message = describeFileError(
      Object.assign(new Error(`${code}: raw`), { code }),
      '任务书.pdf',
    );
    expect(message).toContain('任务书.pdf');
    expect(unclearReasons(message)).toEqual([]);
    // Chinese only: no English second sentence after the Chinese one.
    expect(message.replace('任务书.pdf', '')).not.toMatch(/[A-Za-z]/);
  });
});
