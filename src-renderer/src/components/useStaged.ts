import { startTransition, useEffect, useState } from 'react';
import { afterPaint } from '../frames';

interface Staged<V> {
  /** The value the stages are catching up with. */
  value: V | null;
  /** How many stages draw it already. */
  shown: number;
  /** What each stage draws: the value, or until its turn comes the one it drew before. */
  drawn: readonly (V | null)[];
}

/**
 * A screen's later parts drawn one after another (issue 22: the first part paints in a short task
 * of its own, the rest follow in later short tasks rather than in one long render). Whenever
 * `value` changes (new figures), stage 1 takes it after the next frame is painted (`afterPaint`:
 * or after a short wait if the window draws no frame), stage 2 a frame after that, and so on, each as a transition; until its turn a stage keeps what it drew before,
 * so a part once drawn is never unmounted under the user's hands (null: not drawn yet).
 *
 * @param value what the first part draws now (null: nothing yet).
 * @param stages the number of later parts.
 * @returns for each later part (index 0 = stage 1), the value it draws.
 */
export function useStaged<V>(value: V | null, stages: number): readonly (V | null)[] {
  const [state, setState] = useState<Staged<V>>(() => ({
    value,
    shown: 0,
    drawn: Array.from({ length: stages }, () => null),
  }));
  // New figures: every stage catches up again (state adjusted while rendering, as React advises).
  let current = state;
  if (state.value !== value) {
    current = { value, shown: 0, drawn: state.drawn };
    setState(current);
  }
  const { shown } = current;
  useEffect(() => {
    if (value === null || shown >= stages) return;
    // After the next frame is painted — or, in a window that draws none (minimised), after a
    // short wait: a stage never waits for the window to be shown again.
    return afterPaint(() =>
      startTransition(() =>
        setState((s) =>
          s.value !== value || s.shown >= stages
            ? s
            : {
                value,
                shown: s.shown + 1,
                drawn: s.drawn.map((d, i) => (i === s.shown ? value : d)),
              },
        ),
      ),
    );
  }, [value, shown, stages]);
  return current.drawn;
}
