import { useRef, useState } from 'react';
import { nameProblem, PROFILE_LABEL_MAX } from '../../../../src-shared/text/name';
import { newPassphraseProblem } from '../../../../src-shared/passphrase';
import { NameInput } from '../../components/NameInput';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { RepeatField } from './RepeatField';
import { StrengthMeter } from './StrengthMeter';

/**
 * A new profile. The form checks its fields itself and says what is missing beside the field, in
 * the app's language (`noValidate`: no browser bubble in English); the workflow and main check the
 * same rules again.
 */
export function CreateForm({ onBack }: { onBack?: () => void }) {
  const t = useT();
  const create = useSession((s) => s.create);
  const busy = useSession((s) => s.busy);
  const [label, setLabel] = useState('');
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [attempted, setAttempted] = useState(false);
  const labelField = useRef<HTMLInputElement>(null);
  const passField = useRef<HTMLInputElement>(null);
  const passRefused = attempted ? newPassphraseProblem(pass) : null;
  return (
    <form
      className="card gate-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setAttempted(true);
        if (nameProblem(label, PROFILE_LABEL_MAX) !== null) return labelField.current?.focus();
        if (newPassphraseProblem(pass) !== null) return passField.current?.focus();
        void create(label, pass, repeat);
      }}
    >
      <h2>{t('gate.newProfile')}</h2>
      <NameInput
        label={t('gate.label')}
        value={label}
        onChange={setLabel}
        max={PROFILE_LABEL_MAX}
        attempted={attempted}
        missing={t('gate.labelMissing')}
        autoFocus
        inputRef={labelField}
      />
      <label>
        {t('gate.passphrase')}
        <input
          ref={passField}
          aria-label={t('gate.passphrase')}
          aria-required
          type="password"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          autoComplete="new-password"
          aria-invalid={passRefused !== null}
        />
        {passRefused && (
          <span className="error" role="alert">
            {t(passRefused === 'blank' ? 'gate.blank' : 'gate.tooShort')}
          </span>
        )}
      </label>
      <StrengthMeter value={pass} />
      <RepeatField
        label={t('gate.confirm')}
        passphrase={pass}
        value={repeat}
        onChange={setRepeat}
      />
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
