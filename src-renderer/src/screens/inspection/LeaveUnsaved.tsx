/**
 * Asked before an edit that could not be saved is dropped: leaving the screen (a link, the
 * browser's back) or opening another assignment. 留下改正 (focused first, and Escape) keeps
 * everything as it is; 放弃修改并离开 shows the report as last saved and goes on — while only the
 * visit date is refused, that is every other field as typed and the date as last saved (said so).
 */
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSay, useT } from '../../i18n';
import { useInspection } from '../../stores/inspection';

export function LeaveUnsaved() {
  const t = useT();
  const say = useSay();
  const unsaved = useInspection((s) => s.unsaved);
  const kept = useInspection((s) => s.kept);
  const switching = useInspection((s) => s.switching);
  const keepEditing = useInspection((s) => s.keepEditing);
  const discard = useInspection((s) => s.discard);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved !== null && currentLocation.pathname !== nextLocation.pathname,
  );
  // Reloading or closing the page asks too (the browser's own prompt; in the app, main's dialog).
  useEffect(() => {
    if (unsaved === null) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
  const leaving = blocker.state === 'blocked';
  if (unsaved === null || (!leaving && switching === null)) return null;
  return (
    <ConfirmDialog
      testId="inspection-leave"
      title={t('inspection.leaveTitle')}
      body={
        kept === null
          ? t('inspection.leaveBody', { why: say(unsaved) })
          : t('inspection.leaveBodyKept', { why: say(unsaved), kept })
      }
      stay={t('inspection.leaveStay')}
      leave={t('inspection.leaveDiscard')}
      onStay={() => {
        if (leaving) blocker.reset();
        keepEditing();
      }}
      onLeave={() => {
        void discard();
        if (leaving) blocker.proceed();
      }}
    />
  );
}
