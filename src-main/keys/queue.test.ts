import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './queue';

/** A promise the test settles by hand, to hold an operation open while others queue behind it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((done) => (open = done));
  return { opened, open };
}

describe('KeyedQueue', () => {
  it('runs operations on one key alone and in order, even when one fails', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run('p', async () => {
      log.push('a start');
      await first.opened;
      log.push('a end');
      throw new Error('a failed');
    });
    const b = queue.run('p', async () => {
      log.push('b');
      return 'b done';
    });
    // b waits for a, however long a takes.
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    await expect(a).rejects.toThrow('a failed');
    expect(await b).toBe('b done');
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('runs operations on different keys side by side', async () => {
    const queue = new KeyedQueue();
    const held = gate();
    const slow = queue.run('p1', () => held.opened.then(() => 'p1'));
    // p2 finishes while p1 is still held.
    expect(await queue.run('p2', async () => 'p2')).toBe('p2');
    held.open();
    expect(await slow).toBe('p1');
  });
});
