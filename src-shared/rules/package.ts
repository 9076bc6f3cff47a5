/** Rules on the review package: eligibility of the parties, consortia, relations, the panel. */
import { dec, sum } from '../money';
import type { Applicant, ReviewPackage, Rubric } from '../model';
import { formatDateZh } from '../text/date';
import { finding, type Finding } from './finding';
import { checkCityFunding, checkProjectAmountScale, checkRequestedFunding } from './funding';
import { checkMeasuresInForce } from './in-force';

/** 第八条: the 发榜方's qualifications; 第十二条（一）: it is the end user. */
export function checkIssuer(pkg: ReviewPackage): Finding[] {
  const issuer = pkg.demand.issuer;
  const path = ['demand', 'issuer'];
  const out: Finding[] = [];
  if (issuer.kind === 'other') {
    out.push(
      finding(
        'eligibility.issuerKind',
        '第八条',
        'blocking',
        `发榜方“${issuer.name}”应为行业主管部门或区域内行业龙头、骨干企业或重点科技型企业`,
        [...path, 'kind'],
      ),
    );
  }
  if (!issuer.isLocal && issuer.kind !== 'authority') {
    out.push(
      finding(
        'eligibility.issuerLocal',
        '第八条',
        'blocking',
        `发榜方“${issuer.name}”应为区域内企业`,
        [...path, 'isLocal'],
      ),
    );
  }
  if (!issuer.hasFundingCommitment) {
    out.push(
      finding(
        'eligibility.issuerFunding',
        '第八条（二）',
        'blocking',
        '发榜方应具有保障项目实施的资金投入和配套条件',
        [...path, 'hasFundingCommitment'],
      ),
    );
  }
  if (issuer.isOnSanctionList) {
    out.push(
      finding(
        'eligibility.issuerIntegrity',
        '第八条（三）',
        'blocking',
        `发榜方“${issuer.name}”被列入联合惩戒名单，不得发榜`,
        [...path, 'isOnSanctionList'],
      ),
    );
  }
  if (issuer.kind !== 'authority' && !issuer.isEndUser) {
    out.push(
      finding(
        'eligibility.endUser',
        '第十二条（一）',
        'blocking',
        '提出技术需求的企业应为技术需求最终用户',
        [...path, 'isEndUser'],
      ),
    );
  }
  return out;
}

/** 第九条: each solver organisation is a legal entity with good integrity. */
export function checkSolverEligibility(applicant: Applicant, index: number): Finding[] {
  const out: Finding[] = [];
  applicant.members.forEach((m, j) => {
    const path = ['applicants', index, 'members', j];
    if (!m.isLegalEntity) {
      out.push(
        finding(
          'eligibility.solverLegalEntity',
          '第九条',
          'blocking',
          `揭榜方“${m.name}”应具有法人资格`,
          [...path, 'isLegalEntity'],
        ),
      );
    }
    if (m.isOnSanctionList) {
      out.push(
        finding(
          'eligibility.solverIntegrity',
          '第九条（三）',
          'blocking',
          `揭榜方“${m.name}”被列入联合惩戒名单，不得揭榜`,
          [...path, 'isOnSanctionList'],
        ),
      );
    }
  });
  return out;
}

/** 第十条: no subordination or equity link between the 发榜方 and the 揭榜方. */
export function checkRelations(applicant: Applicant, index: number): Finding[] {
  return applicant.relations.flatMap((r, j) =>
    r.kind === 'subordinate' || r.kind === 'equity'
      ? [
          finding(
            'relation.independence',
            '第十条',
            'blocking',
            `“${applicant.name}”申报了与发榜方的${r.kind === 'subordinate' ? '隶属' : '股权'}关系，发榜方与揭榜方不得存在隶属或股权等关联关系`,
            ['applicants', index, 'relations', j],
          ),
        ]
      : [],
  );
}

/** 第十二条（四）: a consortium names its lead and has a signed cooperation agreement. */
export function checkConsortium(applicant: Applicant, index: number): Finding[] {
  const path = ['applicants', index];
  if (!applicant.isConsortium) {
    return applicant.members.length > 1
      ? [
          finding(
            'consortium.declared',
            '第十二条（四）',
            'blocking',
            `“${applicant.name}”由多家单位组成，应作为联合体揭榜`,
            [...path, 'isConsortium'],
          ),
        ]
      : [];
  }
  const out: Finding[] = [];
  if (applicant.members.length < 2) {
    out.push(
      finding(
        'consortium.members',
        '第十二条（四）',
        'blocking',
        `联合体“${applicant.name}”应由多家单位组成`,
        [...path, 'members'],
      ),
    );
  }
  if (!applicant.leadMemberId || !applicant.members.some((m) => m.id === applicant.leadMemberId)) {
    out.push(
      finding(
        'consortium.lead',
        '第十二条（四）',
        'blocking',
        `联合体“${applicant.name}”应明确牵头揭榜方`,
        [...path, 'leadMemberId'],
      ),
    );
  }
  const agreement = applicant.attachments.find((a) => a.id === applicant.cooperationAgreementId);
  if (!agreement) {
    out.push(
      finding(
        'consortium.agreement',
        '第十二条（四）',
        'blocking',
        `联合体“${applicant.name}”各方应签订合作协议并随申报材料提交`,
        [...path, 'cooperationAgreementId'],
      ),
    );
  }
  return out;
}

/** 第十二条（八）2: a chief expert (首席专家) from one of the solver's organisations. */
export function checkChiefExpert(applicant: Applicant, index: number): Finding[] {
  return applicant.members.some((m) => m.id === applicant.chiefExpert.organisationId)
    ? []
    : [
        finding(
          'solver.chiefExpert',
          '第十二条（八）',
          'blocking',
          `“${applicant.name}”的首席专家应由揭榜方指定（所属单位须为揭榜方成员）`,
          ['applicants', index, 'chiefExpert'],
        ),
      ];
}

/**
 * 第十二条（五）: one chair, generally nominated by the demand side; the roster at least the
 * package's own `panel.minSize` (the measures give no number).
 */
export function checkPanel(pkg: ReviewPackage): Finding[] {
  if (pkg.panel.experts.length < pkg.panel.minSize)
    return [
      finding(
        'panel.quorum',
        '第十二条（五）',
        'blocking',
        `专家组名单 ${pkg.panel.experts.length} 人，少于评审包规定的最少 ${pkg.panel.minSize} 人（panel.minSize）`,
        ['panel', 'experts'],
      ),
    ];
  const chairs = pkg.panel.experts.filter((e) => e.role === 'chair');
  if (chairs.length !== 1) {
    return [
      finding(
        'panel.oneChair',
        '第十二条（五）',
        'blocking',
        `专家组应有且仅有一名组长（现有 ${chairs.length} 名）`,
        ['panel', 'experts'],
      ),
    ];
  }
  const [chair] = chairs;
  if (chair && chair.nominatedBy !== 'demand-side') {
    return [
      finding(
        'panel.chairNominatedByDemandSide',
        '第十二条（五）',
        'warning',
        `专家组组长一般由发榜方推荐的专家担任，“${chair.name}”不是发榜方推荐`,
        ['panel', 'experts', pkg.panel.experts.indexOf(chair), 'nominatedBy'],
      ),
    ];
  }
  return [];
}

/** The full marks of a rubric the experts score on (the pass score of 60 and the 15-point deviation are of it). */
export const RUBRIC_TOTAL = 100;

/**
 * 第十二条（五）: the rubric the panel scores 资质条件、方案可行性、经费合理性 on. Every criterion's
 * maximum can be given (it is a whole number of steps: max 15 with a step of 2 stops at 14), and
 * the maxima (times their weights, where the rubric weighs) come to 100 points; each refusal names
 * the criteria.
 */
export function checkRubric(rubric: Rubric): Finding[] {
  const out: Finding[] = [];
  rubric.criteria.forEach((c, i) => {
    const steps = dec(c.maxPoints).div(c.step);
    if (!steps.isInteger())
      out.push(
        finding(
          'rubric.step',
          '第十二条（五）',
          'blocking',
          `评分项 ${c.id}“${c.name}”满分 ${c.maxPoints} 分，分值步长 ${c.step} 分打不到满分（最高只能打 ${steps.floor().times(c.step).toFixed()} 分）：满分应为步长的整数倍`,
          ['rubric', 'criteria', i, 'step'],
        ),
      );
  });
  const weighted = rubric.criteria.some((c) => c.weight !== undefined);
  const total = sum(rubric.criteria.map((c) => dec(c.maxPoints).times(c.weight ?? 1)));
  if (!total.eq(RUBRIC_TOTAL))
    out.push(
      finding(
        'rubric.total',
        '第十二条（五）',
        'blocking',
        `评分细则各项满分${weighted ? '（乘以权重）' : ''}合计 ${total.toFixed()} 分，应为 ${RUBRIC_TOTAL} 分：${rubric.criteria
          .map(
            (c) =>
              `${c.id}“${c.name}”${c.maxPoints} 分${c.weight === undefined ? '' : ` × ${c.weight}`}`,
          )
          .join('、')}`,
        ['rubric', 'criteria'],
      ),
    );
  return out;
}

/**
 * 第十二条（五）（六）: the publicity (公示) follows the review — the panel's list is approved (审定)
 * on the review day at the earliest and published from the next day — so a planned publicity
 * start on or before the review date cannot be right.
 */
export function checkSchedule(pkg: ReviewPackage): Finding[] {
  const { reviewDate, publicityStart } = pkg.schedule;
  if (publicityStart === undefined || publicityStart > reviewDate) return [];
  return [
    finding(
      'schedule.publicityAfterReview',
      '第十二条（六）',
      'blocking',
      `公示开始日期 ${formatDateZh(publicityStart)} ${publicityStart < reviewDate ? '早于' : '就是'}评审日期 ${formatDateZh(reviewDate)}：揭榜方建议名单经专家评审、市科技局审定后才向社会公示，公示最早从评审日期的次日开始`,
      ['schedule', 'publicityStart'],
    ),
  ];
}

/** Every rule that applies to a review package. */
export function checkReviewPackage(pkg: ReviewPackage): Finding[] {
  const out = [
    ...checkIssuer(pkg),
    ...checkPanel(pkg),
    ...checkRubric(pkg.rubric),
    ...checkSchedule(pkg),
    ...checkMeasuresInForce(pkg.schedule.reviewDate, '评审日期', ['schedule', 'reviewDate']),
  ];
  pkg.applicants.forEach((a, i) => {
    out.push(
      ...checkSolverEligibility(a, i),
      ...checkRelations(a, i),
      ...checkConsortium(a, i),
      ...checkChiefExpert(a, i),
      ...checkRequestedFunding(pkg.demand.projectType, a, a.requestedFunding, [
        'applicants',
        i,
        'requestedFunding',
      ]),
    );
  });
  out.push(
    ...checkCityFunding(pkg.demand.projectType, pkg.demand.cityFunding, pkg.demand.contractAmount, [
      'demand',
      'cityFunding',
    ]),
    ...checkProjectAmountScale('项目总预算', pkg.demand.budget, ['demand', 'budget']),
    ...(pkg.demand.contractAmount === undefined
      ? []
      : checkProjectAmountScale('技术开发合同金额', pkg.demand.contractAmount, [
          'demand',
          'contractAmount',
        ])),
  );
  return out;
}
