import { useState } from 'react';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { RepeatField } from './RepeatField';
import { StrengthMeter } from './StrengthMeter';

export function CreateForm({ onBack }: { onBack?: () => void }) {
  const t = useT();
  const create = useSession((s) => s.create);
  const busy = useSession((s) => s.busy);
  const [label, setLabel] = useState('');
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create(label, pass, repeat);
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
