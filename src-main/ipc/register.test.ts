import { describe, expect, it, vi } from 'vitest';
import { unclearReasons } from '../../test/helpers/clear-error';
import {
  channelNames,
  contract,
  schemasOf,
  type Channel,
  type Envelope,
} from '../../src-shared/ipc';
import { handlers as realHandlers } from '../handlers';
import type { HandlerMap, HostServices } from '../handlers/types';
import { isTrustedSender } from '../security';
import { dispatch } from './dispatch';
import { registerIpc, type IpcEventShape, type IpcMainShape } from './register';

const host: HostServices = {
  kind: 'web',
  dataDir: '/tmp/jb',
  isPackaged: false,
  resourcesDir: 'resources',
};

/** Handlers that count their calls, so a test can prove a handler was never reached. */
function countingHandlers() {
  const calls: string[] = [];
  const handlers: HandlerMap<Channel> = {
    ...realHandlers,
    'app:info': async (input, h) => {
      calls.push('app:info');
      return realHandlers['app:info'](input, h);
    },
    'file:save': async () => {
      calls.push('file:save');
      return { canceled: false, name: 'x.txt' };
    },
    'file:open': async () => {
      calls.push('file:open');
      return { canceled: true };
    },
  };
  return { handlers, calls };
}

function fakeIpcMain() {
  const listeners = new Map<string, (event: IpcEventShape, raw: unknown) => Promise<Envelope>>();
  const ipcMain: IpcMainShape = { handle: (channel, listener) => listeners.set(channel, listener) };
  const invoke = async (channel: string, frame: IpcEventShape['senderFrame'], raw?: unknown) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: frame }, raw);
  };
  return { ipcMain, listeners, invoke };
}

const appFrame = { url: 'app://jiebang/index.html', parent: null };

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    const f = fakeIpcMain();
    registerIpc(
      f.ipcMain,
      channelNames,
      realHandlers,
      () => host,
      (frame) => isTrustedSender(frame),
    );
    expect([...f.listeners.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers a good call from the app frame', async () => {
    const f = fakeIpcMain();
    const { handlers, calls } = countingHandlers();
    registerIpc(
      f.ipcMain,
      channelNames,
      handlers,
      () => host,
      (frame) => isTrustedSender(frame),
    );
    const result = await f.invoke('app:info', appFrame);
    expect(result.ok).toBe(true);
    expect(result.ok && (await schemasOf('app:info')).output.parse(result.value).dataDir).toBe(
      '/tmp/jb',
    );
    expect(calls).toEqual(['app:info']);
  });

  it('refuses a foreign frame before any handler runs', async () => {
    const f = fakeIpcMain();
    const { handlers, calls } = countingHandlers();
    registerIpc(
      f.ipcMain,
      channelNames,
      handlers,
      () => host,
      (frame) => isTrustedSender(frame),
    );
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://jiebang/index.html', parent: appFrame },
      null,
    ]) {
      const result = await f.invoke('file:save', frame, {
        bytes: new Uint8Array([1]),
        suggestedName: 'a.txt',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses bad input with a message naming the field, and the handler is not called', async () => {
    const f = fakeIpcMain();
    const { handlers, calls } = countingHandlers();
    registerIpc(
      f.ipcMain,
      channelNames,
      handlers,
      () => host,
      (frame) => isTrustedSender(frame),
    );
    const cases: unknown[] = [
      undefined,
      'bytes',
      { bytes: 'not bytes', suggestedName: 'a.txt' },
      { bytes: new Uint8Array([1]), suggestedName: '../../etc/passwd' },
      { bytes: new Uint8Array([1]), suggestedName: '' },
    ];
    for (const raw of cases) {
      const result = await f.invoke('file:save', appFrame, raw);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    const named = await f.invoke('file:save', appFrame, { bytes: 'x', suggestedName: 'a.txt' });
    expect(!named.ok && named.error.message).toContain('bytes');
    const filters = await f.invoke('file:open', appFrame, {
      filters: [{ name: 'x', extensions: ['../x'] }],
    });
    expect(filters).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(calls).toEqual([]);
  });
});

describe('dispatch', () => {
  it('refuses a channel outside the contract', async () => {
    const result = await dispatch(realHandlers, 'shell:exec', { cmd: 'rm -rf /' }, host);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const proto = await dispatch(realHandlers, '__proto__', undefined, host);
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('turns a handler failure into a clear error envelope', async () => {
    const result = await dispatch(
      realHandlers,
      'file:save',
      { bytes: new Uint8Array([1]), suggestedName: 'a.txt' },
      host,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
    expect(!result.ok && result.error.message).toContain('保存对话框');
  });

  it('answers a failure that is not an IpcError in a sentence: a file by its name, else what was not done', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = (error: unknown): HandlerMap<Channel> => ({
      ...realHandlers,
      'sample:package': async () => {
        throw error;
      },
    });
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open '/r/x.jbx'"), {
      code: 'ENOENT',
      path: '/r/.x.jbx.123.0123456789abcdef.tmp',
    });
    const cases: [unknown, string][] = [
      [missing, '找不到 /r/x.jbx（或它所在的文件夹）。'],
      [
        new TypeError("Cannot read properties of undefined (reading 'x')"),
        '读取示例评审包未能完成',
      ],
      ['a string thrown', '读取示例评审包未能完成'],
    ];
    for (const [error, sentence] of cases) {
      const answer = await dispatch(failing(error), 'sample:package', undefined, host);
      const message = answer.ok ? '' : answer.error.message;
      expect(answer).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
      expect(message).toContain(sentence);
      expect(unclearReasons(message)).toEqual([]);
    }
    // The detail of an unexpected failure goes to the log, for the maintainer.
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('saves through the host dialog and reports the chosen name', async () => {
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'jb-save-'));
    const withDialog: HostServices = {
      ...host,
      kind: 'electron',
      showSaveDialog: async (name) => join(dir, name),
    };
    const bytes = new TextEncoder().encode('评分表');
    const result = await dispatch(
      realHandlers,
      'file:save',
      { bytes, suggestedName: 'sheet.jbx' },
      withDialog,
    );
    expect(result).toEqual({ ok: true, value: { canceled: false, name: 'sheet.jbx' } });
    expect(new Uint8Array(await readFile(join(dir, 'sheet.jbx')))).toEqual(bytes);
    const canceled = await dispatch(
      realHandlers,
      'file:save',
      { bytes, suggestedName: 'x.jbx' },
      { ...withDialog, showSaveDialog: async () => null },
    );
    expect(canceled).toEqual({ ok: true, value: { canceled: true } });
  });
});
