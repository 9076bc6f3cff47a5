import type { CliCommand } from './types';
import { checkCommand } from './check';
import { scoreCommand } from './score';
import { keygenCommand } from './keygen';
import { packCommand } from './pack';
import { verifyCommand } from './verify';
import { unpackCommand } from './unpack';
import { renderTaskbookCommand } from './render-taskbook';
import { verifyPrintCommand } from './verify-print';

/**
 * Every `jiebang` command, in the order `--help` lists them. Add a command by writing
 * `src-main/cli/<name>.ts` exporting a `CliCommand` and listing it here.
 */
export const commands: readonly CliCommand[] = [
  checkCommand,
  scoreCommand,
  keygenCommand,
  packCommand,
  verifyCommand,
  unpackCommand,
  renderTaskbookCommand,
  verifyPrintCommand,
];
