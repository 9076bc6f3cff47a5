/** A store's lane (`turns`): works run one after another, in the order given, past a failure. */
import { describe, expect, it } from 'vitest';
import { turns } from './turns';

/** A promise resolved from outside. */
function held() {
  let release = (): void => undefined;
  const promise = new Promise<void>((r) => {
    release = r;
  });
  return { promise, release };
}

describe('turns', () => {
  it('starts a work only once the one before it has settled, in the order given', async () => {
    const inTurn = turns();
    const log: string[] = [];
    const first = held();
    const a = inTurn(async () => {
      log.push('a begins');
      await first.promise;
      log.push('a ends');
      return 'a';
    });
    const b = inTurn(() => {
      log.push('b');
      return Promise.resolve('b');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['a begins']);
    first.release();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a begins', 'a ends', 'b']);
  });

  it('gives each caller its own work’s failure, and goes on with the next', async () => {
    const inTurn = turns();
    const failed = inTurn(() => Promise.reject(new Error('disk full')));
    const next = inTurn(() => Promise.resolve(2));
    await expect(failed).rejects.toThrow('disk full');
    expect(await next).toBe(2);
  });

  it('keeps one lane per call: two stores do not wait for each other', async () => {
    const one = turns();
    const other = turns();
    const stuck = held();
    const waiting = one(() => stuck.promise);
    expect(await other(() => Promise.resolve('free'))).toBe('free');
    stuck.release();
    await waiting;
  });
});
