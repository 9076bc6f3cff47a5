import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src-shared/ipc';
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

  it('saves through a partial file and leaves only the final name', async () => {
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
