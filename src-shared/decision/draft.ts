/**
 * The draft panel decision from the aggregation and what the chair has chosen and written so far:
 * the chair's screen holds only `DecisionChoices`; everything else — the ranking, tie groups, the
 * opinion text with the method actually applied — is computed here, and the decision it yields is
 * what `checkPanelDecision` judges and what the chair signs.
 */
import { z } from 'zod';
import { fmt2, parseMoneyInput, sum } from '../money';
import { PANEL_DECISION_FORMAT, type PanelDecision, type ReviewPackage } from '../model';
import { METHOD_LABEL, NO_VALID_SHEETS, type AggregateResult } from '../scoring/aggregate';
import type { HorseRaceProposal } from '../scoring/horse-race';
import { formatDateZh } from '../text/date';
import { shareForWire } from './share';

/** What the chair decides and writes at the desk (the screen's whole state). */
export interface DecisionChoices {
  recommendedIds: string[];
  isHorseRace: boolean;
  overrideReason: string;
  /** As typed (a decimal between 0 and 1; empty until the panel writes one). */
  raceStageShare: string;
  /** Approved funding per applicant, as typed (万元). */
  funding: Record<string, string>;
  /** Reasons for deviating totals, by `${applicantId}/${expertId}`. */
  deviationReasons: Record<string, string>;
  /** Tie-break reasons, by tie group key (`tieGroupKey`). */
  tieReasons: Record<string, string>;
  /** Absent members (neither a sheet nor a recusal): expertId → why. */
  absences: Record<string, string>;
  belowMinValidSheetsReason: string;
  /** The opinion as edited; null while the chair keeps the template. */
  opinion: string | null;
  dissent: { expertId: string; reason: string }[];
}

/**
 * `DecisionChoices` as kept between sessions (the chair's draft, sealed in the profile's database):
 * read back through this schema, every field as typed (nothing here is judged — the decision it
 * yields is, by `checkPanelDecision`).
 */
export const DecisionChoicesSchema: z.ZodType<DecisionChoices> = z.object({
  recommendedIds: z.array(z.string()),
  isHorseRace: z.boolean(),
  overrideReason: z.string(),
  raceStageShare: z.string(),
  funding: z.record(z.string(), z.string()),
  deviationReasons: z.record(z.string(), z.string()),
  tieReasons: z.record(z.string(), z.string()),
  absences: z.record(z.string(), z.string()),
  belowMinValidSheetsReason: z.string(),
  opinion: z.string().nullable(),
  dissent: z.array(z.object({ expertId: z.string(), reason: z.string() })),
});

/**
 * The choices the desk opens with: the rules' proposal and nothing written. The race-stage share
 * starts empty: 第十三条（三） says a share is paid in the race stage but gives no number, so the
 * panel writes its own (until then `horseRace.stageShare` blocks signing).
 */
export function initialChoices(proposal: HorseRaceProposal): DecisionChoices {
  return {
    recommendedIds: proposal.candidateIds,
    isHorseRace: proposal.isRecommended,
    overrideReason: '',
    raceStageShare: '',
    funding: {},
    deviationReasons: {},
    tieReasons: {},
    absences: {},
    belowMinValidSheetsReason: '',
    opinion: null,
    dissent: [],
  };
}

/** Groups of applicants still tied after the declared tie-break order, each sorted by id. */
export function tieGroups(agg: AggregateResult): string[][] {
  const keys = new Set(
    agg.results
      .filter((r) => r.tiedWith.length > 0)
      .map((r) => tieGroupKey([r.applicantId, ...r.tiedWith])),
  );
  return [...keys].map((k) => k.split(','));
}

export const tieGroupKey = (ids: readonly string[]): string => [...ids].sort().join(',');

/** Deviating totals the sheets give no reason for: the chair records one for each. */
export function deviationsNeedingReason(
  agg: AggregateResult,
): { applicantId: string; expertId: string }[] {
  return agg.results.flatMap((r) =>
    r.experts
      .filter((e) => e.deviation && !(e.deviationReason ?? '').trim())
      .map((e) => ({ applicantId: r.applicantId, expertId: e.expertId })),
  );
}

/**
 * Funding as typed, read as money by the one reader (`parseMoneyInput`: full-width digits count);
 * what is not an amount counts as 0 (and the funding rule says so).
 */
export function approvedAmounts(
  choices: DecisionChoices,
): { applicantId: string; amount: string }[] {
  return choices.recommendedIds.map((id) => {
    const typed = parseMoneyInput(choices.funding[id] ?? '');
    return { applicantId: id, amount: typed.ok && typed.value !== null ? typed.value : '0' };
  });
}

/** Would the horse race chosen differ from the rules' proposal (an override needs a reason)? */
export function differsFromProposal(
  choices: DecisionChoices,
  proposal: HorseRaceProposal,
): boolean {
  if (!choices.isHorseRace) return false;
  const proposed = proposal.isRecommended ? proposal.candidateIds : [];
  return (
    choices.recommendedIds.length !== proposed.length ||
    choices.recommendedIds.some((id) => !proposed.includes(id))
  );
}

/**
 * The sentence saying how the figures were aggregated — the method actually applied, and why it
 * is not the package's where it is not (too few sheets to trim), and who has no valid sheet.
 */
export function methodSentence(pkg: ReviewPackage, agg: AggregateResult): string {
  const stated = METHOD_LABEL[pkg.aggregation.method];
  const scored = agg.results.filter((r) => r.method !== null);
  const fellBack = scored.filter((r) => r.method !== pkg.aggregation.method);
  const none = agg.results.filter((r) => r.method === null).map((r) => r.applicantId);
  const parts: string[] = [];
  if (scored.length > 0 && fellBack.length === scored.length) {
    const first = fellBack[0];
    parts.push(
      `按${METHOD_LABEL[first?.method ?? 'mean']}汇总（评审包规定${stated}，但${first?.methodNote ?? ''}${fellBack.length > 1 ? '，各揭榜方均如此' : ''}）`,
    );
  } else {
    parts.push(`按${stated}汇总`);
    for (const r of fellBack) parts.push(`其中 ${r.applicantId} ${r.methodNote ?? ''}`);
  }
  if (none.length > 0) parts.push(`${none.join('、')} ${NO_VALID_SHEETS}，不予排名`);
  return parts.join('；');
}

/** 专家组意见 from the template, filled with the figures and the method actually applied. */
export function opinionText(
  pkg: ReviewPackage,
  agg: AggregateResult,
  choices: DecisionChoices,
): string {
  const total = sum(approvedAmounts(choices).map((a) => a.amount)).toFixed();
  const name = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  const list = choices.recommendedIds
    .map((id) => {
      const final = agg.results.find((r) => r.applicantId === id)?.final;
      return `${name(id)}（${final ? `${fmt2(final)} 分` : NO_VALID_SHEETS}）`;
    })
    .join('、');
  const absent = Object.entries(choices.absences).filter(([, why]) => why.trim().length > 0);
  return `专家组于${formatDateZh(pkg.schedule.reviewDate)}对“${pkg.demand.title}”的 ${pkg.applicants.length} 家揭榜方的资质条件、揭榜方案可行性和经费合理性进行了评审（第十二条（五））。专家组 ${pkg.panel.experts.length} 人，收到评分表 ${agg.submittedExpertIds.length} 份${absent.length > 0 ? `，缺席 ${absent.length} 人（${absent.map(([id, why]) => `${id}：${why.trim()}`).join('；')}）` : ''}，${methodSentence(pkg, agg)}。建议揭榜方：${list || '无'}${choices.isHorseRace ? '，以“赛马制”揭榜，先平行立项、后择优支持' : ''}；核定项目经费总额 ${total} 万元。`;
}

/** The decision the chair would sign now. */
export function draftDecision(
  pkg: ReviewPackage,
  agg: AggregateResult,
  proposal: HorseRaceProposal,
  choices: DecisionChoices,
  meta: { chairExpertId: string; decidedAt: string },
): PanelDecision {
  const amounts = approvedAmounts(choices);
  const race = choices.isHorseRace && choices.recommendedIds.length >= 2;
  const override = choices.overrideReason.trim();
  const minReason = choices.belowMinValidSheetsReason.trim();
  return {
    formatVersion: PANEL_DECISION_FORMAT,
    packageId: pkg.packageId,
    chairExpertId: meta.chairExpertId,
    ranking: agg.results.map((r) => ({
      applicantId: r.applicantId,
      rank: r.rank,
      score: r.final === null ? null : fmt2(r.final),
      validSheets: r.validSheets,
      method: r.method,
    })),
    tieBreaks: tieGroups(agg).flatMap((g) => {
      const reason = (choices.tieReasons[tieGroupKey(g)] ?? '').trim();
      return reason.length >= 2 ? [{ applicantIds: g, order: g, reason }] : [];
    }),
    recommendedIds: choices.recommendedIds,
    ...(race
      ? {
          horseRace: {
            solverIds: choices.recommendedIds,
            reason: proposal.reasons.join(''),
            raceStageShare: shareForWire(choices.raceStageShare),
            ...(differsFromProposal(choices, proposal) && override
              ? { overrideReason: override }
              : {}),
          },
        }
      : {}),
    approvedFunding: amounts,
    approvedTotal: sum(amounts.map((a) => a.amount)).toFixed(),
    opinion: choices.opinion ?? opinionText(pkg, agg, choices),
    dissent: choices.dissent.filter((d) => d.reason.trim().length >= 2),
    deviationReasons: deviationsNeedingReason(agg).flatMap((d) => {
      const reason = (choices.deviationReasons[`${d.applicantId}/${d.expertId}`] ?? '').trim();
      return reason.length >= 2 ? [{ ...d, reason }] : [];
    }),
    absences: agg.missingExpertIds.flatMap((expertId) => {
      const reason = (choices.absences[expertId] ?? '').trim();
      return reason.length >= 2 ? [{ expertId, reason }] : [];
    }),
    ...(minReason.length >= 2 ? { belowMinValidSheetsReason: minReason } : {}),
    decidedAt: meta.decidedAt,
  };
}
