import type { Channel } from '../../src-shared/ipc';
import type { HandlerMap, HostServices } from '../handlers/types';
import { dispatch, type Envelope } from './dispatch';

/** The slice of an IPC event the sender check reads. */
export interface IpcEventShape {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The slice of `ipcMain` registration uses (E: the host's event type, e.g. Electron's). */
export interface IpcMainShape<E extends IpcEventShape = IpcEventShape> {
  handle(channel: string, listener: (event: E, raw: unknown) => Promise<Envelope>): void;
}

/**
 * Registers every channel of the contract on `ipcMain`. Before any handler runs, the sender frame
 * must pass `isTrustedSender` (only the app's own top frame), then `dispatch` validates the input.
 * `hostFor(event)` gives the host services for that call: its dialogs attach to the window that
 * asked, its progress goes back to it.
 */
export function registerIpc<E extends IpcEventShape>(
  ipcMain: IpcMainShape<E>,
  channels: readonly Channel[],
  handlers: HandlerMap<Channel>,
  hostFor: (event: E) => HostServices,
  isTrustedSender: (frame: IpcEventShape['senderFrame']) => boolean,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, raw) => {
      if (!isTrustedSender(event.senderFrame)) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: `已拒绝来自外部框架的调用（${channel}）`,
          },
        };
      }
      return dispatch(handlers, channel, raw, hostFor(event));
    });
  }
}
