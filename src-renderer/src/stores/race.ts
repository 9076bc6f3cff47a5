/** The race stage's assessments (第十三条（三）) on the chair's desk, saved as entered. */
import { create } from 'zustand';
import type { MilestoneAssessment } from '../../../src-shared/model';
import {
  applyAssessmentEdit,
  loadAssessments,
  saveAssessments,
  type AssessmentEdit,
} from '../workflows/race';
import { today } from '../workflows/deps';
import { currentDeps, now } from './deps';
import { trackSave } from './save';

interface RaceStore {
  rows: MilestoneAssessment[] | null;
  load: () => Promise<void>;
  edit: (
    edit: AssessmentEdit,
    race: { packageId: string; solverIds: readonly string[]; actor: string },
  ) => void;
}

export const useRace = create<RaceStore>()((set, get) => ({
  rows: null,
  load: async () => set({ rows: await loadAssessments(currentDeps().db) }),
  edit: (edit, race) => {
    const next = applyAssessmentEdit(get().rows ?? [], edit, { ...race, today: today(now) });
    set({ rows: next });
    trackSave(saveAssessments(currentDeps(), next, edit, race.actor));
  },
}));
