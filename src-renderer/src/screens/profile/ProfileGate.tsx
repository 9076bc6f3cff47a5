import { useEffect, useState } from 'react';
import { useSay, useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { CreateForm } from './CreateForm';
import { UnlockForm } from './UnlockForm';

/** Above every screen of a test run's web host started with plaintext storage: a warning. */
export function TestBanner() {
  const t = useT();
  const plaintext = useSession((s) => s.plaintext);
  return plaintext ? <div className="test-banner">{t('gate.plaintextWarning')}</div> : null;
}

/**
 * The gate: until a profile is unlocked, the unlock or create form is all the app shows (App shows
 * the screens once unlocked; the whole app locks after idle minutes).
 */
export function ProfileGate() {
  const t = useT();
  const say = useSay();
  const status = useSession((s) => s.status);
  const profiles = useSession((s) => s.profiles);
  const error = useSession((s) => s.error);
  const refresh = useSession((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (status === 'unlocked') return null;
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
