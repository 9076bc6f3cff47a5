import { useRef, useState } from 'react';
import { formatDateTimeZh } from '../../../../src-shared/text/date';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';

/**
 * Choose a profile and unlock it. While main checks the passphrase the field is read-only (what
 * is typed then is not silently lost); a wrong passphrase leaves it selected, to type again.
 */
export function UnlockForm({ onNew }: { onNew: () => void }) {
  const t = useT();
  const profiles = useSession((s) => s.profiles);
  const unlock = useSession((s) => s.unlock);
  const busy = useSession((s) => s.busy);
  const [chosen, setChosen] = useState(profiles[0]?.id ?? '');
  const [pass, setPass] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  return (
    <form
      className="card gate-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Nothing typed is no attempt: said at the field, main not asked (no wrong try counted).
        setMissing(pass === '');
        if (pass === '') return field.current?.focus();
        void unlock(chosen, pass).then((ok) => {
          if (ok) return;
          field.current?.focus();
          field.current?.select();
        });
      }}
    >
      <h2>{t('gate.choose')}</h2>
      <div className="profile-list" role="radiogroup" aria-label={t('gate.choose')}>
        {profiles.map((p) => (
          <label key={p.id} className="choice">
            <input
              type="radio"
              name="profile"
              value={p.id}
              checked={chosen === p.id}
              onChange={() => setChosen(p.id)}
            />
            <span>
              {p.label}
              {/* Two of one name (made before a second was refused): told apart by when made.
                  (Labels compared as kept: model/common, with zod, stays off the first screen.) */}
              {profiles.some((o) => o.id !== p.id && o.label === p.label)
                ? ` · ${t('gate.createdOn', { when: formatDateTimeZh(p.createdAt) })}`
                : ''}
            </span>
          </label>
        ))}
      </div>
      <label>
        {t('gate.passphrase')}
        <input
          ref={field}
          aria-label={t('gate.passphrase')}
          type="password"
          value={pass}
          onChange={(e) => {
            setPass(e.target.value);
            setMissing(false);
          }}
          readOnly={busy}
          aria-busy={busy}
          aria-invalid={missing}
          aria-required
          autoFocus
          autoComplete="current-password"
        />
        {missing && (
          <span className="error" role="alert">
            {t('gate.passphraseMissing')}
          </span>
        )}
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
