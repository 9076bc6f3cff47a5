/** Where a command writes. Tests pass an in-memory pair; the real CLI passes process streams. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The working directory relative paths resolve against. */
  cwd: string;
}

/** One `jiebang <name>` command, as listed in `commands.ts`; its module is loaded on use. */
export interface CliCommandEntry {
  name: string;
  /** One line for `jiebang --help` (Chinese first, English after a slash is fine). */
  summary: string;
  load: () => Promise<CliCommand>;
}

/** What a command's module exports. `run` returns the process exit code. */
export interface CliCommand {
  /** Full usage text for `jiebang <name> --help`. */
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** An error whose message is meant for the user as is (no stack trace printed). */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** The refusal of a call that lacks what the command needs: a sentence, then the usage line. */
export function missingArguments(usage: string): CliUsageError {
  return new CliUsageError(
    `缺少必需的参数，未执行任何操作。用法：${usage}  Missing arguments; nothing was done.`,
  );
}
