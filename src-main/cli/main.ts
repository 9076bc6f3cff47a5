import { commands } from './commands';
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
  const command = { name: entry.name, ...(await entry.load()) };
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`jiebang ${command.name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`jiebang ${command.name}: ${message}\n`);
    return 1;
  }
}
