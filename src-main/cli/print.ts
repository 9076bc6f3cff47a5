import { parseArgs } from 'node:util';
import { formKindOf } from '../../src-shared/meeting';
import { awardPrintCommand } from './print-award';
import { meetingPrintCommand } from './print-meeting';
import type { CliCommand } from './types';

/** A usage text's synopsis (before its first blank line) and the rest. */
const partsOf = (usage: string): [string, string] => {
  const at = usage.search(/\n\s*\n/);
  return at < 0 ? [usage, ''] : [usage.slice(0, at), usage.slice(at).trim()];
};
const [meetingSynopsis, meetingText] = partsOf(meetingPrintCommand.usage);
const [awardSynopsis, awardText] = partsOf(awardPrintCommand.usage);

/**
 * `jiebang print`: a form of the review meeting (issue 19), named by FORM, or a document after the
 * award (issue 21) given as FILE — one command, told apart by its first argument (or --package).
 */
export const printCommand: CliCommand = {
  usage: `${meetingSynopsis}
${awardSynopsis}

${meetingText}

${awardText}`,
  run: async (args, io) => {
    // Every option of both, so that option values are never taken for the first argument.
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: false,
      options: {
        out: { type: 'string', short: 'o' },
        package: { type: 'string' },
        decision: { type: 'string' },
        fee: { type: 'string', multiple: true },
        'id-digits': { type: 'string', multiple: true },
        identity: { type: 'string' },
        'passphrase-file': { type: 'string' },
      },
    });
    const [first] = positionals;
    // A meeting form is named (sign-in, 评分汇总表…) and needs the package; an award document is a file.
    const isMeetingForm =
      (typeof first === 'string' && formKindOf(first) !== null) || values.package !== undefined;
    return (isMeetingForm ? meetingPrintCommand : awardPrintCommand).run(args, io);
  },
};
