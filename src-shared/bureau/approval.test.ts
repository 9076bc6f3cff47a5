import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar';
import { sampleDecision } from '../sample-fixture';
import { approvalAfterToday, approveRound } from './approval';
import type { IngestRecord } from './ingest';

const SHA = 'a'.repeat(64);

/** A round's record on the sample's decision (decided 2026-12-08 12:00, Beijing), nothing blocking. */
const record: IngestRecord = {
  formatVersion: 1,
  packageId: 'KLMY-2026-JB-001',
  title: '示例',
  package: { manifestSha256: SHA, bureauFingerprint: SHA },
  panel: {
    file: 'panel.jbx',
    fileSha256: SHA,
    manifestSha256: SHA,
    bundleId: 'KLMY-2026-JB-001-panel',
    createdAt: '2026-12-08T16:00:00+08:00',
    signers: [],
  },
  sheets: [],
  decision: sampleDecision(),
  ranking: [],
  findings: [],
  ok: true,
  trust: { signers: {}, counters: {}, auditHeads: {} },
  ingestedAt: '2026-12-08T17:00:00+08:00',
};

const approve = (approvedOn: string, today: string) =>
  approveRound(record, approvedOn, defaultCalendar(), { reviewDate: '2026-12-08', today });

describe('审定 after today (approvalAfterToday)', () => {
  it('is refused in one sentence with both dates and the article; today itself is not after today', () => {
    expect(approvalAfterToday('2026-12-08', '2026-12-08')).toBeNull();
    expect(approvalAfterToday('2026-12-07', '2026-12-08')).toBeNull();
    expect(approvalAfterToday('2026-12-09', '2026-12-08')).toBe(
      '审定日期 2026年12月9日 晚于今天（2026年12月8日）：审定日期记录的是市科技局已经作出的审定，公示期自其次日起计（第十二条（六））',
    );
  });

  it('refuses approveRound on a day after today, and approves on today (the review day)', () => {
    const future = approve('2026-12-08', '2026-12-03');
    expect(future).toEqual({
      ok: false,
      reason: approvalAfterToday('2026-12-08', '2026-12-03'),
    });
    const onTheDay = approve('2026-12-08', '2026-12-08');
    expect(onTheDay.ok && onTheDay.approval.publicity.start).toBe('2026-12-09');
    // Before the review is said as such, whatever today is.
    const early = approve('2026-12-01', '2026-12-03');
    expect(early.ok ? '' : early.reason).toContain('早于评审日期');
  });
});
