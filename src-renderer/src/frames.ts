/**
 * Work put after the page's next painted frame — and never left waiting for one.
 *
 * Chromium calls `requestAnimationFrame` only when it draws a frame, and a window that is
 * minimised, hidden behind another desktop or (in headless Chromium) not being composited draws
 * none: work queued on a frame alone would wait until the window is shown again. The chair who
 * minimises the app during an import would find the sheets not stored and the decision form not
 * drawn (stop 41: the intermittent e2e failure of the desk's import). So each wait here is also
 * ended by a timer.
 */

/** The longest wait for a frame, in ms: past it, the work runs without one. */
export const FRAME_WAIT_MS = 100;

/**
 * Runs `then` once, in a task of its own, after the page's next frame is painted (a timeout queued
 * from the frame's callback runs after the paint), or after `waitMs` if no frame comes first.
 *
 * @param then the work; runs at most once.
 * @param waitMs the longest wait for a frame (ms), {@link FRAME_WAIT_MS} unless given.
 * @returns cancels the work if it has not run yet.
 */
export function afterPaint(then: () => void, waitMs = FRAME_WAIT_MS): () => void {
  let settled = false;
  let afterFrame: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const cancel = () => {
    settled = true;
    if (frame !== undefined && typeof cancelAnimationFrame === 'function')
      cancelAnimationFrame(frame);
    if (afterFrame !== undefined) clearTimeout(afterFrame);
    clearTimeout(fallback);
  };
  const run = () => {
    if (settled) return;
    cancel();
    then();
  };
  const fallback = setTimeout(run, waitMs);
  if (typeof requestAnimationFrame === 'function')
    frame = requestAnimationFrame(() => {
      frame = undefined;
      afterFrame = setTimeout(run, 0);
    });
  return cancel;
}

/** {@link afterPaint} as a promise: resolves after the next painted frame, or after `waitMs`. */
export const nextPaint = (waitMs = FRAME_WAIT_MS): Promise<void> =>
  new Promise((resolve) => {
    afterPaint(resolve, waitMs);
  });
