import { useEffect, useId, useRef, useState } from 'react';
import { parseMoneyInput } from '../../../src-shared/money';
import { useT } from '../i18n';

interface Props {
  label: string;
  /** The amount (万元) as kept, or '' for none. */
  value: string;
  onCommit: (amount: string) => void;
  /**
   * Told why what is on screen is not committed (the field's sentence), or null once it is: the
   * screen's store says so in the top bar (「未保存：…」, never 「已保存」).
   */
  onHeld?: (why: string | null, text: string) => void;
  /** Text the field showed and did not commit when it was last unmounted (an idle lock): shown again. */
  held?: string | null;
  disabled?: boolean;
}

/**
 * An amount in 万元 as typed, read by the one reader of every door (`parseMoneyInput`): full-width
 * digits and point as digits, thousands separators where an official writes them (1,000), the
 * amount committed canonical (1000). While it is being typed (12.) or when it is no amount it
 * stays on screen with the reader's sentence saying what is wrong, and nothing is committed or
 * dropped. An emptied field commits ''.
 */
export function AmountInput({ label, value, onCommit, onHeld, held: kept, disabled }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(kept ?? null);
  const errorId = useId();
  // Gone (a milestone removed, the screen left): what it held is held no more.
  const held = useRef(onHeld);
  useEffect(() => {
    held.current = onHeld;
  });
  useEffect(() => () => held.current?.(null, ''), []);
  const shown = draft ?? value;
  const read = draft === null ? null : parseMoneyInput(draft);
  const problem = read && !read.ok ? read.message : null;
  return (
    <>
      <input
        inputMode="decimal"
        aria-label={label}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        value={shown}
        disabled={disabled}
        onChange={(e) => {
          const typed = e.target.value;
          setDraft(typed);
          const amount = parseMoneyInput(typed);
          if (amount.ok) onCommit(amount.value ?? '');
          onHeld?.(amount.ok ? null : t('common.labelled', { label, text: amount.message }), typed);
        }}
        onBlur={() => setDraft((d) => (d !== null && problem ? d : null))}
        className="amount"
      />
      {problem && (
        <span id={errorId} className="error" role="alert">
          {t('common.labelled', { label, text: problem })}
        </span>
      )}
    </>
  );
}
