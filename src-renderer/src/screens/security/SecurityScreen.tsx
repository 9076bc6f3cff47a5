// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/audit';
import { useEffect, useState } from 'react';
import { AUTOLOCK_MINUTES } from '../../../../src-shared/autolock';
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
  // What is in force (shown after 已设置) and what is typed (judged by the rule as typed).
  const [inForce, setInForce] = useState(() =>
    profile ? autoLockMinutes(profile.id) : AUTOLOCK_MINUTES.default,
  );
  const [typed, setTyped] = useState(() => String(inForce));
  const [refused, setRefused] = useState<string | null>(null);
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
            type="text"
            inputMode="decimal"
            value={typed}
            className="short"
            aria-invalid={refused !== null}
            aria-describedby={refused !== null ? 'autolock-refused' : undefined}
            onChange={(e) => {
              setTyped(e.target.value);
              const read = setAutoLockMinutes(profile.id, e.target.value);
              if (read.ok) setInForce(read.minutes);
              setRefused(read.ok ? null : read.typed);
            }}
          />
        </label>
        {refused !== null && (
          <span id="autolock-refused" role="alert" className="error">
            {refused === ''
              ? t('security.autolockMissing')
              : t('security.autolockRefused', { typed: refused })}
          </span>
        )}
        <span className="note">{t('security.autolockSaved', { n: inForce })}</span>
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
