import { useId, type Ref } from 'react';
import { nameProblem } from '../../../src-shared/text/name';
import { cleanText } from '../../../src-shared/text/normalize';
import { useT } from '../i18n';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The schema's maximum (`personName(max)`): typing and pasting stop there. */
  max: number;
  /** The form was submitted: a missing name is said too (a bidi control is said as it is typed). */
  attempted: boolean;
  /** What is said of an empty name once the form was submitted (「请填写…」). */
  missing: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A person's name typed into a form (a profile's 姓名, a 签名人姓名), normalised at the door as
 * `TextInput` is: invisible characters (zero-width and the like) are dropped as they are typed or
 * pasted, a bidi control is kept in the field and refused there naming its code point, so the form
 * cannot submit a name that reads as another. An empty name is said once the form was submitted.
 */
export function NameInput({
  label,
  value,
  onChange,
  max,
  attempted,
  missing,
  autoFocus,
  inputRef,
}: Props) {
  const t = useT();
  const errorId = useId();
  const refused = !cleanText(value).ok;
  const found = refused || attempted ? nameProblem(value, max) : null;
  const problem =
    found === null
      ? null
      : found === 'missing'
        ? missing
        : t('common.labelled', { label, text: found.message });
  return (
    <label className="block">
      <span>{label}</span>
      <input
        ref={inputRef}
        aria-label={label}
        value={value}
        maxLength={max}
        aria-required
        autoFocus={autoFocus}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          const cleaned = cleanText(e.target.value);
          onChange(cleaned.ok ? cleaned.value : e.target.value);
        }}
      />
      {problem && (
        <span id={errorId} className="error" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
