import { parseArgs } from 'node:util';
import { formKindOf } from '../../src-shared/meeting';
import { awardPrintCommand, awardPrintHelp, awardPrintOptions } from './print-award';
import { meetingPrintCommand, meetingPrintHelp, meetingPrintOptions } from './print-meeting';
import { usageOf, type CliCommand } from './types';

/** Every option of both forms, as each form declares it (so its help lists them from there). */
const printOptions = { ...meetingPrintOptions, ...awardPrintOptions };

/**
 * `jiebang print`: a form of the review meeting (issue 19), named by FORM, or a document after the
 * award (issue 21) given as FILE — one command, told apart by its first argument (or --package).
 */
export const printCommand: CliCommand = {
  usage: usageOf({
    synopsis: `${meetingPrintHelp.synopsis}\n${awardPrintHelp.synopsis}`,
    about: `${meetingPrintHelp.about}\n\n${awardPrintHelp.about}`,
    options: printOptions,
  }),
  run: async (args, io) => {
    // Every option of both, so that option values are never taken for the first argument.
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: false,
      options: printOptions,
    });
    const [first] = positionals;
    // A meeting form is named (sign-in, 评分汇总表…) and needs the package; an award document is a file.
    const isMeetingForm =
      (typeof first === 'string' && formKindOf(first) !== null) || values.package !== undefined;
    return (isMeetingForm ? meetingPrintCommand : awardPrintCommand).run(args, io);
  },
};
