import { useId, useState } from 'react';
import { normaliseDate, readDate } from '../../../src-shared/text/date';
import { useSay, useT } from '../i18n';
import { dateRefusal } from '../i18n/date';

interface Props {
  label: string;
  /** YYYY-MM-DD, or '' when not given yet. */
  value: string;
  onCommit: (iso: string) => void;
  disabled?: boolean;
  /** A date the form needs: emptied, the field says so (「缺少此项（必填）」) as it says any refusal. */
  required?: boolean;
  /**
   * The form's own refusal of the date held (a rule beyond the date being a day, e.g. a visit after
   * today), said beside the text as the date rule's refusals are; shown when the text reads as a day.
   */
  refusal?: string | null;
  /** For end-to-end tests that find the field by a test id. */
  testId?: string;
}

/**
 * A date typed as people here write it (2026-12-01, 2026/12/1, 2026年12月1日, full-width digits),
 * read by the one date reader (src-shared/text/date.ts) and kept as YYYY-MM-DD — never the
 * browser locale's month-first picker. What cannot be read stays on screen with its error — the
 * date rule's own sentence (`DateSchema`'s, in Chinese) — and is committed as every door
 * normalises it (`normaliseDate`: 2026/2/30 as 2026-02-30), so the form's own check refuses it
 * with the same sentence, and no earlier keystroke's day is kept behind it; an emptied field
 * commits '' (the form's check then names it as missing).
 */
export function DateInput({ label, value, onCommit, disabled, required, refusal, testId }: Props) {
  const t = useT();
  const say = useSay();
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const shown = draft ?? value;
  // Judged as shown: what is being typed, or the value held (a form saved with a day that does not
  // exist shows its error again when it is opened).
  const read = readDate(shown);
  const error = read.ok
    ? (refusal ?? null)
    : read.kind === 'missing' && !required
      ? null
      : say(dateRefusal(read));
  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        data-testid={testId}
        aria-label={label}
        placeholder={t('date.placeholder')}
        aria-invalid={error !== null}
        aria-required={required}
        aria-describedby={error ? errorId : undefined}
        value={shown}
        disabled={disabled}
        onChange={(e) => {
          const typed = e.target.value;
          setDraft(typed);
          onCommit(normaliseDate(typed));
        }}
        onBlur={() =>
          setDraft((d) => {
            if (d === null) return null;
            const r = readDate(d);
            return !r.ok && r.kind !== 'missing' ? d : null;
          })
        }
      />
      {error && (
        <span id={errorId} className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
