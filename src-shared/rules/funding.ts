/** Funding rules (第十三条): the 1000万元 cap, the 40% city share for 企业出题, staged payment. */
import { dec, fmtMoney, sum } from '../money';
import type { ProjectType } from '../model';
import { CITY_FUNDING_CAP, CITY_SHARE_MAX, finding, type Finding } from './finding';

/** City funds for one project: ≤ 1000万元; for 企业出题 also ≤ 40% of the contract amount. */
export function checkCityFunding(
  projectType: ProjectType,
  cityFunding: string,
  contractAmount: string | undefined,
  path: (string | number)[],
): Finding[] {
  const out: Finding[] = [];
  const article = projectType === 'enterprise' ? '第十三条（二）' : '第十三条（一）';
  if (dec(cityFunding).gt(CITY_FUNDING_CAP)) {
    out.push(
      finding(
        'funding.cap',
        article,
        'blocking',
        `市财政资助 ${fmtMoney(cityFunding)} 超过单个项目最高资助额 1000 万元`,
        path,
      ),
    );
  }
  if (projectType === 'enterprise') {
    if (contractAmount === undefined || dec(contractAmount).isZero()) {
      out.push(
        finding(
          'funding.contractAmount',
          '第十三条（二）',
          'blocking',
          '企业出题项目须由发榜方与揭榜方签订技术开发（委托）合同并载明合同金额',
          path,
        ),
      );
    } else if (dec(cityFunding).gt(dec(contractAmount).times(CITY_SHARE_MAX))) {
      out.push(
        finding(
          'funding.cityShare',
          '第十三条（二）',
          'blocking',
          `市财政资助 ${fmtMoney(cityFunding)} 超过合同金额 ${fmtMoney(contractAmount)} 的 40%（上限 ${fmtMoney(dec(contractAmount).times(CITY_SHARE_MAX))}）`,
          path,
        ),
      );
    }
  }
  return out;
}

/**
 * 第十三条（二）: a 企业出题 project is funded mainly by the issuer (「以发榜方投入为主」), the city
 * supporting the issuer, its funds paid as the issuer pays (「根据发榜方拨款进度给予支持」).
 * No issuer investment at all is blocking: there would be no issuer payments for the city's to
 * follow, and nothing the project is mainly funded by (as a contract without its amount is,
 * `funding.contractAmount`). An issuer investment below the city's funds is a warning: 「为主」 sets
 * no figure (where the measure does — 40%, 1000 万元 — the rule blocks), so the shares are for the
 * bureau to weigh, as 「一般为 2～3 年」 is (`period.twoToThreeYears`).
 */
export function checkIssuerInvestment(
  projectType: ProjectType,
  issuer: string,
  cityFunding: string,
  path: (string | number)[],
): Finding[] {
  if (projectType !== 'enterprise') return [];
  if (dec(issuer).isZero())
    return [
      finding(
        'funding.issuerInvestment',
        '第十三条（二）',
        'blocking',
        `企业出题技术攻关项目以发榜方投入为主，市财政科研项目资金根据发榜方拨款进度给予支持；发榜方投入为 0，市财政资助 ${fmtMoney(cityFunding)}`,
        path,
      ),
    ];
  if (dec(issuer).lt(dec(cityFunding)))
    return [
      finding(
        'funding.issuerMain',
        '第十三条（二）',
        'warning',
        `企业出题技术攻关项目以发榜方投入为主：发榜方投入 ${fmtMoney(issuer)} 少于市财政资助 ${fmtMoney(cityFunding)}`,
        path,
      ),
    ];
  return [];
}

/** Tranches must add up to the city funds, in stages (第十二条（八）3; 第十三条（一）: three stages). */
export function checkTranches(
  projectType: ProjectType,
  city: string,
  tranches: readonly string[],
  path: (string | number)[],
): Finding[] {
  const out: Finding[] = [];
  const total = sum(tranches);
  if (!total.eq(dec(city))) {
    out.push(
      finding(
        'funding.tranchesSum',
        '第十二条（八）',
        'blocking',
        `各里程碑拨付金额合计 ${fmtMoney(total)}，与市财政资助 ${fmtMoney(city)} 不一致`,
        path,
      ),
    );
  }
  if (projectType === 'industry-common' && tranches.filter((t) => dec(t).gt(0)).length < 3) {
    out.push(
      finding(
        'funding.threeStages',
        '第十三条（一）',
        'blocking',
        '行业共性技术攻关项目按立项、“里程碑”考核、验收三个阶段拨付资金',
        path,
      ),
    );
  }
  if (tranches.length < 2) {
    out.push(
      finding(
        'funding.staged',
        '第十二条（八）',
        'blocking',
        '项目实行“里程碑”节点考核，依据考核情况分阶段拨付经费',
        path,
      ),
    );
  }
  return out;
}
