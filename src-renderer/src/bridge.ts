/**
 * The renderer's one way to reach main (transport only: it knows no store or screen). Inside
 * Electron it calls the preload (`window.jiebang`); under the web host it POSTs to the local
 * server with the per-run token. Saves become downloads and opens become file inputs there;
 * nothing else differs. Every answer is validated against the contract's output schema, and
 * failures are rethrown as `IpcError`. Progress of long reads (main's events in Electron, the
 * file input's reading under the web host) goes to whoever subscribed with `onProgress`.
 */
import type {
  Api,
  Channel,
  ChannelOutput,
  ContractByChannel,
  FileFilter,
  RawApi,
} from '../../src-shared/ipc';
import {
  EnvelopeSchema,
  FILE_TOO_LARGE,
  fileSizeProblem,
  gateContract,
  IpcError,
  MAX_FILE_BYTES,
  ProgressSchema,
  type Envelope,
  type GateChannel,
  type Progress,
} from '../../src-shared/ipc-gate';
import { decodeWire, encodeWire } from '../../src-shared/wire';

type ProgressListener = (progress: Progress) => void;
const listeners = new Set<ProgressListener>();

function emitProgress(progress: Progress): void {
  for (const listener of listeners) listener(progress);
}

/**
 * Calls `listener` with every progress event of long file work (validated); returns unsubscribe.
 * In Electron, main's events are forwarded while anyone listens.
 */
export function onProgress(listener: ProgressListener): () => void {
  listeners.add(listener);
  const fromMain = window.jiebangEvents?.onProgress((raw) => {
    const parsed = ProgressSchema.safeParse(raw);
    if (parsed.success) listener(parsed.data);
  });
  return () => {
    listeners.delete(listener);
    fromMain?.();
  };
}

const TOKEN_KEY = 'jiebang.webToken';

/** The web host's token: from `?token=` on first load, then from sessionStorage (survives reloads). */
function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function post(channel: Channel, input?: unknown): Promise<Envelope> {
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-jiebang-token': webToken() },
    body: input === undefined ? '' : encodeWire(input),
  });
  // A refusal outside the contract (a wrong Host, a method) is plain text: an answer not understood.
  const text = await response.text();
  let decoded: unknown;
  try {
    decoded = decodeWire(text);
  } catch {
    decoded = undefined;
  }
  const parsed = EnvelopeSchema.safeParse(decoded);
  if (!parsed.success)
    throw new IpcError('handler-failed', `bad answer from host (${response.status})`, [
      'bad-answer',
    ]);
  return parsed.data;
}

/** Web host: a save is a download of exactly these bytes. */
function download(bytes: Uint8Array, name: string): Envelope {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer]));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { canceled: false, name } };
}

/** Reads a picked file as a stream, reporting bytes read to the task (large bundles). */
async function readWithProgress(
  file: File,
  onBytes: (n: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    bytes.set(chunk.value, done);
    done += chunk.value.byteLength;
    onBytes(chunk.value.byteLength);
  }
  return done === file.size ? bytes : bytes.slice(0, done);
}

/**
 * A file under this size is read whole (`File.arrayBuffer`), its progress counted when it is
 * read; a larger one as a stream, its progress by chunk (a bundle of 100 MB).
 */
const READ_WHOLE_BELOW = 8 * 1024 * 1024;

/**
 * Reads the picked files, in the order chosen, all at once: the browser reads them off the page's
 * thread side by side (issue 22: the desk's 49 sheet files read one after another, each as a
 * stream of chunks with a progress event per chunk, took 100–300 ms before the worker had any).
 */
function readAll(
  chosen: readonly File[],
  onBytes: (n: number) => void,
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }[]> {
  return Promise.all(
    chosen.map(async (f) => {
      if (f.size >= READ_WHOLE_BELOW)
        return { name: f.name, bytes: await readWithProgress(f, onBytes) };
      const bytes = new Uint8Array(await f.arrayBuffer());
      onBytes(bytes.byteLength);
      return { name: f.name, bytes };
    }),
  );
}

/** Web host: an open is a file input; closing the picker resolves as canceled. */
function pickFiles(
  filters: readonly FileFilter[],
  multiple: boolean,
  task?: string,
): Promise<Envelope> {
  return new Promise((done) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = filters
      .flatMap((f) => f.extensions)
      .filter((e) => e !== '*')
      .map((e) => `.${e}`)
      .join(',');
    input.dataset['jiebangPicker'] = 'true';
    input.style.display = 'none';
    document.body.append(input);
    input.addEventListener('cancel', () => {
      input.remove();
      done({ ok: true, value: { canceled: true } });
    });
    input.addEventListener('change', () => {
      const chosen = [...(input.files ?? [])];
      input.remove();
      // A file past the bound is refused from its size, before a byte of it is read.
      const tooLarge = chosen.map((f) => fileSizeProblem(f.name, f.size)).find((p) => p !== null);
      if (tooLarge) {
        done({ ok: false, error: { code: 'handler-failed', message: tooLarge } });
        return;
      }
      const total = chosen.reduce((sum, f) => sum + f.size, 0);
      let read = 0;
      const onBytes = (n: number) => {
        read += n;
        if (task !== undefined) emitProgress({ task, phase: 'read', done: read, total });
      };
      void (async () => {
        const files = await readAll(chosen, onBytes);
        done({
          ok: true,
          value: files.length === 0 ? { canceled: true } : { canceled: false, files },
        });
      })();
    });
    input.click();
  });
}

const webRawApi: RawApi = {
  'app:info': () => post('app:info'),
  'file:save': async (input) => download(input.bytes, input.suggestedName),
  'file:open': async (input) => pickFiles(input.filters, input.multiple ?? false, input.task),
  'sample:package': () => post('sample:package'),
  'sheet:pdf': (input) => post('sheet:pdf', input),
  'taskbook:pdf': (input) => post('taskbook:pdf', input),
  'inspection:pdf': (input) => post('inspection:pdf', input),
  'form:pdf': (input) => post('form:pdf', input),
  'pdf:print': (input) => post('pdf:print', input),
  'profile:list': () => post('profile:list'),
  'profile:create': (input) => post('profile:create', input),
  'profile:unlock': (input) => post('profile:unlock', input),
  'profile:change-passphrase': (input) => post('profile:change-passphrase', input),
  'profile:enable-keychain': (input) => post('profile:enable-keychain', input),
  'profile:unlock-keychain': (input) => post('profile:unlock-keychain', input),
  'bureau:key-info': (input) => post('bureau:key-info', input),
  'bureau:key-create': (input) => post('bureau:key-create', input),
  'bureau:key-rotate': (input) => post('bureau:key-rotate', input),
  'bureau:sign-package': (input) => post('bureau:sign-package', input),
  'bureau:sign-assignment': (input) => post('bureau:sign-assignment', input),
  'bureau:open-bundle': (input) => post('bureau:open-bundle', input),
  'bureau:read-lists': (input) => post('bureau:read-lists', input),
  'bureau:export-xlsx': (input) => post('bureau:export-xlsx', input),
  'notice:pdf': (input) => post('notice:pdf', input),
};

const rawApi = (): RawApi => window.jiebang ?? webRawApi;

export const isElectron = (): boolean => window.jiebang !== undefined;

/**
 * The contract's schemas of `channel`: the whole contract (zod, and for documents the model) is
 * loaded with the first call past the gate's, while main answers; the gate's two channels are
 * checked with their own schemas, so the first screen loads neither (issue 22).
 */
function contractOf<C extends Channel>(channel: C): Promise<ContractByChannel[C]> {
  return import('../../src-shared/ipc').then((ipc) => ipc.schemasOf(channel));
}

/** Checks main's answer on `channel` against `schemas` (a promise: they may still be loading). */
async function unwrap<C extends Channel>(
  channel: C,
  pending: Promise<Envelope>,
  schemas: Promise<Pick<ContractByChannel[C], 'output'>> = contractOf(channel),
): Promise<ChannelOutput<C>> {
  const checking = schemas.catch(() => {
    throw new IpcError('handler-failed', `answer for ${channel} could not be checked`, [
      'contract-unavailable',
    ]);
  });
  const [envelope, { output }] = await Promise.all([pending, checking]);
  if (!envelope.ok)
    throw new IpcError(envelope.error.code, envelope.error.message, envelope.error.issues ?? []);
  const parsed = output.safeParse(envelope.value);
  if (!parsed.success)
    throw new IpcError('handler-failed', `answer for ${channel} breaks the contract`, [
      'bad-answer',
    ]);
  return parsed.data;
}

/**
 * Electron serialises each call as one message, and too large a message crashes it: bytes past
 * the cap never leave the renderer (main refuses them too, with the same words).
 */
function sendable<T extends { bytes: Uint8Array }>(input: T): T {
  if (input.bytes.byteLength > MAX_FILE_BYTES) throw new IpcError('bad-input', FILE_TOO_LARGE);
  return input;
}

/** The gate's channel's schemas, as the contract has them (src-shared/ipc-gate.ts). */
const gate = <C extends GateChannel>(channel: C) => Promise.resolve(gateContract[channel]);

/** The typed API: one function per channel of src-shared/ipc.ts. */
export const api: Api = {
  'app:info': () => unwrap('app:info', rawApi()['app:info'](), gate('app:info')),
  'file:save': async (input) => unwrap('file:save', rawApi()['file:save'](sendable(input))),
  'file:open': (input) => unwrap('file:open', rawApi()['file:open'](input)),
  'sample:package': () => unwrap('sample:package', rawApi()['sample:package']()),
  'sheet:pdf': (input) => unwrap('sheet:pdf', rawApi()['sheet:pdf'](input)),
  'taskbook:pdf': (input) => unwrap('taskbook:pdf', rawApi()['taskbook:pdf'](input)),
  'inspection:pdf': (input) => unwrap('inspection:pdf', rawApi()['inspection:pdf'](input)),
  'form:pdf': (input) => unwrap('form:pdf', rawApi()['form:pdf'](input)),
  'pdf:print': async (input) => unwrap('pdf:print', rawApi()['pdf:print'](sendable(input))),
  'profile:list': () => unwrap('profile:list', rawApi()['profile:list'](), gate('profile:list')),
  'profile:create': (input) => unwrap('profile:create', rawApi()['profile:create'](input)),
  'profile:unlock': (input) => unwrap('profile:unlock', rawApi()['profile:unlock'](input)),
  'profile:change-passphrase': (input) =>
    unwrap('profile:change-passphrase', rawApi()['profile:change-passphrase'](input)),
  'profile:enable-keychain': (input) =>
    unwrap('profile:enable-keychain', rawApi()['profile:enable-keychain'](input)),
  'profile:unlock-keychain': (input) =>
    unwrap('profile:unlock-keychain', rawApi()['profile:unlock-keychain'](input)),
  'bureau:key-info': (input) => unwrap('bureau:key-info', rawApi()['bureau:key-info'](input)),
  'bureau:key-create': (input) => unwrap('bureau:key-create', rawApi()['bureau:key-create'](input)),
  'bureau:key-rotate': (input) => unwrap('bureau:key-rotate', rawApi()['bureau:key-rotate'](input)),
  'bureau:sign-package': (input) =>
    unwrap('bureau:sign-package', rawApi()['bureau:sign-package'](input)),
  'bureau:sign-assignment': (input) =>
    unwrap('bureau:sign-assignment', rawApi()['bureau:sign-assignment'](input)),
  'bureau:open-bundle': (input) =>
    unwrap('bureau:open-bundle', rawApi()['bureau:open-bundle'](sendable(input))),
  'bureau:read-lists': (input) => unwrap('bureau:read-lists', rawApi()['bureau:read-lists'](input)),
  'bureau:export-xlsx': (input) =>
    unwrap('bureau:export-xlsx', rawApi()['bureau:export-xlsx'](input)),
  'notice:pdf': (input) => unwrap('notice:pdf', rawApi()['notice:pdf'](input)),
};
