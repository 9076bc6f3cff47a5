/**
 * Every action the audit log records, by its stored name. Each has a label in every language
 * (i18n/audit.ts, checked by the compiler), so the log never shows a stored name to a user.
 * Add an action here when a new use case writes to the log.
 */
import type { AuditInput } from '../../../src-shared/audit/chain';

export const AUDIT_ACTIONS = [
  'profile.create',
  'profile.unlock',
  'profile.lock',
  'profile.autolock',
  'profile.change-passphrase',
  'notes.edit',
  'package.import',
  'enrol',
  'score.edit',
  'recusal.declare',
  'recusal.withdraw',
  'sheet.submit',
  'sheet.reopen',
  'sheet.export',
  'sheets.import',
  'decision.sign',
  'paper.import',
  'taskbook.draft',
  'taskbook.final',
  'taskbook.reopen',
  'taskbook.sign',
  'assessment.edit',
  'race.choose',
  'calendar.import',
  'award.enrolSigner',
  'award.sign.assessment',
  'award.sign.race',
  'award.sign.form',
  'inspection.assignment.import',
  'inspection.inspector.enrol',
  'inspection.report.start',
  'inspection.photo.add',
  'inspection.report.sign',
  'bureau.package.sign',
  'bureau.panel.ingest',
  'bureau.approve',
  'bureau.bundle.ingest',
  /** Written by earlier versions only (the decision, then its signing, as two entries). */
  'decision.record',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (name: string): name is AuditAction =>
  AUDIT_ACTIONS.some((a) => a === name);

/** An audit entry as a use case writes it: one of the known actions. */
export type AuditRecord = AuditInput & { action: AuditAction };
