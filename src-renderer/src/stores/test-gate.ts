/**
 * For the stores' "turns" tests: a read that a test holds after it has read the database, until
 * the test lets it go — a screen's load begun before a write and ending after it. Made in a test's
 * `vi.hoisted` (`await vi.hoisted(async () => (await import('./test-gate')).readGate())`) and
 * wrapped around the workflow's read in its `vi.mock`: `read: (...a) => gate.after(() => original(...a))`.
 */
export interface ReadGate {
  /** The next read is held after it has read. */
  hold(): void;
  /** Lets the held read go. */
  release(): void;
  /** Whether the held read has read (and now waits). */
  readonly read: boolean;
  /** Runs `read`, holding its result when {@link hold} was called before it. */
  after<T>(read: () => Promise<T>): Promise<T>;
}

export function readGate(): ReadGate {
  let armed = false;
  let hasRead = false;
  let held: Promise<void> = Promise.resolve();
  let release = (): void => undefined;
  return {
    hold: () => {
      armed = true;
      hasRead = false;
      held = new Promise<void>((r) => {
        release = r;
      });
    },
    release: () => release(),
    get read() {
      return hasRead;
    },
    after: async (read) => {
      const holding = armed;
      armed = false;
      const result = await read();
      if (!holding) return result;
      hasRead = true;
      await held;
      return result;
    },
  };
}

/**
 * Lets the held read go once `work` has had time to finish first, if it could (300 ms: a chance
 * given, never a condition of passing), then waits for both.
 */
export async function releaseAfter(
  gate: ReadGate,
  loading: Promise<unknown>,
  work: Promise<unknown>,
): Promise<void> {
  await Promise.race([work, new Promise((r) => setTimeout(r, 300))]);
  gate.release();
  await Promise.all([loading, work]);
}
