/**
 * For the inspection store's unit tests: an assignment of the demand D-2026-01 as the bureau
 * issues it, held on the team's laptop, and its leader 李检查 enrolled to sign under it.
 */
import type { InspectionAssignment } from '../../../src-shared/bundle';
import { CHECKLIST_TEMPLATES } from '../../../src-shared/inspection/checklist';

export const assignment = (id: string): InspectionAssignment => ({
  formatVersion: 1,
  assignmentId: id,
  subject: { type: 'demand', id: 'D-2026-01' },
  purpose: '评榜：核实技术需求的真实性',
  sites: [{ name: '采出水处理站', address: '' }],
  team: [{ id: 'I01', name: '李检查', role: 'leader' }],
  checklist: [...CHECKLIST_TEMPLATES.demand.items],
  reportTo: {
    name: '克拉玛依市科学技术局',
    ageRecipient: 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx',
  },
  issuedOn: '2026-09-02',
  dueBy: '2026-09-30',
});

/** The assignment `id` as imported on the team's laptop (meta 'inspection.assignments'). */
export const heldAssignment = (id: string) => ({
  manifestSha256: '0'.repeat(64),
  assignment: assignment(id),
  importedAt: '2026-09-03T09:00:00+08:00',
});

/** 李检查 enrolled to sign reports under `assignmentId` (meta 'inspection.inspectors'). */
export const enrolledInspector = (assignmentId: string) => ({
  id: 'I01',
  name: '李检查',
  assignmentId,
  fingerprint: 'f'.repeat(64),
  counter: 0,
  enrolledAt: '2026-09-03T09:00:00+08:00',
});
