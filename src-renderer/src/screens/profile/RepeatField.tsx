import { useId, useState } from 'react';
import { useT } from '../../i18n';

/**
 * The passphrase typed again, with its mismatch said in place: as soon as the repeat cannot be
 * the start of the passphrase, or once the field is left with a difference.
 */
export function RepeatField({
  label,
  passphrase,
  value,
  onChange,
}: {
  label: string;
  passphrase: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const errorId = useId();
  const mismatch = value !== '' && value !== passphrase && (left || !passphrase.startsWith(value));
  return (
    <label>
      {label}
      <input
        type="password"
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setLeft(true)}
        onFocus={() => setLeft(false)}
        aria-required
        autoComplete="new-password"
        aria-invalid={mismatch}
        aria-describedby={mismatch ? errorId : undefined}
      />
      {mismatch && (
        <span id={errorId} className="error" role="alert">
          {t('gate.mismatch')}
        </span>
      )}
    </label>
  );
}
