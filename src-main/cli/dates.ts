/** Dates given on the command line, read as every door reads them (src-shared/text/date). */
import { beijingDayAt, readDate } from '../../src-shared/text/date';
import { CliUsageError, type CliIo } from './types';

/** Today in Beijing time (YYYY-MM-DD, `beijingDayAt`), in the command's clock (`io.now`, else the system's). */
export const cliToday = (io: Pick<CliIo, 'now'>): string => beijingDayAt(io.now?.() ?? new Date());

/**
 * A date given on the command line (`what` names the option or argument), read as the forms read
 * it (`readDate`: 2026-12-01, 2026/12/1, 2026年12月1日, full-width digits): YYYY-MM-DD, or the
 * refusal naming it.
 */
export function cliDate(what: string, text: string | undefined): string {
  const date = readDate(text ?? '');
  if (!date.ok) throw new CliUsageError(`${what}：${date.message}`);
  return date.iso;
}
