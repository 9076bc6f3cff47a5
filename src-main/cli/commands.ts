import type { CliCommand } from './types';
import { checkCommand } from './check';
import { scoreCommand } from './score';

/**
 * Every `jiebang` command, in the order `--help` lists them. Add a command by writing
 * `src-main/cli/<name>.ts` exporting a `CliCommand` and listing it here.
 */
export const commands: readonly CliCommand[] = [checkCommand, scoreCommand];
