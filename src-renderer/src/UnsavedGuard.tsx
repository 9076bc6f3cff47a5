/**
 * The one question before an edit not saved is dropped (`stores/unsaved.ts`), for every screen:
 * leaving the screen (the data router's blocker: a link, the browser's back), reloading or closing
 * the page (the browser's own prompt; in the app, main's dialog), 锁定 and a screen's own step
 * (`askBeforeDropping`). 留下改正 (focused first, and Escape) keeps everything as it is;
 * 放弃修改并离开 / 放弃修改并锁定 drops the edit (each store shows what is saved) and goes on.
 */
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './components/ConfirmDialog';
import { useSay, useT } from './i18n';
import { answerAsking, discardUnsaved, firstUnsaved, useUnsaved } from './stores/unsaved';

export function UnsavedGuard() {
  const t = useT();
  const say = useSay();
  const edit = useUnsaved(firstUnsaved);
  const asking = useUnsaved((s) => s.asking);
  const held = edit !== null;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      held && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!held) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [held]);
  // Set once the dialog's leave is chosen (the move is under way: not proceeded twice).
  const answered = useRef(false);
  // Saved while asked (a write landed): nothing is lost any more, so what was asked goes on.
  useEffect(() => {
    if (held) {
      answered.current = false;
      return;
    }
    if (blocker.state === 'blocked' && !answered.current) blocker.proceed();
    if (asking) answerAsking(true);
  }, [held, blocker, asking]);
  const leaving = blocker.state === 'blocked';
  if (!edit || (!leaving && asking === null)) return null;
  return (
    <ConfirmDialog
      testId="unsaved-leave"
      title={say(edit.title)}
      body={say(edit.body)}
      stay={t(edit.saving ? 'unsaved.wait' : 'unsaved.stay')}
      leave={t(
        !leaving && asking?.kind === 'lock'
          ? edit.saving
            ? 'unsaved.lockAnyway'
            : 'unsaved.lock'
          : edit.saving
            ? 'unsaved.leaveAnyway'
            : 'unsaved.leave',
      )}
      onStay={() => {
        if (leaving) blocker.reset();
        answerAsking(false);
      }}
      onLeave={() => {
        // Proceeds first: once the edit is dropped, nothing holds the move (the effect above).
        answered.current = true;
        if (leaving) {
          blocker.proceed();
          discardUnsaved();
        }
        answerAsking(true);
      }}
    />
  );
}
