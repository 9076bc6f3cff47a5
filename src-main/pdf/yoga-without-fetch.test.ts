import { describe, expect, it, vi } from 'vitest';
import { withoutFetchUntilLaidOut } from './yoga-without-fetch';

const fetchProperty = () => Object.getOwnPropertyDescriptor(globalThis, 'fetch');

describe('withoutFetchUntilLaidOut', () => {
  it('hides the global fetch while the first renders run, then puts it back as it was', async () => {
    const before = fetchProperty();
    expect(before).toBeDefined();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    // Two renders in flight at once: fetch comes back only when both are done.
    const first = withoutFetchUntilLaidOut(async () => {
      seen.push(typeof globalThis.fetch);
      await held;
      return 1;
    });
    const second = withoutFetchUntilLaidOut(async () => {
      seen.push(typeof globalThis.fetch);
      return 2;
    });
    expect(await second).toBe(2);
    expect(typeof globalThis.fetch).toBe('undefined');
    release();
    expect(await first).toBe(1);
    expect(seen).toEqual(['undefined', 'undefined']);
    expect(fetchProperty()).toEqual(before);
    expect(typeof globalThis.fetch).toBe('function');
    // Laid out once: later renders leave fetch alone, and a failing one still gives it back.
    await withoutFetchUntilLaidOut(async () => seen.push(typeof globalThis.fetch));
    expect(seen[2]).toBe('function');
  });

  it('puts fetch back when the first render fails', async () => {
    // A module of its own: nothing laid out yet in it.
    vi.resetModules();
    const fresh = await import('./yoga-without-fetch');
    await expect(
      fresh.withoutFetchUntilLaidOut(() => Promise.reject(new Error('排版失败'))),
    ).rejects.toThrow('排版失败');
    expect(typeof globalThis.fetch).toBe('function');
  });
});
