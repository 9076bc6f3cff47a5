/**
 * Every string table, listed once: `strings.ts` takes the type of its keys from here (a type-only
 * import: nothing of this module is loaded by the app), and tests that need every table registered
 * import it. The app loads a table with the screen that shows it (see `define.ts`).
 */
import { coreStrings } from './core';
import { pdfStrings } from './pdf';
import { progressStrings } from './progress';
import { bundleStrings } from './bundles';
import { storageStrings } from './storage';
import { reviewStrings } from './review';
import { chairStrings } from './chair';
import { taskbookStrings } from './taskbook';
import { auditStrings } from './audit';
import { errorStrings } from './errors';
import { calendarStrings } from './calendar';
import { awardStrings } from './award';
import { inspectionStrings } from './inspection';
import { bureauStrings } from './bureau';
import { meetingStrings } from './meeting';
import { paperStrings } from './paper';

export const dictionaries = [
  coreStrings,
  pdfStrings,
  progressStrings,
  bundleStrings,
  storageStrings,
  reviewStrings,
  chairStrings,
  taskbookStrings,
  auditStrings,
  errorStrings,
  calendarStrings,
  awardStrings,
  inspectionStrings,
  bureauStrings,
  meetingStrings,
  paperStrings,
] as const;
