// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/bureau';
import '../../i18n/bundles';
import '../../i18n/calendar';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useBureau } from '../../stores/bureau';
import { useProfile } from '../../stores/session';
import { AuthorPanel } from './AuthorPanel';
import { DeskNotice } from './DeskNotice';
import { KeyPanel } from './KeyPanel';
import { RoundsPanel } from './RoundsPanel';

/**
 * The bureau's desk (市科技局, issue 18): its keys, a round authored from its lists and signed,
 * the panels' results taken in, approved (审定) and published (公示). The profile's passphrase is
 * asked once here and sent with each use of the bureau key (main unseals the key with it).
 */
export function BureauScreen() {
  const t = useT();
  const profile = useProfile();
  const { key, loaded, message, load } = useBureau();
  const [passphrase, setPassphrase] = useState('');

  // Loaded again when another profile is unlocked (its own key, rounds and draft).
  useEffect(() => {
    if (profile) void load(profile.id);
  }, [profile, load]);

  if (!profile) return null;
  return (
    <section className="screen" data-testid="bureau-screen">
      <h1>{t('bureau.heading')}</h1>
      <div className="card">
        <label>
          {t('bureau.passphrase')}
          <input
            type="password"
            data-testid="bureau-passphrase"
            value={passphrase}
            autoComplete="current-password"
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
      </div>
      <DeskNotice message={message} testId="bureau-message" />
      {loaded && <KeyPanel profileId={profile.id} passphrase={passphrase} />}
      {key && <AuthorPanel profileId={profile.id} passphrase={passphrase} />}
      {key && <RoundsPanel profileId={profile.id} passphrase={passphrase} />}
    </section>
  );
}
