import { useSay } from '../../i18n';
import type { DeskMessage } from '../../stores/bureau';

/**
 * What the desk tells the user, where it was caused: the desk's last message under the passphrase,
 * an inspection form's beside that form. An error is an alert, an outcome a status.
 */
export function DeskNotice({ message, testId }: { message: DeskMessage; testId: string }) {
  const say = useSay();
  if (!message) return null;
  return (
    <div
      role={message.kind === 'error' ? 'alert' : 'status'}
      className={message.kind}
      data-testid={testId}
    >
      <p>{say(message.message)}</p>
      {message.lines && (
        <ul className="plain">
          {message.lines.map((l, i) => (
            <li key={i}>{say(l)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
