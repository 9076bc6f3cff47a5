/**
 * Edits of a task-book draft as pure functions: the editor sends a `TaskBookEdit`, the renderer's
 * workflow applies it with `applyTaskBookEdit` and saves the draft. A final task book is never
 * changed (it is reopened as a draft first, on the record).
 */
import type { TaskBookDraft } from './draft';

type Draft = TaskBookDraft;
export type DraftParty = Draft['parties'][number];
export type DraftMilestone = Draft['milestones'][number];
export type DraftChiefExpert = NonNullable<DraftParty['chiefExpert']>;

/** The funding fields (万元); `contractAmount` only for 企业出题 (第十三条（二）). */
export type FundingKey = keyof Draft['funding'];

export type TaskBookEdit =
  | { type: 'basics'; patch: Partial<Pick<Draft, 'contractNumber' | 'title' | 'objectives'>> }
  | { type: 'period'; patch: Partial<Draft['period']> }
  | {
      type: 'party';
      index: number;
      patch: Partial<Pick<DraftParty, 'name' | 'representative' | 'address'>>;
    }
  /** A solver's own chief expert (第十二条（八）). */
  | { type: 'chief-expert'; index: number; patch: Partial<DraftChiefExpert> }
  /** `applicantId: null`: the milestone applies to every solver. */
  | {
      type: 'milestone';
      index: number;
      patch: Partial<Omit<DraftMilestone, 'id' | 'applicantId'>> & { applicantId?: string | null };
    }
  | { type: 'add-milestone' }
  | { type: 'remove-milestone'; index: number }
  | { type: 'race-targets'; applicantId: string; targets: string[] }
  | { type: 'ip'; patch: Partial<Draft['intellectualProperty']> }
  | { type: 'funding'; key: FundingKey; value: string };

/** The first id M<n> not yet taken, counting on from the number of milestones. */
export function nextMilestoneId(milestones: readonly DraftMilestone[]): string {
  let n = milestones.length + 1;
  while (milestones.some((m) => m.id === `M${n}`)) n++;
  return `M${n}`;
}

/** A list field as typed in a textarea, one item a line (empty lines are dropped on check). */
export const linesOf = (text: string): string[] => text.split('\n');

const at = <T>(list: readonly T[], index: number, change: (item: T) => T): T[] =>
  list.map((item, k) => (k === index ? change(item) : item));

function editMilestone(
  m: DraftMilestone,
  patch: Extract<TaskBookEdit, { type: 'milestone' }>['patch'],
): DraftMilestone {
  const { applicantId, ...rest } = patch;
  const next = { ...m, ...rest };
  if (applicantId === undefined) return next;
  const { applicantId: _old, ...all } = next;
  return applicantId === null ? all : { ...all, applicantId };
}

function edit(d: Draft, e: TaskBookEdit): Draft {
  switch (e.type) {
    case 'basics':
      return { ...d, ...e.patch };
    case 'period':
      return { ...d, period: { ...d.period, ...e.patch } };
    case 'party':
      return { ...d, parties: at(d.parties, e.index, (p) => ({ ...p, ...e.patch })) };
    case 'chief-expert':
      return {
        ...d,
        parties: at(d.parties, e.index, (p) =>
          p.role !== 'solver'
            ? p
            : {
                ...p,
                chiefExpert: {
                  name: '',
                  title: '',
                  organisation: '',
                  ...p.chiefExpert,
                  ...e.patch,
                },
              },
        ),
      };
    case 'milestone':
      return { ...d, milestones: at(d.milestones, e.index, (m) => editMilestone(m, e.patch)) };
    case 'add-milestone':
      return {
        ...d,
        milestones: [
          ...d.milestones,
          {
            id: nextMilestoneId(d.milestones),
            title: '',
            due: d.period.end,
            deliverables: [''],
            indicators: [],
            tranche: '0',
          },
        ],
      };
    case 'remove-milestone':
      return { ...d, milestones: d.milestones.filter((_, k) => k !== e.index) };
    case 'race-targets':
      return {
        ...d,
        raceStageTargets: [
          ...d.raceStageTargets.filter((r) => r.applicantId !== e.applicantId),
          { applicantId: e.applicantId, targets: e.targets },
        ].sort((a, b) => a.applicantId.localeCompare(b.applicantId)),
      };
    case 'ip':
      return { ...d, intellectualProperty: { ...d.intellectualProperty, ...e.patch } };
    case 'funding':
      return { ...d, funding: { ...d.funding, [e.key]: e.value.trim() } };
    default: {
      const unknown: never = e;
      throw new Error(`unknown task-book edit ${JSON.stringify(unknown)}`);
    }
  }
}

/** The draft with `e` applied; a final task book is returned unchanged. */
export function applyTaskBookEdit(draft: Draft, e: TaskBookEdit): Draft {
  return draft.status === 'final' ? draft : edit(draft, e);
}
