import type { Channel } from '../../src-shared/ipc';
import type { HandlerMap, HostServices } from '../handlers/types';
import { dispatch, type Envelope } from './dispatch';

/** The slice of an IPC event the sender check reads. */
export interface IpcEventShape {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The slice of `ipcMain` registration uses. */
export interface IpcMainShape {
  handle(
    channel: string,
    listener: (event: IpcEventShape, raw: unknown) => Promise<Envelope>,
  ): void;
}

/**
 * Registers every channel of the contract on `ipcMain`. Before any handler runs, the sender frame
 * must pass `isTrustedSender` (only the app's own top frame), then `dispatch` validates the input.
 */
export function registerIpc(
  ipcMain: IpcMainShape,
  channels: readonly Channel[],
  handlers: HandlerMap<Channel>,
  host: HostServices,
  isTrustedSender: (frame: IpcEventShape['senderFrame']) => boolean,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, raw) => {
      if (!isTrustedSender(event.senderFrame)) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: `拒绝来自外部框架的调用 call from an untrusted frame refused (${channel})`,
          },
        };
      }
      return dispatch(handlers, channel, raw, host);
    });
  }
}
