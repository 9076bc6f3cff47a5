import {
  IpcError,
  isChannel,
  schemasOf,
  type Envelope,
  type IpcErrorShape,
} from '../../src-shared/ipc';
import type { Channel } from '../../src-shared/ipc';
import { describeFileError, errorCode, errorPath } from '../fs/errors';
import type { Handler, HandlerMap, HostServices } from '../handlers/types';

export type { Envelope };

function fail(code: IpcErrorShape['code'], message: string, issues?: string[]): Envelope {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** What a call was doing, for the sentence of an unexpected failure (others: the channel). */
const DOING: Partial<Record<Channel, string>> = {
  'file:save': '保存文件',
  'file:open': '打开文件',
  'sample:package': '读取示例评审包',
  'sheet:pdf': '生成评分表 PDF',
  'taskbook:pdf': '生成任务书 PDF',
  'inspection:pdf': '生成实地考察报告 PDF',
  'form:pdf': '生成评审会议表格 PDF',
  'pdf:print': '打印',
};

/**
 * A handler's failure that is not an IpcError (whose message is a sentence already) as a sentence:
 * a file-system error names its file (describeFileError); anything else says what was not done,
 * and its detail — a library's or the runtime's English, never shown — goes to the log.
 */
export function describeFailure(channel: Channel, error: unknown): string {
  if (errorCode(error) !== undefined) {
    const path = errorPath(error);
    return describeFileError(error, path ?? '所需的文件');
  }
  console.error(`jiebang: ${channel} failed:`, error);
  const doing = DOING[channel] ?? `请求 ${channel} `;
  return `${doing}未能完成：出现了意外错误。请重试；若仍失败，请联系管理员（详情已记入日志）。`;
}

async function runHandler<C extends Channel>(
  channel: C,
  handler: Handler<C>,
  raw: unknown,
  host: HostServices,
): Promise<Envelope> {
  const parsed = (await schemasOf(channel)).input.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`,
    );
    return fail('bad-input', `输入无效（${channel}）：${issues.join('；')}`, issues);
  }
  return handler(parsed.data, host).then(
    (value): Envelope => ({ ok: true, value }),
    (error: unknown): Envelope => {
      if (error instanceof IpcError) return fail(error.code, error.message, [...error.issues]);
      return fail('handler-failed', describeFailure(channel, error));
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
  if (!isChannel(channel)) return fail('unknown-channel', `未知通道：${String(channel)}`);
  return runHandler(channel, handlers[channel], raw, host);
}
