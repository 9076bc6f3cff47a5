import { useState } from 'react';

interface Props {
  label: string;
  value: number | undefined;
  step: number;
  max: number;
  invalid: boolean;
  onCommit: (points: number | null) => void;
}

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Score entry for the keyboard: digits and a decimal point as typed (an unfinished "17." is kept
 * on screen and not committed), ↑/↓ step by the rubric's step within 0…max, Tab moves on.
 * Every complete number is committed at once (autosave).
 */
export function PointsInput({ label, value, step, max, invalid, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === undefined ? '' : String(value));
  return (
    <input
      type="text"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid}
      value={shown}
      onFocus={() => setDraft(shown)}
      onBlur={() => setDraft(null)}
      onChange={(e) => {
        const v = e.target.value.replace(/[^\d.]/g, '');
        setDraft(v);
        if (v === '') onCommit(null);
        else if (NUMBER.test(v)) onCommit(Number(v));
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        const base = value ?? 0;
        const next = Math.min(
          max,
          Math.max(0, Math.round((base + (e.key === 'ArrowUp' ? step : -step)) / step) * step),
        );
        setDraft(String(next));
        onCommit(next);
      }}
    />
  );
}
