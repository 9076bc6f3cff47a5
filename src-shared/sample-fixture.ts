/**
 * The bundled sample, for tests in src-shared (JSON imports are isomorphic: no file system).
 */
import pkgJson from '../resources/sample/review-package.json';
import e01 from '../resources/sample/sheets/E01.json';
import e02 from '../resources/sample/sheets/E02.json';
import e03 from '../resources/sample/sheets/E03.json';
import e04 from '../resources/sample/sheets/E04.json';
import e05 from '../resources/sample/sheets/E05.json';
import e06 from '../resources/sample/sheets/E06.json';
import e07 from '../resources/sample/sheets/E07.json';
import {
  ReviewPackageSchema,
  ScoreSheetSchema,
  type PanelDecision,
  type ReviewPackage,
  type ScoreSheet,
} from './model';

export const samplePackage = (): ReviewPackage =>
  ReviewPackageSchema.parse(structuredClone(pkgJson));
export const sampleSheets = (): ScoreSheet[] =>
  [e01, e02, e03, e04, e05, e06, e07].map((s) => ScoreSheetSchema.parse(structuredClone(s)));

/** A panel decision on the sample: a horse race of A01 and A02, 400万元 each. */
export function sampleDecision(over: Partial<PanelDecision> = {}): PanelDecision {
  return {
    formatVersion: 2,
    packageId: 'KLMY-2026-JB-001',
    chairExpertId: 'E01',
    ranking: [],
    tieBreaks: [],
    recommendedIds: ['A01', 'A02'],
    horseRace: {
      solverIds: ['A01', 'A02'],
      reason: '评分接近且技术路线不同',
      raceStageShare: '0.3',
    },
    approvedFunding: [
      { applicantId: 'A01', amount: '400' },
      { applicantId: 'A02', amount: '400' },
    ],
    approvedTotal: '800',
    opinion: '同意推荐。',
    dissent: [],
    deviationReasons: [],
    absences: [],
    decidedAt: '2026-12-08T12:00:00+08:00',
    ...over,
  };
}
