import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The web host's page: its address with the token, fetch answering every channel with `value`. */
function webHostPage(value: unknown) {
  const stored = new Map<string, string>();
  const setItem = vi.fn((k: string, v: string) => void stored.set(k, v));
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => ({
    status: 200,
    text: async () => JSON.stringify({ ok: true, value }),
  }));
  vi.stubGlobal('window', { location: { search: '?token=secret-1' } });
  vi.stubGlobal('sessionStorage', { setItem, getItem: (k: string) => stored.get(k) ?? null });
  vi.stubGlobal('fetch', fetch);
  return { fetch, setItem };
}

const PROFILE = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  label: '王立新',
  createdAt: '2026-12-01T08:00:00.000Z',
  hasKeychain: false,
};

const headerOf = (init: RequestInit | undefined, name: string): unknown =>
  init?.headers === undefined ? undefined : Reflect.get(init.headers, name);

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the gate's first question, asked before the app runs (issue 22)", () => {
  it('leaves with the token of the address, which is kept in sessionStorage only after it', async () => {
    const page = webHostPage([]);
    const { askFirst } = await import('./first-question');
    askFirst();
    expect(page.fetch.mock.calls.map(([url]) => url)).toEqual([
      '/api/profile%3Alist',
      '/api/app%3Ainfo',
    ]);
    for (const [, init] of page.fetch.mock.calls)
      expect(headerOf(init, 'x-jiebang-token')).toBe('secret-1');
    expect(page.setItem).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(page.setItem).toHaveBeenCalledWith('jiebang.webToken', 'secret-1');
  });

  it('is answered to the bridge once (checked by the contract), then asked again', async () => {
    const page = webHostPage([PROFILE]);
    const { askFirst } = await import('./first-question');
    const { api } = await import('./bridge');
    askFirst();
    expect(page.fetch).toHaveBeenCalledTimes(2);
    await expect(api['profile:list']()).resolves.toEqual([PROFILE]);
    expect(page.fetch).toHaveBeenCalledTimes(2);
    await api['profile:list']().catch(() => undefined);
    expect(page.fetch).toHaveBeenCalledTimes(3);
  });

  it('refuses an early answer that breaks the contract, as any other', async () => {
    webHostPage([{ id: 'x', label: 1 }]);
    const { askFirst } = await import('./first-question');
    const { api } = await import('./bridge');
    askFirst();
    await expect(api['profile:list']()).rejects.toThrow(
      'answer for profile:list breaks the contract',
    );
  });
});
