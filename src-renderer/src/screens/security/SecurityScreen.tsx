// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/audit';
import { useEffect, useState } from 'react';
import { isElectron } from '../../bridge';
import { useSay, useT, type Message } from '../../i18n';
import { useAuditLog } from '../../stores/security';
import { useProfile, useSession } from '../../stores/session';
import { autoLockMinutes, setAutoLockMinutes } from '../profile/useIdleLock';
import { AuditTimeline } from './AuditTimeline';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/** 账户与安全: the passphrase, idle auto-lock, keychain unlock, and the audit log. */
export function SecurityScreen() {
  const t = useT();
  const say = useSay();
  const profile = useProfile();
  const enableKeychain = useSession((s) => s.enableKeychain);
  const { entries, verdict, load } = useAuditLog();
  const [minutes, setMinutes] = useState(() => (profile ? autoLockMinutes(profile.id) : 10));
  const [keychain, setKeychain] = useState<{ ok: boolean; message: Message } | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  if (!profile) return null;
  return (
    <section className="screen">
      <h1>{t('security.heading')}</h1>
      <ChangePassphraseForm onChanged={() => void load()} />
      <div className="card row">
        <label className="row">
          {t('security.autolock')}
          <input
            type="number"
            min={0.1}
            step={0.1}
            value={minutes}
            className="short"
            onChange={(e) => {
              const v = Number(e.target.value);
              setMinutes(v);
              if (v > 0) setAutoLockMinutes(profile.id, v);
            }}
          />
        </label>
        <span className="note">{t('security.autolockSaved', { n: minutes })}</span>
      </div>
      {isElectron() && (
        <form
          className="card row"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const passphrase = String(data.get('passphrase') ?? '');
            void enableKeychain(passphrase).then(setKeychain);
          }}
        >
          <span>{t('security.keychain')}</span>
          <input type="password" name="passphrase" aria-label={t('security.old')} required />
          <button type="submit">{t('security.keychainEnable')}</button>
          {keychain && (
            <span role={keychain.ok ? 'status' : 'alert'} className={keychain.ok ? 'ok' : 'error'}>
              {say(keychain.message)}
            </span>
          )}
        </form>
      )}
      <AuditTimeline entries={entries} verdict={verdict} />
    </section>
  );
}
