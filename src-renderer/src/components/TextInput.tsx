import { useId, useState } from 'react';
import { cleanText } from '../../../src-shared/text/normalize';
import { useT } from '../i18n';

interface Props {
  label: string;
  value: string;
  /** The schema's maximum for this field: typing and pasting stop there. */
  maxLength: number;
  onCommit: (value: string) => void;
  rows?: number;
  /** Show the label (default) or give it to assistive technology only. */
  hideLabel?: boolean;
  /** Spans the whole row of a field grid (as `Field`'s `wide`). */
  wide?: boolean;
}

/**
 * A text field normalised at the door, as every file is: zero-width characters are dropped as they
 * are typed or pasted, a bidi control is refused naming its code point (nothing is committed while
 * it is there), and the schema's maximum is enforced at the field (`maxLength`), so a sheet never
 * takes text it would refuse later.
 */
export function TextInput({ label, value, maxLength, onCommit, rows, hideLabel, wide }: Props) {
  const t = useT();
  const [refused, setRefused] = useState<{ text: string; message: string } | null>(null);
  const errorId = useId();
  const common = {
    'aria-label': label,
    'aria-invalid': refused !== null,
    'aria-describedby': refused ? errorId : undefined,
    maxLength,
    value: refused?.text ?? value,
    onChange: (e: { target: { value: string } }) => {
      const cleaned = cleanText(e.target.value);
      if (cleaned.ok) {
        setRefused(null);
        onCommit(cleaned.value);
      } else setRefused({ text: e.target.value, message: cleaned.message });
    },
  };
  return (
    <label className={wide ? 'block field-wide' : 'block'}>
      <span className={hideLabel ? 'sr-only' : undefined}>{label}</span>
      {rows ? <textarea rows={rows} {...common} /> : <input {...common} />}
      {refused && (
        <span id={errorId} className="error" role="alert">
          {t('common.labelled', { label, text: refused.message })}
        </span>
      )}
    </label>
  );
}
