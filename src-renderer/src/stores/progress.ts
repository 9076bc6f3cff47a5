import { create } from 'zustand';
import { ProgressSchema, type Progress } from '../../../src-shared/ipc-gate';
import { onProgress } from '../bridge';
import type { Message } from '../i18n/strings';

/**
 * Long work in progress, by task id: the bridge's events (reading or writing a large file) and
 * the renderer's own (building, encrypting, verifying a bundle) land here; <ProgressPanel> shows
 * them.
 */
interface ProgressState {
  tasks: Record<string, Progress & { label: Message | null }>;
  report: (progress: Progress, label?: Message) => void;
  finish: (task: string) => void;
}

export const useProgressStore = create<ProgressState>()((set) => ({
  tasks: {},
  report: (progress, label) =>
    set((s) => ({
      tasks: {
        ...s.tasks,
        [progress.task]: { ...progress, label: label ?? s.tasks[progress.task]?.label ?? null },
      },
    })),
  finish: (task) =>
    set((s) => {
      const { [task]: _done, ...rest } = s.tasks;
      return { tasks: rest };
    }),
}));

export const useTasks = () => useProgressStore((s) => s.tasks);

let counter = 0;

/** A phase of the renderer's own work, with bytes (or files) done of total. */
export type Report = (phase: string, done: number, total: number, unit?: Progress['unit']) => void;

/**
 * Runs long work as a labelled task: `work` gets the task id (to hand to a channel) and a
 * `report` callback (for the renderer's own phases); the task disappears when work settles.
 */
export async function withProgress<T>(
  label: Message,
  work: (task: string, report: Report) => Promise<T>,
): Promise<T> {
  const task = `t${Date.now().toString(36)}${(counter++).toString(36)}`;
  const { report, finish } = useProgressStore.getState();
  report({ task, phase: 'read', done: 0, total: 0 }, label);
  try {
    return await work(task, (phase, done, total, unit) => {
      const known = ProgressSchema.shape.phase.safeParse(phase);
      if (known.success)
        report({ task, phase: known.data, done, total, ...(unit ? { unit } : {}) }, label);
    });
  } finally {
    finish(task);
  }
}

/** The bridge's progress events into the store; returns unsubscribe (App mounts it once). */
export const subscribeToProgress = (): (() => void) =>
  onProgress((p) => useProgressStore.getState().report(p));
