/**
 * The gate's first question (which profiles exist? where does the app run?), sent from a module
 * graph of its own (`ask-first.ts`, a second entry the HTML loads before the app) so that it
 * leaves once this small file is compiled rather than after react-dom's (issue 22: an ES module
 * graph runs only once all of it is compiled). The bridge takes the answers on its first call of
 * each channel and checks them as any other. Imports nothing at run time: no zod, no React.
 *
 * Also the web host's transport (the per-run token and the POST), which the bridge uses for every
 * other call.
 */
import type { Envelope } from '../../src-shared/ipc-gate';

const TOKEN_KEY = 'jiebang.webToken';
let tokenStored = false;

/**
 * The web host's token: from `?token=` (the host's address carries it), else from sessionStorage,
 * where the one from the address is kept for a reload without it. It is kept there only after the
 * first question has left: the first touch of sessionStorage is a synchronous call to the browser
 * process (≈ 75 ms under load, issue 22).
 */
export function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (!fromUrl) return sessionStorage.getItem(TOKEN_KEY) ?? '';
  if (!tokenStored) {
    tokenStored = true;
    setTimeout(() => sessionStorage.setItem(TOKEN_KEY, fromUrl), 0);
  }
  return fromUrl;
}

/** Web host: POSTs `body` (wire JSON, or empty for no input) on `channel` with the token. */
export function send(channel: string, body: string): Promise<Response> {
  return fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-jiebang-token': webToken() },
    body,
  });
}

/** The channels asked before the app runs (both take no input). */
export type FirstChannel = 'profile:list' | 'app:info';

/** An answer on its way: the web host's response, or the preload's envelope in Electron. */
export type FirstAnswer = { web: Promise<Response> } | { electron: Promise<Envelope> };

const asked = new Map<FirstChannel, FirstAnswer>();

/** Sends the first question on both channels (once; `ask-first.ts` calls it at load). */
export function askFirst(): void {
  if (asked.size > 0) return;
  const preload = window.jiebang;
  for (const channel of ['profile:list', 'app:info'] as const) {
    // A failure is reported to whoever takes the answer, not as an unhandled rejection before.
    if (preload) {
      const electron = preload[channel]();
      electron.catch(() => undefined);
      asked.set(channel, { electron });
    } else {
      const web = send(channel, '');
      web.catch(() => undefined);
      asked.set(channel, { web });
    }
  }
}

/** The early answer on `channel`, once: later calls ask again (undefined). */
export function takeFirst(channel: FirstChannel): FirstAnswer | undefined {
  const answer = asked.get(channel);
  asked.delete(channel);
  return answer;
}
