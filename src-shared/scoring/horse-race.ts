/**
 * Horse-race candidates (赛马制, 第十二条（五）): where scores are close and technical routes
 * differ, up to 3 solvers may be chosen. The proposal is explained, never silent.
 */
import { fmt2 } from '../money';
import type { ReviewPackage } from '../model';
import type { AggregateResult } from './aggregate';

export const MAX_HORSE_RACE_SOLVERS = 3;

export interface HorseRaceProposal {
  candidateIds: string[];
  /** One Chinese sentence per decision the rule took, in order. */
  reasons: string[];
  /** A race makes sense: at least two candidates on distinct routes. */
  isRecommended: boolean;
}

export function proposeHorseRace(pkg: ReviewPackage, agg: AggregateResult): HorseRaceProposal {
  const reasons: string[] = [];
  // Only the id and the final score: the other figures are not read (nor made, on the fast path).
  const passing = agg.results.flatMap((r) =>
    r.final !== null && r.final.gte(pkg.aggregation.passScore)
      ? [{ applicantId: r.applicantId, final: r.final }]
      : [],
  );
  const best = passing[0];
  if (!best) {
    return {
      candidateIds: [],
      reasons: [`没有揭榜方达到 ${pkg.aggregation.passScore} 分，不具备赛马条件。`],
      isRecommended: false,
    };
  }
  if (!pkg.demand.allowsHorseRace)
    reasons.push('注意：本榜单未声明采用赛马制，以下仅供专家组参考。');
  const closeness = pkg.aggregation.horseRaceCloseness;
  const route = (id: string) => pkg.applicants.find((a) => a.id === id)?.technicalRoute;
  const candidateIds = [best.applicantId];
  const usedRoutes = new Set([route(best.applicantId)?.id]);
  reasons.push(
    `第一名 ${name(pkg, best.applicantId)}（${fmt2(best.final)} 分，技术路线“${route(best.applicantId)?.label ?? ''}”）。`,
  );
  for (const r of passing.slice(1)) {
    const gap = best.final.minus(r.final);
    const who = `${name(pkg, r.applicantId)}（${fmt2(r.final)} 分）`;
    if (gap.gt(closeness)) {
      reasons.push(
        `${who}与第一名相差 ${fmt2(gap)} 分，超过“评分接近”阈值 ${closeness} 分，不入选。`,
      );
      continue;
    }
    const routeId = route(r.applicantId)?.id;
    if (usedRoutes.has(routeId)) {
      reasons.push(
        `${who}评分接近，但技术路线“${route(r.applicantId)?.label ?? ''}”与已入选者相同，不入选（第十二条（五）要求存在多条技术路线）。`,
      );
      continue;
    }
    if (candidateIds.length >= MAX_HORSE_RACE_SOLVERS) {
      reasons.push(`${who}评分接近且路线不同，但赛马揭榜方不超过 3 家（第十二条（五）），不入选。`);
      continue;
    }
    candidateIds.push(r.applicantId);
    usedRoutes.add(routeId);
    reasons.push(
      `${who}与第一名相差 ${fmt2(gap)} 分（≤ ${closeness} 分），技术路线“${route(r.applicantId)?.label ?? ''}”不同，入选。`,
    );
  }
  const isRecommended = candidateIds.length >= 2;
  reasons.push(
    isRecommended
      ? `建议 ${candidateIds.length} 家揭榜方以赛马制揭榜，先平行立项、后择优支持（第十二条（七）、第十三条（三））。`
      : '不存在评分接近且技术路线不同的揭榜方，建议由第一名单独揭榜。',
  );
  return {
    candidateIds: isRecommended ? candidateIds : [best.applicantId],
    reasons,
    isRecommended,
  };
}

function name(pkg: ReviewPackage, id: string): string {
  return pkg.applicants.find((a) => a.id === id)?.name ?? id;
}
