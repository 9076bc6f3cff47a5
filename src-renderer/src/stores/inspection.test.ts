/**
 * The inspection screen's store says whether the edit on screen is saved, at once and truly: a
 * visit date the form refuses is not written, the store and the app-wide guard (`stores/unsaved.ts`:
 * the top bar) say why, in the date rule's words (「考察日期：2026-02-30 不是实际存在的日期」), until
 * it is corrected or dropped; opening another assignment or locking with it asks first; an idle
 * lock keeps it for the same profile. Runs the store on fake-indexeddb, as the screen would after
 * an unlock.
 */
import 'fake-indexeddb/auto';
import { testProfile, unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { getInspection } from '../db/repo';
import { say, type Message } from '../i18n/strings';
import { useInspection } from './inspection';
import { useSaveState } from './save';
import { useSession } from './session';
import { enrolledInspector, heldAssignment } from './test-inspection';
import {
  answerAsking,
  askBeforeDropping,
  discardUnsaved,
  firstUnsaved,
  useUnsaved,
} from './unsaved';

const zh = (m: Message | null): string | null => (m ? say('zh', m) : null);

/** Two assignments held, the first started, as the team's laptop has them. */
async function started() {
  const deps = await unlockedWith(
    {
      meta: {
        'inspection.assignments': [heldAssignment('ASG-1'), heldAssignment('ASG-2')],
        'inspection.inspectors': [enrolledInspector('ASG-1')],
      },
    },
    { actor: '李检查', action: 'inspection.assignment.import', target: 'ASG-1' },
    '李检查',
  );
  await useInspection.getState().load();
  await useInspection.getState().choose('ASG-1');
  await useInspection.getState().start();
  const report = useInspection.getState().report;
  if (!report) throw new Error('not started');
  return { deps, report };
}

/** Why the top bar says 未保存 (the first edit held app-wide), in Chinese. */
const topBar = (): string | null => zh(firstUnsaved(useUnsaved.getState())?.why ?? null);

/** Waits until every write the top bar counts is done (「保存中」 gone). */
const settled = () => vi.waitFor(() => expect(useSaveState.getState().pending).toBe(0));

describe('the inspection store says whether the edit on screen is saved', () => {
  it('a visit date that does not exist: not written, said at once by the store and the top bar, until corrected', async () => {
    const { deps, report } = await started();
    useInspection.getState().edit({ ...report, date: '2026-02-30', conclusion: '需求真实' });
    // At once, before any write: the top bar never says 已保存 over it.
    expect(zh(useInspection.getState().unsaved)).toBe('考察日期：2026-02-30 不是实际存在的日期');
    expect(topBar()).toBe('考察日期：2026-02-30 不是实际存在的日期');
    expect(useInspection.getState().notice).toBeNull();
    await settled();
    // The date is not written; every other field is, with the date as last saved.
    expect(await getInspection(deps.db, report.reportId)).toMatchObject({
      date: report.date,
      conclusion: '需求真实',
    });
    expect(useInspection.getState().kept).toBe(report.date);

    useInspection.getState().edit({ ...report, date: '', conclusion: '需求真实' });
    expect(topBar()).toBe('考察日期：缺少此项（必填）');

    useInspection.getState().edit({ ...report, date: '2026-09-10', conclusion: '需求真实' });
    expect(useInspection.getState().unsaved).toBeNull();
    expect(topBar()).toBeNull();
    await settled();
    expect(useSaveState.getState().lastError).toBeNull();
    expect((await getInspection(deps.db, report.reportId))?.conclusion).toBe('需求真实');
  });

  it('while the visit date is refused, the conclusion and a note typed are saved: 放弃 loses only the date', async () => {
    const { deps, report } = await started();
    const [first, ...rest] = report.checklist;
    if (!first) throw new Error('no checklist');
    useInspection.getState().edit({ ...report, date: '2026-02-30' });
    useInspection.getState().edit({ ...report, date: '2026-02-30', conclusion: '基本属实' });
    useInspection.getState().edit({
      ...report,
      date: '2026-02-30',
      conclusion: '基本属实',
      checklist: [{ ...first, note: '现场已核对' }, ...rest],
    });
    expect(topBar()).toBe('考察日期：2026-02-30 不是实际存在的日期');
    expect(useInspection.getState().kept).toBe(report.date);
    await settled();
    // 放弃修改并离开 (the app-wide dialog's drop).
    discardUnsaved();
    const shown = useInspection.getState().report;
    expect(shown?.date).toBe(report.date);
    expect(shown?.conclusion).toBe('基本属实');
    expect(shown?.checklist[0]?.note).toBe('现场已核对');
    expect(useInspection.getState().unsaved).toBeNull();
    expect(useInspection.getState().kept).toBeNull();
    expect((await getInspection(deps.db, report.reportId))?.checklist[0]?.note).toBe('现场已核对');
  });

  it('opening another assignment with an edit not saved asks first: kept on 留下, the saved report on 放弃', async () => {
    const { report } = await started();
    useInspection.getState().edit({ ...report, date: '2026-02-30' });
    await useInspection.getState().choose('ASG-2');
    expect(useUnsaved.getState().asking?.kind).toBe('leave');
    expect(useInspection.getState().current).toBe('ASG-1');

    answerAsking(false);
    expect(useUnsaved.getState().asking).toBeNull();
    expect(useInspection.getState().report?.date).toBe('2026-02-30');
    expect(useInspection.getState().unsaved).not.toBeNull();

    await useInspection.getState().choose('ASG-2');
    answerAsking(true);
    await vi.waitFor(() => expect(useInspection.getState().current).toBe('ASG-2'));
    await vi.waitFor(() => expect(useInspection.getState().report).toBeNull());
    expect(useInspection.getState().unsaved).toBeNull();
    expect(topBar()).toBeNull();
    // Back on the first: the report as last saved.
    await useInspection.getState().choose('ASG-1');
    expect(useInspection.getState().report?.date).toBe(report.date);
  });

  it('锁定 with an edit not saved asks first: 留下 keeps the app unlocked with the edit; 放弃 drops it and locks', async () => {
    const { report } = await started();
    useInspection.getState().edit({ ...report, date: '2026-02-30', conclusion: '需求真实' });
    // What the top bar's 锁定 does (Shell.tsx).
    const lock = () => askBeforeDropping('lock', () => useSession.getState().lock('manual'));
    lock();
    expect(useUnsaved.getState().asking?.kind).toBe('lock');
    expect(useSession.getState().status).toBe('unlocked');
    answerAsking(false);
    expect(useSession.getState().status).toBe('unlocked');
    expect(useInspection.getState().report?.date).toBe('2026-02-30');
    expect(topBar()).toBe('考察日期：2026-02-30 不是实际存在的日期');
    await settled();
    lock();
    answerAsking(true);
    expect(useSession.getState().status).toBe('locked');
    expect(topBar()).toBeNull();
    // Dropped from memory too: the report as saved (the conclusion, not the date).
    expect(useInspection.getState().report).toMatchObject({
      date: report.date,
      conclusion: '需求真实',
    });
  });

  it('an idle lock keeps the edit for the same profile (shown again, still 未保存); another profile drops it', async () => {
    const { deps, report } = await started();
    useInspection.getState().edit({ ...report, date: '2026-02-30' });
    await settled();
    useSession.getState().lock('idle');
    expect(useSession.getState().status).toBe('locked');
    expect(topBar()).toBe('考察日期：2026-02-30 不是实际存在的日期');
    // Unlocked again as the same profile: the screen's load shows the edit as it was.
    useSession.setState({ status: 'unlocked', db: deps.db, profile: testProfile('李检查') });
    await useInspection.getState().load();
    expect(useInspection.getState().report?.date).toBe('2026-02-30');
    expect(topBar()).toBe('考察日期：2026-02-30 不是实际存在的日期');
    // Locked again and another profile unlocked: the edit is not theirs, and is dropped.
    useSession.getState().lock('idle');
    useSession.setState({
      status: 'unlocked',
      db: deps.db,
      profile: testProfile('王核验', 'p2'),
    });
    expect(topBar()).toBeNull();
    await useInspection.getState().load();
    expect(useInspection.getState().report?.date).toBe(report.date);
  });

  it("today is Beijing's on a UTC machine: at 2026-12-03T18:40Z a visit on 12-04 is accepted, 12-05 refused against 12月4日", async () => {
    const tz = process.env['TZ'];
    process.env['TZ'] = 'UTC';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T18:40:00Z'));
    try {
      const { deps, report } = await started();
      // The report starts on Beijing's day, as the chair's desk and the bureau's notices write it.
      expect(report.date).toBe('2026-12-04');
      useInspection.getState().edit({ ...report, date: '2026-12-04', conclusion: '需求真实' });
      expect(useInspection.getState().unsaved).toBeNull();
      expect(topBar()).toBeNull();
      await settled();
      expect((await getInspection(deps.db, report.reportId))?.date).toBe('2026-12-04');
      useInspection.getState().edit({ ...report, date: '2026-12-05', conclusion: '需求真实' });
      expect(topBar()).toBe(
        '考察日期：2026年12月5日晚于今天（2026年12月4日），考察报告记录的是已经进行的实地考察',
      );
      await settled();
    } finally {
      vi.useRealTimers();
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });
});
