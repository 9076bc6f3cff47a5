/**
 * Sample documents after the award, for the sample task book (resources/sample/taskbook.json,
 * a horse race of A01 and A02, 800 万元 city funds, 2027-01-01 to 2029-06-30): tests, the bundle
 * registry's samples and the CLI's fixtures start from these.
 */
import type {
  AcceptanceForm,
  ExtensionForm,
  MilestoneAssessmentForm,
  RaceChoice,
  TerminationForm,
} from './documents';

const TB = 'TB-KLMY-2026-001';

/** M2 failed on one indicator: its 320 万元 held. */
export const sampleAssessment = (): MilestoneAssessmentForm => ({
  formatVersion: 1,
  assessmentId: 'MA-M2-1',
  taskBookId: TB,
  milestoneId: 'M2',
  assessedOn: '2028-04-10',
  indicators: [
    { indicator: '出水含油量', target: '≤ 5 mg/L', result: '4.2 mg/L', passed: true },
    { indicator: '出水悬浮物', target: '≤ 2 mg/L', result: '3.1 mg/L', passed: false },
  ],
  evidence: [],
  passed: false,
  tranche: '320',
  effect: 'held',
  released: '0',
  reason: '出水悬浮物未达到任务书指标，整改复核后再拨付',
  assessors: ['王建国', '刘敏'],
  technicalManager: '陈立新',
  approvedOn: '2028-04-15',
  opinion: '',
});

/** The race stage: A01 chosen over A02. */
export const sampleRaceChoice = (): RaceChoice => ({
  formatVersion: 1,
  choiceId: 'RC-1',
  taskBookId: TB,
  assessedOn: '2027-12-20',
  solvers: [
    {
      applicantId: 'A01',
      name: '新疆水处理技术研究院（示例）',
      score: 88,
      passed: true,
      raceShare: '120',
      note: '',
    },
    {
      applicantId: 'A02',
      name: '西部石油大学（示例）牵头联合体',
      score: 79,
      passed: true,
      raceShare: '120',
      note: '',
    },
  ],
  chosenId: 'A01',
  reason: '中试出水指标全部达到，工艺路线成熟度更高',
  approvedOn: '2027-12-28',
});

/** Requested 20 calendar days before the end: too late under 第十九条. */
export const sampleLateExtension = (): ExtensionForm => ({
  formatVersion: 1,
  formId: 'EXT-1',
  taskBookId: TB,
  form: 'extension',
  requestedOn: '2029-06-10',
  currentEnd: '2029-06-30',
  newEnd: '2030-03-31',
  reason: '现场中试因检修停产三个月',
  objectiveCause: true,
  previousExtensions: 0,
});

export const sampleTermination = (): TerminationForm => ({
  formatVersion: 1,
  formId: 'TRM-1',
  taskBookId: TB,
  form: 'termination',
  decision: 'terminate',
  decidedOn: '2028-09-01',
  reason: '核心工艺被证明不可行，项目无法继续实施',
  cityDisbursed: '240',
  citySpent: '185.5',
  bureauApproved: true,
  issuerApproved: true,
});

export const sampleFailedAcceptance = (): AcceptanceForm => ({
  formatVersion: 1,
  formId: 'ACC-1',
  taskBookId: TB,
  form: 'acceptance',
  appliedOn: '2029-07-20',
  evaluatedOn: '2029-08-15',
  hasUserTechnicalEvaluation: true,
  materials: ['self-evaluation', 'technical-report', 'final-accounts', 'audit-report'],
  outcome: 'fail',
  failureCause: 'not-objective',
  opinion: '关键指标未完成，且未按任务书开展中试',
  cityDisbursed: '560',
});
