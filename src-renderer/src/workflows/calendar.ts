/**
 * The bureau's calendar on an expert's or chair's installation (issue 17), as use cases without
 * a DOM: a verified calendar bundle is accepted only from the bureau key this installation pinned
 * (`acceptCalendarBundle`, the same decision as `jiebang calendar import`), kept sealed with the
 * trust state and its audit entry in one transaction, and from then on the year it covers counts
 * working days — the publicity window of 第十二条（六） with its make-up working days.
 */
import { emptyTrust, type OpenedBundle } from '../../../src-shared/bundle';
import { acceptCalendarBundle } from '../../../src-shared/bureau';
import {
  defaultCalendar,
  publicityWindow,
  type PublicityWindow,
  type WorkingCalendar,
} from '../../../src-shared/calendar';
import type { JiebangDB } from '../db/database';
import type { StoredCalendar } from '../db/meta';
import { commitChange, getMeta } from '../db/repo';

/** The calendars accepted on this device, by year. */
export async function importedCalendars(db: JiebangDB): Promise<StoredCalendar[]> {
  return ((await getMeta(db, 'calendars')) ?? []).sort((a, b) => a.year - b.year);
}

/** The working calendar here: the shipped years, with the accepted calendars layered on. */
export async function workingCalendar(db: JiebangDB): Promise<WorkingCalendar> {
  return defaultCalendar((await importedCalendars(db)).map((c) => c.file));
}

export type CalendarImport =
  { ok: true; year: number; isDuplicate: boolean; notes: string[] } | { ok: false; reason: string };

/**
 * Accepts a verified calendar bundle: refused (nothing written) unless it is a calendar signed by
 * the pinned bureau key; a newer calendar of the same year replaces the older one.
 */
export async function importCalendar(
  db: JiebangDB,
  actor: string,
  bundle: OpenedBundle,
  now: string = new Date().toISOString(),
): Promise<CalendarImport> {
  const trust = (await getMeta(db, 'trust')) ?? emptyTrust();
  const accepted = acceptCalendarBundle(bundle, trust);
  if (!accepted.ok) return accepted;
  if (accepted.isDuplicate)
    return { ok: true, year: accepted.year, isDuplicate: true, notes: accepted.notes };
  const fingerprint = bundle.manifest.signers[0].fingerprint;
  const kept = (await importedCalendars(db)).filter((c) => c.year !== accepted.year);
  const stored: StoredCalendar = {
    year: accepted.year,
    file: accepted.file,
    manifestSha256: bundle.manifestSha256,
    fingerprint,
    importedAt: now,
  };
  await commitChange(
    db,
    { meta: { trust: accepted.trust, calendars: [...kept, stored] } },
    {
      actor,
      action: 'calendar.import',
      target: String(accepted.year),
      details: { manifestSha256: bundle.manifestSha256, bureau: fingerprint },
      at: now,
    },
  );
  return { ok: true, year: accepted.year, isDuplicate: false, notes: accepted.notes };
}

/** The publicity window (第十二条（六）, 5 working days) from `start` on this installation's calendar. */
export async function publicityOnDevice(
  db: JiebangDB,
  start: string,
  days = 5,
): Promise<PublicityWindow> {
  return publicityWindow(await workingCalendar(db), start, days);
}
