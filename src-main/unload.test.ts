import { describe, expect, it } from 'vitest';
import { englishIn } from '../test/helpers/clear-error';
import { askBeforeUnload, LEAVE_BUTTON, type LeaveBox, type UnloadingContents } from './unload';

type Listener = (event: { preventDefault: () => void }) => void;

/** A WebContents double: records the listener, fires it, says whether the unload was let go. */
function fakeContents() {
  let listener: Listener | null = null;
  const contents: UnloadingContents = {
    on: (_event, l) => {
      listener = l;
    },
  };
  const fire = (): boolean => {
    let leave = false;
    listener?.({ preventDefault: () => (leave = true) });
    return leave;
  };
  return { contents, fire };
}

describe('main asks before a page with an edit not saved is closed or reloaded', () => {
  it('asks with a native dialog: 留下 (default, Escape) keeps the page, 离开 lets it go', () => {
    const { contents, fire } = fakeContents();
    const asked: LeaveBox[] = [];
    let answer = 0;
    askBeforeUnload(contents, (box) => {
      asked.push(box);
      return answer;
    });
    expect(fire()).toBe(false);
    expect(asked).toHaveLength(1);
    const [box] = asked;
    expect(box?.buttons).toEqual(['留下', '离开']);
    expect(box?.defaultId).toBe(0);
    expect(box?.cancelId).toBe(0);
    expect(box?.message).toContain('有未保存的修改');
    // In Chinese alone, as every other text the user sees.
    expect([box?.title, box?.message, box?.detail].flatMap((t) => englishIn(t ?? ''))).toEqual([]);

    answer = LEAVE_BUTTON;
    expect(fire()).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
