/**
 * The task book's fields that refuse what is typed (an amount: 「1,00」) hold app-wide, each under
 * its own owner in stores/unsaved.ts: the top bar says the first one held (未保存), 定稿 is refused
 * naming it, correcting it moves on to the next, and only when none is held does 定稿 go through.
 * Leaving the screen releases its fields and nothing else. Runs the store on fake-indexeddb, as
 * the screen does after an unlock.
 */
import 'fake-indexeddb/auto';
import { unlockedWith } from './test-store';
import { describe, expect, it } from 'vitest';
import { sampleTaskBook } from '../../../src-shared/bundle/test-helpers';
import { sampleDecision, samplePackage } from '../../../src-shared/sample-fixture';
import { say, type Message } from '../i18n/strings';
import { releaseTaskBookFields, useTaskBook } from './taskbook';
import { firstHeldField, firstUnsaved, holdUnsaved, isHeld, useUnsaved } from './unsaved';

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
