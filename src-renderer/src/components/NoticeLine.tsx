import { useSay } from '../i18n';
import type { Notice } from '../stores/notice';

/** What the last action said: a failure as an alert (read out at once), anything else as status. */
export function NoticeLine({ notice, testId }: { notice: Notice | null; testId?: string }) {
  const say = useSay();
  if (!notice) return null;
  return (
    <p
      role={notice.tone === 'error' ? 'alert' : 'status'}
      className={notice.tone}
      data-testid={testId}
    >
      {say(notice.message)}
    </p>
  );
}
