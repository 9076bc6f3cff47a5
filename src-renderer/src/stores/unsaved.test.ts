/**
 * The app-wide hold on an edit not saved: an autosave that fails holds its screen's edit (the top
 * bar's 未保存, the dialog's why), a later write that succeeds releases it, and only the latest
 * write speaks; what would drop it asks first, and goes on at once when nothing is held.
 */
import 'fake-indexeddb/auto';
import { testProfile } from './test-store';
import { describe, expect, it, vi } from 'vitest';
import { say } from '../i18n/strings';
import { useSession } from './session';
import {
  answerAsking,
  askBeforeDropping,
  fieldHolds,
  fieldOwner,
  firstHeldField,
  firstUnsaved,
  followSave,
  holdUnsaved,
  isHeld,
  releaseFields,
  useUnsaved,
  type UnsavedEdit,
} from './unsaved';

const why = () => {
  const held = firstUnsaved(useUnsaved.getState());
  return held && { why: say('zh', held.why), body: say('zh', held.body) };
};

describe('an autosave that fails is held until a later one succeeds', () => {
  it('holds the failure (why, and what leaving keeps), released by the next write that lands', async () => {
    useSession.setState({ status: 'unlocked', profile: testProfile('张志远') });
    followSave('review', Promise.reject(new Error('磁盘已满')));
    await vi.waitFor(() => expect(isHeld('review')).toBe(true));
    expect(why()).toEqual({
      why: '磁盘已满',
      body: '磁盘已满。离开将放弃未保存的修改，保留上次保存的内容。',
    });
    followSave('review', Promise.resolve());
    await vi.waitFor(() => expect(isHeld('review')).toBe(false));
  });

  it('only the latest write speaks: an earlier failure settling late holds nothing', async () => {
    let fail: (e: Error) => void = () => undefined;
    followSave(
      'taskbook',
      new Promise((_, reject) => {
        fail = reject;
      }),
    );
    followSave('taskbook', Promise.resolve());
    await vi.waitFor(() => expect(isHeld('taskbook')).toBe(false));
    fail(new Error('late'));
    await Promise.resolve();
    expect(isHeld('taskbook')).toBe(false);
  });

  it('asks before dropping only while something is held; staying does nothing, leaving drops it and goes on', async () => {
    const went: string[] = [];
    askBeforeDropping('lock', () => went.push('free'));
    expect(went).toEqual(['free']);
    let dropped = 0;
    followSave('bureau', Promise.reject(new Error('x')), () => (dropped += 1));
    await vi.waitFor(() => expect(isHeld('bureau')).toBe(true));
    askBeforeDropping('lock', () => went.push('lock'));
    expect(useUnsaved.getState().asking?.kind).toBe('lock');
    answerAsking(false);
    expect(went).toEqual(['free']);
    expect(isHeld('bureau')).toBe(true);
    askBeforeDropping('lock', () => went.push('lock'));
    answerAsking(true);
    expect(went).toEqual(['free', 'lock']);
    expect(dropped).toBe(1);
    expect(isHeld('bureau')).toBe(false);
  });
});

/** What the first held field of `screen` says, or null. */
const first = (screen: string) => {
  const held = firstHeldField(screen);
  return held && say('zh', held.why);
};

describe('a form’s fields, each held under its own owner', () => {
  const refused = (text: string): UnsavedEdit => ({
    why: { text },
    title: { text },
    body: { text },
    discard: () => undefined,
  });

  it('reads the first field held, which keeps its place when held again; releases one screen’s fields only', () => {
    useUnsaved.setState({ edits: {} });
    holdUnsaved('review', refused('评分表未保存'));
    holdUnsaved(fieldOwner('form', 'a'), refused('a：不是金额'));
    holdUnsaved(fieldOwner('form', 'b'), refused('b：不是金额'));
    holdUnsaved(fieldOwner('other', 'a'), refused('other'));
    expect(first('form')).toBe('a：不是金额');
    holdUnsaved(fieldOwner('form', 'a'), refused('a：仍不是金额'));
    expect(first('form')).toBe('a：仍不是金额');
    holdUnsaved(fieldOwner('form', 'a'), null);
    expect(first('form')).toBe('b：不是金额');
    releaseFields('form');
    expect(first('form')).toBeNull();
    expect(first('other')).toBe('other');
    expect(isHeld('review')).toBe(true);
    expect(why()?.why).toBe('评分表未保存');
  });
});

describe('fields holding text they refused (an amount that is none)', () => {
  it('hold the first field’s sentence as 未保存 until every one is corrected, released or dropped', () => {
    useUnsaved.setState({ edits: {} });
    const fields = fieldHolds('review-fields');
    fields.hold('funding-A01', '建议经费（万元）：“二百”不是金额');
    fields.hold('funding-A02', '建议经费（万元）：“x”不是金额');
    expect(fields.first()).toBe('建议经费（万元）：“二百”不是金额');
    expect(why()).toEqual({
      why: '建议经费（万元）：“二百”不是金额',
      body: '建议经费（万元）：“二百”不是金额。离开将放弃这项修改，其余内容已保存。',
    });
    // Corrected: the next one is said; a later successful autosave of the sheet releases nothing.
    fields.hold('funding-A01', null);
    followSave('review', Promise.resolve());
    expect(fields.first()).toBe('建议经费（万元）：“x”不是金额');
    expect(first('review-fields')).toBe('建议经费（万元）：“x”不是金额');
    // Dropped (the dialog's 放弃修改): nothing held.
    const went: string[] = [];
    askBeforeDropping('leave', () => went.push('A03'));
    answerAsking(true);
    expect(went).toEqual(['A03']);
    expect(fields.first()).toBeNull();
    expect(first('review-fields')).toBeNull();
    fields.hold('funding-A01', 'again');
    fields.release();
    expect(first('review-fields')).toBeNull();
  });

  it('an idle lock keeps a refused amount: after unlock the field shows its text again, still held', () => {
    useUnsaved.setState({ edits: {} });
    useSession.setState({ status: 'unlocked', profile: testProfile('张志远') });
    const fields = fieldHolds('lock-fields');
    const owner = fieldOwner('lock-fields', 'funding-A01');
    fields.hold('funding-A01', '建议经费（万元）：“二百”不是金额', '二百');
    // The idle lock does not ask; the screen unmounts: the field says null as it goes, then the
    // screen releases its fields.
    useSession.setState({ status: 'locked' });
    fields.hold('funding-A01', null, '');
    fields.release();
    useSession.setState({ status: 'unlocked' });
    expect(isHeld(owner)).toBe(true);
    expect(fields.text('funding-A01')).toBe('二百');
    expect(why()?.why).toBe('建议经费（万元）：“二百”不是金额');
    // Corrected: released and forgotten.
    fields.hold('funding-A01', null, '200');
    expect(isHeld(owner)).toBe(false);
    expect(fields.text('funding-A01')).toBeNull();
    // Dropped by the dialog: forgotten too.
    fields.hold('funding-A01', '建议经费（万元）：“x”不是金额', 'x');
    askBeforeDropping('leave', () => undefined);
    answerAsking(true);
    expect(fields.text('funding-A01')).toBeNull();
    // Left while unlocked: released.
    fields.hold('funding-A01', '建议经费（万元）：“y”不是金额', 'y');
    fields.release();
    expect(isHeld(owner)).toBe(false);
  });
});
