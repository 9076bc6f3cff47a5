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
  /**
   * The rule's refusal of an amount that reads (the measures' bounds: `建议经费不能为 0 万元…`), or
   * null when the rule takes it. A refused amount is held as unreadable text is — shown with the
   * rule's sentence, never committed (the top bar: 未保存).
   */
  refuse?: (amount: string) => string | null;
  /** The sentence's `data-testid`, for a screen whose tests find it by name. */
  errorTestId?: string;
}

/**
 * An amount in 万元 as typed, read by the one reader of every door (`parseMoneyInput`): full-width
 * digits and point as digits, thousands separators where an official writes them (1,000), the
 * amount committed canonical (1000). While it is being typed (12.) or when it is no amount it
 * stays on screen with the reader's sentence saying what is wrong, and nothing is committed or
 * dropped. An emptied field commits ''.
 */
export function AmountInput({
  label,
  value,
  onCommit,
  onHeld,
  held: kept,
  disabled,
  refuse,
  errorTestId,
}: Props) {
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
  // What is typed, as the reader and then the rule say it: the reader's sentence names the field,
  // the rule's names the amount itself (建议经费 …).
  const judge = (typed: string): { amount: string } | { problem: string } => {
    const amount = parseMoneyInput(typed);
    if (!amount.ok) return { problem: t('common.labelled', { label, text: amount.message }) };
    const refused = amount.value === null ? null : (refuse?.(amount.value) ?? null);
    return refused === null ? { amount: amount.value ?? '' } : { problem: refused };
  };
  const read = draft === null ? null : judge(draft);
  const problem = read && 'problem' in read ? read.problem : null;
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
          const judged = judge(typed);
          if ('amount' in judged) onCommit(judged.amount);
          onHeld?.('problem' in judged ? judged.problem : null, typed);
        }}
        onBlur={() => setDraft((d) => (d !== null && problem ? d : null))}
        className="amount"
      />
      {problem && (
        <span id={errorId} className="error" role="alert" data-testid={errorTestId}>
          {problem}
        </span>
      )}
    </>
  );
}
