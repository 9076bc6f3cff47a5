import {
  contractByChannel,
  IpcError,
  isChannel,
  type Envelope,
  type IpcErrorShape,
} from '../../src-shared/ipc';

export type { Envelope };
import type { Handler, HandlerMap, HostServices } from '../handlers/types';
import type { Channel } from '../../src-shared/ipc';

function fail(code: IpcErrorShape['code'], message: string, issues?: string[]): Envelope {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

function runHandler<C extends Channel>(
  channel: C,
  handler: Handler<C>,
  raw: unknown,
  host: HostServices,
): Envelope | Promise<Envelope> {
  const parsed = contractByChannel[channel].input.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`,
    );
    return fail('bad-input', `输入无效 invalid input for ${channel}: ${issues.join('; ')}`, issues);
  }
  return handler(parsed.data, host).then(
    (value): Envelope => ({ ok: true, value }),
    (error: unknown): Envelope => {
      if (error instanceof IpcError) return fail(error.code, error.message, [...error.issues]);
      return fail('handler-failed', error instanceof Error ? error.message : String(error));
    },
  );
}

/**
 * The one path every call takes, in Electron and in the web host alike: the channel must be in
 * the contract, the input must parse against its zod schema (typed `unknown` until then), and
 * only then does the handler run. Errors come back as an envelope that names what was wrong.
 */
export async function dispatch(
  handlers: HandlerMap<Channel>,
  channel: unknown,
  raw: unknown,
  host: HostServices,
): Promise<Envelope> {
  if (!isChannel(channel))
    return fail('unknown-channel', `未知通道 unknown channel: ${String(channel)}`);
  return runHandler(channel, handlers[channel], raw, host);
}
