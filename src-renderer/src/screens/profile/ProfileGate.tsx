import { useEffect, useState, type ReactNode } from 'react';
import { useSay, useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { CreateForm } from './CreateForm';
import { UnlockForm } from './UnlockForm';

/** Nothing below renders until a profile is unlocked; the whole app locks after idle minutes. */
export function ProfileGate({ children }: { children: ReactNode }) {
  const t = useT();
  const say = useSay();
  const status = useSession((s) => s.status);
  const profiles = useSession((s) => s.profiles);
  const error = useSession((s) => s.error);
  const plaintext = useSession((s) => s.plaintext);
  const refresh = useSession((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (status === 'unlocked') {
    return (
      <>
        {plaintext && <div className="test-banner">{t('gate.plaintextWarning')}</div>}
        {children}
      </>
    );
  }
  return (
    <section className="screen gate">
      <h1>{t('gate.heading')}</h1>
      <p className="lead">{t('gate.confidential')}</p>
      {error && (
        <p role="alert" className="error">
          {say(error)}
        </p>
      )}
      {status === 'loading' ? null : <LockedForms hasProfiles={profiles.length > 0} />}
    </section>
  );
}

/** Mounted only while locked, so every lock starts again at the unlock form. */
function LockedForms({ hasProfiles }: { hasProfiles: boolean }) {
  const [creating, setCreating] = useState(false);
  return !hasProfiles || creating ? (
    <CreateForm onBack={hasProfiles ? () => setCreating(false) : undefined} />
  ) : (
    <UnlockForm onNew={() => setCreating(true)} />
  );
}
