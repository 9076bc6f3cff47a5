/**
 * A store's lane: work that reads the database and sets what it read, and work that writes and sets
 * the same state, run one after another, each once the one before has settled (a failure does not
 * stop the lane). Without it a load begun before a write (a screen loads again when an object it
 * depends on changes) reads the database before the write's transaction and sets its older state
 * after the write's — what was just written gone from the screen, and the next edit made on the
 * older state. Each store keeps its own lane (`const inTurn = turns()`).
 *
 * A work in turn must not wait for another work of the same lane (it would wait for itself): an
 * action in turn that reads again calls the store's read directly, not its `load`.
 */
export function turns(): <T>(work: () => Promise<T>) => Promise<T> {
  let lane: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = lane.then(work);
    lane = next.catch(() => undefined);
    return next;
  };
}
