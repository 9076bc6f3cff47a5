import { useEffect, useId, useRef, useState } from 'react';
import { stepPoints, type TypedPoints } from '../../../src-shared/scoring/sheet';

/**
 * Digits and a point with nothing after it yet: 17.5 being typed. The reader refuses `17.` (a
 * plain decimal has digits after its point), but the field says so only once it is left.
 */
const TYPING_A_POINT = /^\s*[-－−]?[0-9０-９]+[.．]\s*$/u;

interface Props {
  label: string;
  value: number | undefined;
  step: number;
  max: number;
  invalid: boolean;
  /** The criterion's reader (`readTypedPoints`): what it refuses is held, never committed. */
  read: (typed: string) => TypedPoints;
  onCommit: (points: number | null) => void;
  /**
   * Told the reader's sentence while the field shows text it refused, or null once it reads: the
   * value saved before is then no longer what is shown (the total leaves it out; 未保存).
   */
  onHeld?: (why: string | null, text: string) => void;
}

/**
 * Score entry for the keyboard: what is typed is read by the criterion's reader (src-shared
 * readTypedPoints, as a transcribed cell is) — full-width digits and points (１７．５, from a Chinese
 * IME) count as the digits they are, a minus sign is kept (and the range check then names it), and
 * anything that is not a plain decimal (十八分, 0x11, 1e1, .5, 17., +17, -0) or has more places than the step is
 * shown as an error in place (`17.`, 17.5 half typed, once the field is left) and never committed
 * or silently dropped (`onHeld` says so). ↑/↓ step by the rubric's step within 0…max, in decimals (`stepPoints`);
 * Tab moves on. Every readable entry is committed at once (autosave).
 */
export function PointsInput({
  label,
  value,
  step,
  max,
  invalid,
  read: reader,
  onCommit,
  onHeld,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const errorId = useId();
  // Gone (another applicant, the screen left): what it held is held no more.
  const held = useRef(onHeld);
  useEffect(() => {
    held.current = onHeld;
  });
  useEffect(() => () => held.current?.(null, ''), []);
  const shown = draft ?? (value === undefined ? '' : String(value));
  const read = draft === null ? null : reader(draft);
  const typing = focused && draft !== null && TYPING_A_POINT.test(draft);
  const error = read && !read.ok && !typing ? read.message : null;
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || error !== null}
        aria-describedby={error ? errorId : undefined}
        value={shown}
        onFocus={() => {
          setFocused(true);
          setDraft(shown);
        }}
        // An unreadable entry stays on screen with its error until it is corrected.
        onBlur={() => {
          setFocused(false);
          setDraft((d) => (d !== null && !reader(d).ok ? d : null));
        }}
        onChange={(e) => {
          const v = e.target.value;
          setDraft(v);
          const r = reader(v);
          if (r.ok) onCommit(r.value);
          onHeld?.(r.ok ? null : r.message, v);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const next = stepPoints(value, e.key === 'ArrowUp' ? 1 : -1, { step, maxPoints: max });
          setDraft(String(next));
          onCommit(next);
          onHeld?.(null, String(next));
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
