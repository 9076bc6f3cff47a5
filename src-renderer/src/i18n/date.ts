/**
 * Why a date is refused, in the user's language: in Chinese the date rule's own sentence (the
 * strings of i18n/core.ts are made from src-shared/text/date.ts, whose `readDate` `DateSchema`
 * calls), so a date field, the bureau's desk and the inspection report say one sentence.
 */
import { DATE_YEARS, type DateRefusal } from '../../../src-shared/text/date';
import { message, type Message } from './strings';

export function dateRefusal(refusal: DateRefusal): Message {
  switch (refusal.kind) {
    case 'missing':
      return message('date.missing');
    case 'not-a-date':
      return message('date.notADate', { typed: refusal.typed });
    case 'no-such-day':
      return message('date.noSuchDay', { iso: refusal.iso });
    case 'year-out-of-range':
      return message('date.yearOutOfRange', {
        year: refusal.year,
        min: DATE_YEARS.min,
        max: DATE_YEARS.max,
      });
    default: {
      const never: never = refusal;
      return never;
    }
  }
}
