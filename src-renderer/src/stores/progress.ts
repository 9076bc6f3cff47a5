import { create } from 'zustand';
import { ProgressSchema, type Progress } from '../../../src-shared/ipc';

/**
 * Long work in progress, by task id: main's events (reading or writing a large file) and the
 * renderer's own (building, encrypting, verifying a bundle) land here; <ProgressPanel> shows them.
 */
interface ProgressState {
  tasks: Record<string, Progress & { label: string }>;
  report: (progress: Progress, label?: string) => void;
  finish: (task: string) => void;
}

export const useProgressStore = create<ProgressState>()((set) => ({
  tasks: {},
  report: (progress, label) =>
    set((s) => ({
      tasks: {
        ...s.tasks,
        [progress.task]: { ...progress, label: label ?? s.tasks[progress.task]?.label ?? '' },
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

/**
 * Runs long work as a labelled task: `work` gets the task id (to hand to a channel) and a
 * `report` callback (for the renderer's own phases); the task disappears when work settles.
 */
export async function withProgress<T>(
  label: string,
  work: (
    task: string,
    report: (phase: Progress['phase'], done: number, total: number) => void,
  ) => Promise<T>,
): Promise<T> {
  const task = `t${Date.now().toString(36)}${(counter++).toString(36)}`;
  const { report, finish } = useProgressStore.getState();
  report({ task, phase: 'read', done: 0, total: 0 }, label);
  try {
    return await work(task, (phase, done, total) => report({ task, phase, done, total }, label));
  } finally {
    finish(task);
  }
}

/** Main's progress events, validated, into the store (Electron only; the web host reads locally). */
export function subscribeToMainProgress(): () => void {
  const events = window.jiebangEvents;
  if (!events) return () => undefined;
  return events.onProgress((raw) => {
    const parsed = ProgressSchema.safeParse(raw);
    if (parsed.success) useProgressStore.getState().report(parsed.data);
  });
}
