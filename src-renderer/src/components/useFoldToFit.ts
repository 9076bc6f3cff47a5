import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Room (px) the box must have beyond the width measured at a step before that step unfolds: more
 * than a scroll bar, so a page scroll bar coming or going cannot make it fold and unfold in turn.
 */
export const UNFOLD_MARGIN = 24;

/**
 * The fold a box needs, from what is drawn now: content `width` px wide, folded `fold` of `steps`
 * steps, in a box `room` px wide. Wider than the box: one step more (if there is one), and the
 * width is noted as what `fold` needs. Narrower: one step less when the box has room for what that
 * step was measured to need (`needs[fold - 1]`, or its least width until measured) plus the margin.
 * `needs` is updated in place.
 */
export function nextFold(
  fold: number,
  steps: number,
  width: number,
  room: number,
  needs: number[],
): number {
  if (width > room) {
    if (fold >= steps) return fold;
    needs[fold] = width;
    return fold + 1;
  }
  if (fold > 0 && (needs[fold - 1] ?? Infinity) + UNFOLD_MARGIN <= room) return fold - 1;
  return fold;
}

/**
 * The first step whose least width fits a window `room` px wide (nothing is known of the box
 * before it is drawn, but it is no wider than the window).
 */
export function firstFold(steps: number, leastWidths: readonly number[], room: number): number {
  let step = 0;
  while (step < steps && (leastWidths[step] ?? 0) > room) step++;
  return step;
}

/**
 * How many of `steps` foldings a scrolling box needs for its content to be no wider than the box
 * (the chair's ranking: 0 every column in the table; 1 the experts' totals folded into each row's
 * detail; 2 the criterion means too). Measured, never guessed from fonts: the content is drawn and
 * folded one step more while it is wider than the box (before the browser paints it); a step
 * unfolds when the box has grown wider than the content was, measured at that step, plus a margin
 * — on a resize of the box or of its table, as a window is resized or rows scroll into view.
 *
 * `leastWidths[i]`: a width (px) the content folded `i` steps is never narrower than, so that a
 * panel whose table cannot fit the window is not drawn unfolded first. `content` changes when what
 * is drawn changes (a new table: its widths are measured again). Both are memoised by the caller.
 */
export function useFoldToFit(
  box: RefObject<HTMLElement | null>,
  steps: number,
  leastWidths: readonly number[],
  content: unknown,
): number {
  const [fold, setFold] = useState(() =>
    firstFold(steps, leastWidths, typeof window === 'undefined' ? Infinity : window.innerWidth),
  );
  // The content's width measured at each step (its least width until measured).
  const needs = useRef<number[]>([...leastWidths]);
  const measured = useRef<unknown>(content);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (measured.current !== content) {
      measured.current = content;
      needs.current = [...leastWidths];
    }
    const check = () => {
      const next = nextFold(fold, steps, el.scrollWidth, el.clientWidth, needs.current);
      if (next !== fold) setFold(next);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    const table = el.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [box, fold, steps, leastWidths, content]);
  return Math.min(fold, steps);
}
