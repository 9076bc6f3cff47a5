/**
 * Synthetic panels for benchmarks and tests: N experts × M applicants × K criteria, deterministic
 * by seed (a small xorshift generator, so the same seed gives the same package everywhere).
 */
import type { ReviewPackage, ScoreSheet } from '../model';

export interface SyntheticSpec {
  experts: number;
  applicants: number;
  criteria: number;
  seed?: number;
  /** Fraction of (expert, applicant) pairs recused. */
  recusalRate?: number;
}

function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generatePanel(spec: SyntheticSpec): { pkg: ReviewPackage; sheets: ScoreSheet[] } {
  const random = rng(spec.seed ?? 1);
  const maxPoints = Math.round((100 / spec.criteria) * 2) / 2;
  const pkg: ReviewPackage = {
    formatVersion: 1,
    packageId: `SYN-${spec.experts}x${spec.applicants}x${spec.criteria}`,
    title: `合成评审包 ${spec.experts} 名专家 × ${spec.applicants} 家揭榜方`,
    bureau: {
      name: '克拉玛依市科学技术局',
      ageRecipient: 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx',
    },
    demand: {
      id: 'D-SYN',
      title: '合成榜单',
      issuer: {
        name: '合成发榜方',
        creditCode: '91650200MA78A1B2C3',
        kind: 'leading-enterprise',
        isLocal: true,
        hasFundingCommitment: true,
        isOnSanctionList: false,
        isEndUser: true,
      },
      projectType: 'industry-common',
      technicalRequirements: '合成',
      indicators: [{ id: 'I1', name: '指标', target: '≥ 1' }],
      budget: '1000',
      cityFunding: '1000',
      periodMonths: 30,
      allowsHorseRace: true,
    },
    applicants: Array.from({ length: spec.applicants }, (_, i) => ({
      id: `A${pad(i + 1, 4)}`,
      name: `揭榜方${i + 1}`,
      isConsortium: false,
      members: [
        {
          id: `M${pad(i + 1, 4)}`,
          name: `揭榜方${i + 1}`,
          creditCode: '91650200MA78A1B2C3',
          kind: 'enterprise',
          isLegalEntity: true,
          isOnSanctionList: false,
        },
      ],
      relations: [],
      chiefExpert: { name: `首席${i + 1}`, title: '研究员', organisationId: `M${pad(i + 1, 4)}` },
      technicalRoute: { id: `R${i % 5}`, label: `路线${i % 5}`, summary: '' },
      requestedFunding: '500',
      milestones: [],
      attachments: [],
    })),
    panel: {
      experts: Array.from({ length: spec.experts }, (_, i) => ({
        id: `E${pad(i + 1, 3)}`,
        name: `专家${i + 1}`,
        organisation: '合成单位',
        title: '',
        expertise: '',
        role: i === 0 ? 'chair' : 'member',
        nominatedBy: i === 0 ? 'demand-side' : 'agency',
      })),
      minSize: 5,
    },
    rubric: {
      commentBelowFraction: 0.6,
      criteria: Array.from({ length: spec.criteria }, (_, k) => ({
        id: `C${k + 1}`,
        name: `指标${k + 1}`,
        description: '',
        maxPoints,
        step: 0.5,
        guidanceBands: [],
        requiresComment: false,
      })),
    },
    aggregation: {
      method: 'trimmed-mean',
      trimMinSheets: 5,
      deviationThreshold: 15,
      tieBreakOrder: [],
      horseRaceCloseness: 3,
      passScore: 60,
      minValidSheets: 5,
    },
    schedule: { reviewDate: '2026-12-08' },
  };
  const quality = pkg.applicants.map(() => 0.5 + random() * 0.45);
  const sheets: ScoreSheet[] = pkg.panel.experts.map((e) => ({
    formatVersion: 1,
    packageId: pkg.packageId,
    expertId: e.id,
    status: 'submitted',
    scores: pkg.applicants.map((a, i) => {
      if (random() < (spec.recusalRate ?? 0)) {
        return {
          applicantId: a.id,
          recusal: { kind: 'collaboration', reason: '近三年合作' },
          criteria: [],
          overallOpinion: '',
        };
      }
      const criteria = pkg.rubric.criteria.map((c) => ({
        criterionId: c.id,
        points: Math.min(
          c.maxPoints,
          Math.max(
            0,
            Math.round(((quality[i] ?? 0.7) + (random() - 0.5) * 0.2) * c.maxPoints * 2) / 2,
          ),
        ),
        // Every sheet passes the rubric at every door: comments, and a reason below the pass score.
        comment: '合成评语',
      }));
      const total = criteria.reduce((t, c) => t + c.points, 0);
      return {
        applicantId: a.id,
        criteria,
        overallOpinion: '合成意见',
        ...(total < pkg.aggregation.passScore ? { deviationReason: '合成理由：低于及格线' } : {}),
      };
    }),
  }));
  return { pkg, sheets };
}
