import { commands } from './commands';
import { relative, isAbsolute } from 'node:path';
import { describeFileError, errorCode, errorPath } from '../fs/errors';
import { CliUsageError, type CliIo } from './types';
import { APP_VERSION } from '../version';

function helpText(): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `jiebang ${APP_VERSION} — 揭榜评审台 command line (Jiebang Panel)`,
    '',
    'Usage: jiebang <command> [options]',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none yet)']),
    '',
    'Options:',
    "  --help, -h     show this help, or a command's help: jiebang <command> --help",
    '  --version, -v  print the version',
    '',
  ].join('\n');
}

const ARGUMENT_ERRORS = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

/** An error of `node:util` parseArgs (an unknown option, a missing value…). */
const isArgumentError = (error: unknown): boolean => ARGUMENT_ERRORS.has(errorCode(error) ?? '');

/** A value as shown in a message: long ones cut short. */
const shown = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** parseArgs's English, as a sentence: the option or argument it names, and what to do. */
function describeArgumentError(message: string, name: string): string {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  // `'-o, --out <value>'` names the option twice; the long name is the one in the usage.
  const option = shown(
    quoted
      .replace(/ <value>$/, '')
      .split(', ')
      .at(-1) ?? quoted,
  );
  const help = `jiebang ${name} --help`;
  if (message.startsWith('Unknown option'))
    return `未知选项 ${option}（可用的选项见 ${help}）。 ${option} is not an option of jiebang ${name}.`;
  if (message.startsWith('Unexpected argument'))
    return `此命令不接受“${option}”这样的位置参数（见 ${help}）。 jiebang ${name} takes no argument "${option}".`;
  if (message.includes('does not take an argument'))
    return `选项 ${option} 不带值，请去掉“=”及其后的内容。 ${option} takes no value.`;
  if (message.includes('ambiguous'))
    return `选项 ${option} 后的值以“-”开头，无法确定是值还是另一个选项；若确是值，请写成 ${option}=值。`;
  return `选项 ${option} 缺少值（见 ${help}）。 ${option} needs a value.`;
}

/** A path as the user gave it: relative to the working directory when it lies inside it. */
function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/**
 * What a failed command tells the user, always a sentence (Chinese, English second): the
 * command's own message, parseArgs's errors in words, a file-system error naming its file
 * (`describeFileError`), and for anything else a sentence saying it was not completed, with the
 * detail for a report.
 */
export function describeCliError(error: unknown, name: string, cwd: string): string {
  if (error instanceof CliUsageError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (isArgumentError(error)) return describeArgumentError(message, name);
  if (errorCode(error) !== undefined) {
    const path = errorPath(error);
    return describeFileError(error, path === undefined ? '所需的文件' : displayPath(path, cwd));
  }
  return `意外出错，jiebang ${name} 未完成；请把这条消息报告给维护者：${message}`;
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${APP_VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.err(`jiebang: 未知命令 unknown command "${first}"\n\n${helpText()}`);
    return 2;
  }
  // zod's messages in Chinese for every command that validates (the same as main's IPC door);
  // loaded with the command, so `jiebang --help` compiles neither zod nor its locale (issue 22).
  await import('../../src-shared/validation-messages');
  // One process validates a few documents once: zod's fast path generates and compiles a function
  // per object schema at its first parse (`new Function`, never in a code cache), which costs more
  // than it saves here. The same checks and messages either way (issue 22).
  (await import('zod/v4/core')).config({ jitless: true });
  const command = { name: entry.name, ...(await entry.load()) };
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.err(`jiebang ${command.name}: ${describeCliError(error, command.name, io.cwd)}\n`);
    return error instanceof CliUsageError || isArgumentError(error) ? 2 : 1;
  }
}
