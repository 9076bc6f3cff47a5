import { useId, useState } from 'react';
import { MONEY_PATTERN } from '../../../src-shared/money';
import { toHalfWidthDigits } from '../../../src-shared/text/normalize';
import { useT } from '../i18n';

interface Props {
  label: string;
  /** The amount (万元) as kept, or '' for none. */
  value: string;
  onCommit: (amount: string) => void;
}

/**
 * An amount in 万元 as typed: full-width digits read as digits, only a plain amount (400, 12.5)
 * committed; while it is being typed (12.) or when it is not an amount it stays on screen with
 * its error, and nothing is committed or dropped. An emptied field commits ''.
 */
export function AmountInput({ label, value, onCommit }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const shown = draft ?? value;
  const plain = draft === null ? null : toHalfWidthDigits(draft).trim();
  const error = plain !== null && plain !== '' && !MONEY_PATTERN.test(plain);
  return (
    <>
      <input
        inputMode="decimal"
        aria-label={label}
        aria-invalid={error}
        aria-describedby={error ? errorId : undefined}
        value={shown}
        onChange={(e) => {
          const typed = e.target.value;
          setDraft(typed);
          const amount = toHalfWidthDigits(typed).trim();
          if (amount === '' || MONEY_PATTERN.test(amount)) onCommit(amount);
        }}
        onBlur={() => setDraft((d) => (d !== null && error ? d : null))}
        className="amount"
      />
      {error && (
        <span id={errorId} className="error" role="alert">
          {t('amount.invalid', { text: draft ?? '' })}
        </span>
      )}
    </>
  );
}
