import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, FRAME_WAIT_MS, nextPaint } from './frames';

/** The page's frames, drawn when the test says (none at all: a minimised window). */
let frames: Map<number, () => void>;
let lastId: number;
const drawFrame = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const f of due) f();
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  lastId = 0;
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => {
    lastId += 1;
    frames.set(lastId, f);
    return lastId;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterPaint', () => {
  it('runs in a task of its own after the next frame, once', () => {
    const then = vi.fn();
    afterPaint(then);
    vi.advanceTimersByTime(FRAME_WAIT_MS - 1);
    expect(then).not.toHaveBeenCalled();
    drawFrame();
    // Not inside the frame's callback: in the task after it.
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(then).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(FRAME_WAIT_MS * 10);
    drawFrame();
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('in a window that draws no frame (minimised), runs after the wait, once', () => {
    const then = vi.fn();
    afterPaint(then);
    vi.advanceTimersByTime(FRAME_WAIT_MS - 1);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(then).toHaveBeenCalledTimes(1);
    // The frame the window draws when it is shown again runs nothing more.
    expect(frames.size).toBe(0);
    drawFrame();
    vi.advanceTimersByTime(FRAME_WAIT_MS * 10);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('cancelled, runs neither after a frame nor after the wait', () => {
    const then = vi.fn();
    afterPaint(then)();
    drawFrame();
    vi.advanceTimersByTime(FRAME_WAIT_MS * 10);
    expect(then).not.toHaveBeenCalled();
  });

  it('where there are no frames at all (Node, a worker), runs after the wait', async () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('requestAnimationFrame', undefined);
    let done = false;
    void nextPaint(5).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
