import { mkdir, mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unclearReasons } from '../../test/helpers/clear-error';
import { MAX_FILE_BYTES, MAX_MESSAGE_BYTES, type Progress } from '../../src-shared/ipc';
import { dispatch } from '../ipc/dispatch';
import { handlers } from '.';
import { CHUNK_BYTES, fileHandlers } from './file';
import type { HostServices } from './types';

async function tempDir() {
  return mkdtemp(join(tmpdir(), 'jb-file-'));
}

describe('file handlers report progress in bytes', () => {
  it('opens a multi-chunk file with monotonic progress ending at its size', async () => {
    const dir = await tempDir();
    const size = CHUNK_BYTES * 2 + 12345;
    const content = new Uint8Array(size).map((_, i) => i % 251);
    await writeFile(join(dir, 'big.jbx'), content);
    const events: Progress[] = [];
    const host: HostServices = {
      kind: 'electron',
      dataDir: dir,
      isPackaged: false,
      resourcesDir: 'resources',
      showOpenDialog: async () => [join(dir, 'big.jbx')],
      reportProgress: (p) => events.push(p),
    };
    const result = await fileHandlers['file:open'](
      { filters: [{ name: 'b', extensions: ['jbx'] }], task: 't1' },
      host,
    );
    expect(result.canceled).toBe(false);
    // Compare as buffers: a deep equality over 8 MB element by element is needlessly slow.
    expect(!result.canceled && Buffer.compare(result.files[0].bytes, content)).toBe(0);
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.every((e) => e.task === 't1' && e.phase === 'read' && e.total === size)).toBe(
      true,
    );
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
    expect(events.at(-1)?.done).toBe(size);
  });

  it('saves through a temporary file and leaves only the final name', async () => {
    const dir = await tempDir();
    const events: Progress[] = [];
    const host: HostServices = {
      kind: 'electron',
      dataDir: dir,
      isPackaged: false,
      resourcesDir: 'resources',
      showSaveDialog: async (name) => join(dir, name),
      reportProgress: (p) => events.push(p),
    };
    const bytes = new Uint8Array(CHUNK_BYTES + 1).fill(7);
    await fileHandlers['file:save']({ bytes, suggestedName: 'out.jbx', task: 'w' }, host);
    expect(await readdir(dir)).toEqual(['out.jbx']);
    expect(Buffer.compare(await readFile(join(dir, 'out.jbx')), bytes)).toBe(0);
    expect(events.at(-1)).toEqual({
      task: 'w',
      phase: 'write',
      done: bytes.length,
      total: bytes.length,
    });
  });

  it('lets two saves to one path run at once: the file is one of them, whole; no temporary left', async () => {
    const dir = await tempDir();
    const host: HostServices = {
      kind: 'electron',
      dataDir: dir,
      isPackaged: false,
      resourcesDir: 'resources',
      showSaveDialog: async () => join(dir, 'same.jbx'),
    };
    const a = new Uint8Array(CHUNK_BYTES + 3).fill(1);
    const b = new Uint8Array(CHUNK_BYTES + 7).fill(2);
    const saved = await Promise.all(
      [a, b].map((bytes) => fileHandlers['file:save']({ bytes, suggestedName: 'same.jbx' }, host)),
    );
    expect(saved).toEqual([
      { canceled: false, name: 'same.jbx' },
      { canceled: false, name: 'same.jbx' },
    ]);
    const written = await readFile(join(dir, 'same.jbx'));
    expect([a.byteLength, b.byteLength]).toContain(written.byteLength);
    expect(written.every((v) => v === written[0])).toBe(true);
    expect(await readdir(dir)).toEqual(['same.jbx']);
  });

  it('refuses a save onto a folder in a sentence naming it; nothing left behind', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'taken.jbx', 'inside'), { recursive: true });
    const host: HostServices = {
      kind: 'electron',
      dataDir: dir,
      isPackaged: false,
      resourcesDir: 'resources',
      showSaveDialog: async () => join(dir, 'taken.jbx'),
    };
    const answer = await dispatch(
      handlers,
      'file:save',
      { bytes: new Uint8Array([1]), suggestedName: 'taken.jbx' },
      host,
    );
    const message = answer.ok ? '' : answer.error.message;
    expect(message).toBe('这里需要文件，却是文件夹：taken.jbx。');
    expect(unclearReasons(message)).toEqual([]);
    expect(await readdir(dir)).toEqual(['taken.jbx']);
  });

  it('sends no progress without a task id', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'x');
    const events: Progress[] = [];
    const host: HostServices = {
      kind: 'electron',
      dataDir: dir,
      isPackaged: false,
      resourcesDir: 'resources',
      showOpenDialog: async () => [join(dir, 'a.txt')],
      reportProgress: (p) => events.push(p),
    };
    await fileHandlers['file:open']({ filters: [{ name: 'a', extensions: ['txt'] }] }, host);
    expect(events).toEqual([]);
  });
});

describe('one IPC message stays well below what crashes Electron (2^29 bytes)', () => {
  it('caps a message at 256 MB: half the size known to crash', () => {
    expect(MAX_MESSAGE_BYTES).toBe(2 ** 28);
    expect(MAX_FILE_BYTES).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });

  /** A sparse file of `size` bytes: no disk space, no time. */
  async function sparse(dir: string, name: string, size: number): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, '');
    await truncate(path, size);
    return path;
  }

  function opening(paths: string[], events: Progress[]): Promise<unknown> {
    const host: HostServices = {
      kind: 'electron',
      dataDir: '/nonexistent',
      isPackaged: false,
      resourcesDir: 'resources',
      showOpenDialog: async () => paths,
      reportProgress: (p) => events.push(p),
    };
    return fileHandlers['file:open'](
      { filters: [{ name: 'b', extensions: ['jbx'] }], multiple: true, task: 't' },
      host,
    );
  }

  it('refuses a file past the limit by name, before reading anything', async () => {
    const dir = await tempDir();
    const small = await sparse(dir, 'small.jbx', 10);
    const big = await sparse(dir, '评审包.jbx', MAX_FILE_BYTES + 1);
    const events: Progress[] = [];
    await expect(opening([small, big], events)).rejects.toThrow(
      '评审包.jbx 有 256.0 MB，超过单个文件 256 MB 的上限，未读取：请确认选对了文件',
    );
    expect(events).toEqual([]);
  });

  it('refuses a multi-file open whose total is past the limit, naming it', async () => {
    const dir = await tempDir();
    // Each fits alone; together they are one byte past the limit.
    const sizes = [MAX_MESSAGE_BYTES - 10, 6, 5];
    const paths = await Promise.all(
      ['a', 'b', 'c'].map((n, i) => sparse(dir, `${n}.jbx`, sizes[i] ?? 0)),
    );
    const events: Progress[] = [];
    await expect(opening(paths, events)).rejects.toThrow(
      '所选 3 个文件共 256.0 MB，超过一次打开的上限 256 MB，请分批打开。',
    );
    expect(events).toEqual([]);
    // Fewer at once fit in one message.
    const opened = await opening(paths.slice(1), events);
    expect(opened).toMatchObject({
      canceled: false,
      files: [{ name: 'b.jbx' }, { name: 'c.jbx' }],
    });
  });

  it('refuses bytes past the limit to save or print, naming it, before any handler runs', async () => {
    /** Claims one byte more than the cap without allocating it. */
    class Oversized extends Uint8Array {
      override get byteLength(): number {
        return MAX_FILE_BYTES + 1;
      }
    }
    const host: HostServices = {
      kind: 'electron',
      dataDir: '/nonexistent',
      isPackaged: false,
      resourcesDir: 'resources',
      showSaveDialog: async () => {
        throw new Error('the dialog must not open');
      },
      printPdf: async () => {
        throw new Error('nothing may print');
      },
    };
    const save = await dispatch(
      handlers,
      'file:save',
      { bytes: new Oversized(8), suggestedName: 'big.jbx' },
      host,
    );
    const print = await dispatch(
      handlers,
      'pdf:print',
      { bytes: new Oversized(8), title: '任务书' },
      host,
    );
    for (const result of [save, print]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
      expect(!result.ok && result.error.message).toContain('超过单个文件上限 256 MB');
    }
  });
});
