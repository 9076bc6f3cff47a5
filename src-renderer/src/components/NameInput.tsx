import { useId, type Ref } from 'react';
import { personName } from '../../../src-shared/model/common';
import { cleanText } from '../../../src-shared/text/normalize';
import { useT } from '../i18n';

/**
 * Why `value` is no name (`personName(max)`'s first refusal), or null: the form checks it before it
 * submits, with the rule the workflow and main check again.
 */
export function nameProblem(value: string, max: number): string | null {
  const read = personName(max).safeParse(value);
  return read.success ? null : (read.error.issues[0]?.message ?? null);
}

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The schema's maximum (`personName(max)`): typing and pasting stop there. */
  max: number;
  /** The form was submitted: a missing name is said too (a bidi control is said as it is typed). */
  attempted: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A person's name typed into a form (a profile's 姓名, a 签名人姓名), normalised at the door as
 * `TextInput` is: invisible characters (zero-width and the like) are dropped as they are typed or
 * pasted, a bidi control is kept in the field and refused there naming its code point, so the form
 * cannot submit a name that reads as another. An empty name is said once the form was submitted.
 */
export function NameInput({ label, value, onChange, max, attempted, autoFocus, inputRef }: Props) {
  const t = useT();
  const errorId = useId();
  const refused = !cleanText(value).ok;
  const problem = refused || attempted ? nameProblem(value, max) : null;
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
          {t('common.labelled', { label, text: problem })}
        </span>
      )}
    </label>
  );
}
