import { useId, useState } from 'react';
import { stepPoints } from '../../../src-shared/scoring/sheet';
import { parsePlainDecimal } from '../../../src-shared/text/normalize';

interface Props {
  label: string;
  value: number | undefined;
  step: number;
  max: number;
  invalid: boolean;
  onCommit: (points: number | null) => void;
}

/**
 * Score entry for the keyboard: what is typed is read by the one score reader (src-shared
 * parsePlainDecimal) — full-width digits and points (１７．５, from a Chinese IME) count as the
 * digits they are, a minus sign is kept (and the range check then names it), and anything that is
 * not a plain decimal (十八分, 0x11, 1.7e1) is shown as an error in place and never committed or
 * silently dropped. ↑/↓ step by the rubric's step within 0…max, in decimals (`stepPoints`);
 * Tab moves on. Every readable entry is committed at once (autosave).
 */
export function PointsInput({ label, value, step, max, invalid, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const shown = draft ?? (value === undefined ? '' : String(value));
  const read = draft === null ? null : parsePlainDecimal(draft);
  const error = read && !read.ok ? read.message : null;
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || error !== null}
        aria-describedby={error ? errorId : undefined}
        value={shown}
        onFocus={() => setDraft(shown)}
        // An unreadable entry stays on screen with its error until it is corrected.
        onBlur={() => setDraft((d) => (d !== null && !parsePlainDecimal(d).ok ? d : null))}
        onChange={(e) => {
          const v = e.target.value;
          setDraft(v);
          const r = parsePlainDecimal(v);
          if (r.ok) onCommit(r.value);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const next = stepPoints(value, e.key === 'ArrowUp' ? 1 : -1, { step, maxPoints: max });
          setDraft(String(next));
          onCommit(next);
        }}
      />
      {error && (
        <span id={errorId} className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
