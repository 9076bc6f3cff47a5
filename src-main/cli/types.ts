/** Where a command writes. Tests pass an in-memory pair; the real CLI passes process streams. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The working directory relative paths resolve against. */
  cwd: string;
  /** The clock (tests fix it); the system's when not given. */
  now?: () => Date;
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

/**
 * One option of a command, declared once: what `parseArgs` reads (`type`, `short`, `multiple`) and
 * its line of help (`value` names its argument). Declare a command's options as an object literal
 * `satisfies Record<string, CliOption>`, so `parseArgs` still types each value.
 */
export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  value?: string;
  help: string;
}

/** A command's help, in parts another command's help can reuse (`jiebang print` joins two). */
export interface CommandHelp {
  /** The usage line(s). */
  synopsis: string;
  /** What it does, in a paragraph or a list. */
  about: string;
  options: Readonly<Record<string, CliOption>>;
}

/** The full usage text: synopsis, what it does, then every option from its declaration. */
export const usageOf = (help: CommandHelp): string =>
  `${help.synopsis}\n\n${help.about}\n\nOptions:\n${optionsHelp(help.options)}`;

/** The options' lines of a help text, in declaration order: `  -o, --out OUT.pdf  help`. */
export function optionsHelp(options: Readonly<Record<string, CliOption>>): string {
  const heads = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    return o.multiple ? `${flag} …` : flag;
  });
  const width = Math.max(...heads.map((h) => h.length));
  return Object.values(options)
    .map((o, i) => `  ${(heads[i] ?? '').padEnd(width)}  ${o.help}`)
    .join('\n');
}
