/**
 * Chunks fetched ahead of need, while the page is idle (issue 22): the first screen ships only the
 * profile gate, so the code for what comes next (the profile workflow and database, the screens)
 * is loaded after the gate has painted, one module per idle period, never in the way of input.
 */

type Loader = () => Promise<unknown>;

/** Runs `task` when the page is next idle (within 2 s at the latest); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 200);
  return () => window.clearTimeout(id);
}

/**
 * Loads each of `loaders` in turn, each in an idle period after the previous has arrived; a
 * failed fetch is left for the screen itself to report when it is opened. Returns a cancel.
 */
export function preloadInTurn(loaders: readonly Loader[]): () => void {
  let cancelled = false;
  let cancelIdle = (): void => undefined;
  const next = (i: number): void => {
    const load = loaders[i];
    if (cancelled || !load) return;
    cancelIdle = whenIdle(() => {
      void load()
        .catch(() => undefined)
        .then(() => next(i + 1));
    });
  };
  next(0);
  return () => {
    cancelled = true;
    cancelIdle();
  };
}
