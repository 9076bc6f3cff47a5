import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { passphraseStrength } from './strength';

function StrengthMeter({ value }: { value: string }) {
  const t = useT();
  const s = passphraseStrength(value);
  return (
    <div className="row strength">
      <span className="note">{t('gate.strength')}</span>
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={s}
        aria-label={t('gate.strength')}
      />
      <span data-testid="strength">{t(`gate.strength.${s}`)}</span>
    </div>
  );
}

function CreateForm({ onBack }: { onBack?: () => void }) {
  const t = useT();
  const create = useSession((s) => s.create);
  const busy = useSession((s) => s.busy);
  const [label, setLabel] = useState('');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        if ([...pass].length < 10) return setProblem(t('gate.tooShort'));
        if (pass !== confirm) return setProblem(t('gate.mismatch'));
        setProblem(null);
        void create(label.trim(), pass);
      }}
    >
      <h2>{t('gate.newProfile')}</h2>
      <label>
        {t('gate.label')}
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          autoFocus
          autoComplete="off"
        />
      </label>
      <label>
        {t('gate.passphrase')}
        <input
          type="password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          required
          autoComplete="new-password"
        />
      </label>
      <StrengthMeter value={pass} />
      <label>
        {t('gate.confirm')}
        <input
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
          autoComplete="new-password"
        />
      </label>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('gate.creating') : t('gate.create')}
        </button>
        {onBack && (
          <button type="button" onClick={onBack}>
            {t('gate.back')}
          </button>
        )}
      </div>
    </form>
  );
}

function UnlockForm({ onNew }: { onNew: () => void }) {
  const t = useT();
  const profiles = useSession((s) => s.profiles);
  const unlock = useSession((s) => s.unlock);
  const busy = useSession((s) => s.busy);
  const [chosen, setChosen] = useState(profiles[0]?.id ?? '');
  const [pass, setPass] = useState('');
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void unlock(chosen, pass).then(() => setPass(''));
      }}
    >
      <h2>{t('gate.choose')}</h2>
      <div className="profile-list" role="radiogroup" aria-label={t('gate.choose')}>
        {profiles.map((p) => (
          <label key={p.id} className="row">
            <input
              type="radio"
              name="profile"
              value={p.id}
              checked={chosen === p.id}
              onChange={() => setChosen(p.id)}
            />
            {p.label}
          </label>
        ))}
      </div>
      <label>
        {t('gate.passphrase')}
        <input
          type="password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          required
          autoFocus
          autoComplete="current-password"
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('gate.unlocking') : t('gate.unlock')}
        </button>
        <button type="button" onClick={onNew}>
          {t('gate.newProfile')}
        </button>
      </div>
    </form>
  );
}

/** Nothing below renders until a profile is unlocked; the whole app locks after idle minutes. */
export function ProfileGate({ children }: { children: ReactNode }) {
  const t = useT();
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
          {error}
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
