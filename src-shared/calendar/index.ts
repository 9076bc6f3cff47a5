import { BUILTIN_CALENDAR } from './data';
import { makeCalendar, type CalendarFile, type WorkingCalendar } from './calendar';

export * from './calendar';
export { BUILTIN_CALENDAR } from './data';

/** The shipped calendar, plus any newer files (a bureau's calendar bundle) layered on top. */
export function defaultCalendar(
  extra: readonly CalendarFile[] = [],
  allowProvisional = false,
): WorkingCalendar {
  return makeCalendar([BUILTIN_CALENDAR, ...extra], allowProvisional);
}
