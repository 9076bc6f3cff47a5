/**
 * What a task-book draft's format refuses of what was typed (a day that does not exist, a bidi
 * control character, …), in the words every door says it (`checkDraft`): the editor shows such a
 * value and holds it 未保存, never writing it (stores/taskbook.ts).
 */
import type { TaskBook } from '../model';
import { checkDraft, type TaskBookDraft } from './draft';

/** A field the format refuses: where, and the sentence every door says of it. */
export interface FormatIssue {
  path: readonly (string | number)[];
  message: string;
}

type Path = readonly (string | number)[];

/** The draft as a task book's shape for the rules: the editor's spare empty lines dropped. */
export function shapeOfDraft(draft: TaskBookDraft): TaskBook {
  return {
    ...draft,
    milestones: draft.milestones.map((m) => ({
      ...m,
      deliverables: m.deliverables.filter((d) => d.trim() !== ''),
      indicators: m.indicators.filter((d) => d.trim() !== ''),
    })),
    raceStageTargets: draft.raceStageTargets.map((r) => ({
      ...r,
      targets: r.targets.filter((t) => t.trim() !== ''),
    })),
    funding: {
      city: draft.funding.city,
      issuer: draft.funding.issuer,
      selfRaised: draft.funding.selfRaised,
      ...(draft.funding.contractAmount === undefined || draft.funding.contractAmount === ''
        ? {}
        : { contractAmount: draft.funding.contractAmount }),
    },
  };
}

/** The value at `path` in `root`, or undefined. */
function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = Reflect.get(v, k);
  }
  return v;
}

/**
 * What the format refuses of what was typed in `draft`: a field holding text the task book cannot
 * hold (2027-02-30, a bidi control character, …), each with the sentence every door says
 * (`checkDraft`, the same as `jiebang check`). A field left empty is not refused — it is not
 * filled in yet, and the checks name it as missing.
 */
export function refusedValues(draft: TaskBookDraft): FormatIssue[] {
  const checked = checkDraft(draft);
  if (checked.ok) return [];
  const shape = shapeOfDraft(draft);
  return checked.issues.filter((i) => {
    const v = valueAt(shape, i.path);
    return typeof v === 'string' && v.trim() !== '';
  });
}

/** Whether `after` refuses nothing `before` did not already (an edit that may be written). */
export function refusesNothingNew(before: TaskBookDraft, after: TaskBookDraft): boolean {
  const was = new Set(refusedValues(before).map((i) => `${i.path.join('.')}\n${i.message}`));
  return refusedValues(after).every((i) => was.has(`${i.path.join('.')}\n${i.message}`));
}
