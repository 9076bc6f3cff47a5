/**
 * The task book's fields that refuse what is typed (an amount: 「1,00」) hold app-wide, each under
 * its own owner in stores/unsaved.ts: the top bar says the first one held (未保存), 定稿 is refused
 * naming it, correcting it moves on to the next, and only when none is held does 定稿 go through.
 * Leaving the screen releases its fields and nothing else. Runs the store on fake-indexeddb, as
 * the screen does after an unlock.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { taskBooksOfPackage } from '../db/repo';
import { currentDeps } from './deps';
import { sampleTaskBook } from '../../../src-shared/bundle/test-helpers';
import { sampleDecision, samplePackage } from '../../../src-shared/sample-fixture';
import { say, type Message } from '../i18n/strings';
import { releaseTaskBookFields, useTaskBook } from './taskbook';
import {
  discardUnsaved,
  firstHeldField,
  firstUnsaved,
  holdUnsaved,
  isHeld,
  useUnsaved,
} from './unsaved';

const TRANCHE = '拨付（万元）：“1,00”的千位分隔符位置不对：应每三位一个，如 1,000 或 12,500.5';
const ISSUER = '发榜方投入：“12.3.4”不是金额';

/** What the top bar says (「未保存：…」 is its frame around this). */
const topBar = (): string | null => {
  const held = firstUnsaved(useUnsaved.getState());
  return held && say('zh', held.why);
};
const said = (m: Message | undefined): string | undefined => m && say('zh', m);

async function editing() {
  const draft = { ...sampleTaskBook(), status: 'draft' as const };
  await unlockedWith(
    { taskBook: draft },
    { actor: 'chair', action: 'taskbook.draft', target: draft.taskBookId },
    '张志远（任务书）',
  );
  useTaskBook.setState({ loaded: true, decision: sampleDecision(), draft, notice: null });
}

describe('a task book field that refuses what is typed holds under its own owner', () => {
  it('the first field held is the one the top bar and 定稿 name; 定稿 goes through once none is', async () => {
    await editing();
    const { hold } = useTaskBook.getState();
    hold('milestone-M1', TRANCHE);
    hold('funding-issuer', ISSUER);
    expect(topBar()).toBe(TRANCHE);
    expect(said(firstHeldField('taskbook-field')?.why)).toBe(TRANCHE);

    await useTaskBook.getState().finalise(samplePackage(), sampleDecision());
    expect(said(useTaskBook.getState().notice?.message)).toBe(`未保存：${TRANCHE}`);
    expect(useTaskBook.getState().draft?.status).toBe('draft');

    // Typed on in the same field: still the first, saying what it says now.
    hold('milestone-M1', '拨付（万元）：“1,0”的千位分隔符位置不对');
    expect(topBar()).toBe('拨付（万元）：“1,0”的千位分隔符位置不对');

    // Corrected: the next field held speaks.
    hold('milestone-M1', null);
    expect(topBar()).toBe(ISSUER);
    await useTaskBook.getState().finalise(samplePackage(), sampleDecision());
    expect(said(useTaskBook.getState().notice?.message)).toBe(`未保存：${ISSUER}`);

    hold('funding-issuer', null);
    expect(firstHeldField('taskbook-field')).toBeNull();
    expect(topBar()).toBeNull();
    await useTaskBook.getState().finalise(samplePackage(), sampleDecision());
    expect(useTaskBook.getState().notice).toBeNull();
    expect(useTaskBook.getState().draft?.status).toBe('final');
  });

  it('leaving the screen releases its fields, not a failed autosave of the draft', async () => {
    await editing();
    holdUnsaved('taskbook', {
      why: { text: '磁盘已满' },
      title: { text: '有未保存的修改' },
      body: { text: '磁盘已满' },
      discard: () => undefined,
    });
    useTaskBook.getState().hold('milestone-M2', TRANCHE);
    expect(said(firstHeldField('taskbook-field')?.why)).toBe(TRANCHE);
    releaseTaskBookFields();
    expect(firstHeldField('taskbook-field')).toBeNull();
    expect(isHeld('taskbook')).toBe(true);
    expect(topBar()).toBe('磁盘已满');
  });
});

describe('a value the task book’s format refuses is shown, held 未保存, and never written', () => {
  const DUE = '里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期';
  const stored = async () => {
    const [tb] = await taskBooksOfPackage(currentDeps().db, sampleTaskBook().packageId);
    return tb;
  };
  async function loaded() {
    const draft = { ...sampleTaskBook(), status: 'draft' as const };
    await unlockedWith(
      { taskBook: draft },
      { actor: 'chair', action: 'taskbook.draft', target: draft.taskBookId },
      '张志远（任务书）',
    );
    useTaskBook.setState({ loaded: false, draft: null });
    await useTaskBook.getState().load(draft.packageId);
    return draft;
  }

  it('2027-02-30 and a bidi control: shown and held; the other fields are written; the draft stays the last valid one', async () => {
    const draft = await loaded();
    const due = draft.milestones[0]?.due;
    const { edit } = useTaskBook.getState();
    edit({ type: 'milestone', index: 0, patch: { due: '2027-02-30' } });
    expect(useTaskBook.getState().draft?.milestones[0]?.due).toBe('2027-02-30');
    expect(topBar()).toBe(DUE);
    // Another field, typed meanwhile: written, with the date as last saved.
    edit({ type: 'party', index: 2, patch: { address: '乌鲁木齐市' } });
    await vi.waitFor(async () => expect((await stored())?.parties[2]?.address).toBe('乌鲁木齐市'));
    expect((await stored())?.milestones[0]?.due).toBe(due);
    expect(topBar()).toBe(DUE);

    edit({ type: 'party', index: 2, patch: { representative: '王建国\u202E国建王' } });
    expect(useTaskBook.getState().draft?.parties[2]?.representative).toBe('王建国\u202E国建王');
    // Corrected date: written; the bidi control still held, and not written.
    edit({ type: 'milestone', index: 0, patch: { due: '2027-02-28' } });
    await vi.waitFor(async () => expect((await stored())?.milestones[0]?.due).toBe('2027-02-28'));
    expect(topBar()).toContain('含有双向控制字符 U+202E');
    expect((await stored())?.parties[2]?.representative).toBe(draft.parties[2]?.representative);

    // 定稿 is refused naming it.
    await useTaskBook.getState().finalise(samplePackage(), sampleDecision());
    expect(said(useTaskBook.getState().notice?.message)).toContain('U+202E');

    // Corrected: released and written.
    edit({ type: 'party', index: 2, patch: { representative: '王建国' } });
    expect(topBar()).toBeNull();
    await vi.waitFor(async () =>
      expect((await stored())?.parties[2]?.representative).toBe('王建国'),
    );
  });

  it('dropped (the dialog): the screen shows the draft as stored; loading again reads it', async () => {
    const draft = await loaded();
    useTaskBook.getState().edit({ type: 'milestone', index: 0, patch: { due: '2027-02-30' } });
    expect(isHeld('taskbook-field/format')).toBe(true);
    // Kept across a load while held (an idle lock and unlock of the same profile).
    await useTaskBook.getState().load(draft.packageId);
    expect(useTaskBook.getState().draft?.milestones[0]?.due).toBe('2027-02-30');
    discardUnsaved();
    expect(useTaskBook.getState().draft?.milestones[0]?.due).toBe(draft.milestones[0]?.due);
    expect(topBar()).toBeNull();
  });
});
