/** Funding rules (第十三条): the 1000万元 cap, the 40% city share for 企业出题, staged payment. */
import { dec, fmtMoney, officialAmount, sum } from '../money';
import type { ProjectType } from '../model';
import {
  CITY_FUNDING_CAP,
  CITY_FUNDING_IN_YUAN,
  CITY_SHARE_MAX,
  finding,
  PROJECT_AMOUNT_IN_YUAN,
  type Finding,
} from './finding';

/** 1 万元 = 10,000 元. */
const YUAN_PER_WAN = 10_000;

/** The article of the cap for the project's type: 第十三条（一） or （二）. */
const capArticle = (projectType: ProjectType) =>
  projectType === 'enterprise' ? '第十三条（二）' : '第十三条（一）';

/**
 * What a figure of a 万元 column means when it was written in 元 (4000000 in 万元 is 400 亿元; as
 * 元 it is 400 万元): 「看来是以元填写：4,000,000 元即 400 万元，请以万元填写」.
 */
export function yuanReading(amount: string): string {
  const written = fmtMoney(amount).replace(/ 万元$/, '');
  return `看来是以元填写：${written} 元即 ${fmtMoney(dec(amount).div(YUAN_PER_WAN))}，请以万元填写`;
}

/**
 * 第十三条（一）（二）: city funds for one project are at most 1000 万元, whoever the figure is
 * (the demand's 市财政资助, an applicant's request, the approved total, the task book's). `label`
 * names the figure, `note` follows the cap; one ten times the cap or more is told as written in
 * 元 (`yuanReading`). `form`: the finding's code and how the amount is written (`fmtMoney`; the
 * 建议经费 with its capitals, `officialAmount`).
 */
export function checkCityCap(
  projectType: ProjectType,
  amount: string,
  label: string,
  path: (string | number)[],
  note = '',
  form: { code: string; write: (amount: string) => string } = {
    code: 'funding.cap',
    write: fmtMoney,
  },
): Finding[] {
  if (!dec(amount).gt(CITY_FUNDING_CAP)) return [];
  const inYuan = dec(amount).gte(CITY_FUNDING_IN_YUAN) ? `；${yuanReading(amount)}` : '';
  return [
    finding(
      form.code,
      capArticle(projectType),
      'blocking',
      `${label} ${form.write(amount)} 超过单个项目最高资助额 ${fmtMoney(CITY_FUNDING_CAP)}${note}${inYuan}`,
      path,
    ),
  ];
}

/**
 * 第十三条（二）: a 企业出题 project's city funds are at most 40% of the contract amount, whoever
 * the figure is (the demand's 市财政资助, the approved total, the task book's, an expert's 建议经费).
 * `label` names the figure; `form` as `checkCityCap`'s. The one comparison of the 40% share.
 */
export function checkCityShare(
  amount: string,
  contractAmount: string,
  label: string,
  path: (string | number)[],
  form: { code: string; write: (amount: string) => string } = {
    code: 'funding.cityShare',
    write: fmtMoney,
  },
): Finding[] {
  const share = dec(contractAmount).times(CITY_SHARE_MAX);
  if (!dec(amount).gt(share)) return [];
  return [
    finding(
      form.code,
      '第十三条（二）',
      'blocking',
      `${label} ${form.write(amount)} 超过合同金额 ${fmtMoney(contractAmount)} 的 40%（上限 ${fmtMoney(share)}）`,
      path,
    ),
  ];
}

/**
 * Over the city funds the list published (榜单, 第十二条（三）) — an expert's 建议经费, the chair's
 * 核定项目经费总额 — is a warning, not a refusal: the measures bind the approved funds to no
 * published figure (the panel 核定, the bureau 审定, 第十二条（五）（六）); the reasons are asked
 * for in `explainIn` (the opinion the figure's author writes). `form` as `checkCityCap`'s.
 */
export function checkOverListFunding(
  amount: string,
  listed: string,
  label: string,
  explainIn: string,
  path: (string | number)[],
  form: { code: string; write: (amount: string) => string },
): Finding[] {
  if (!dec(amount).gt(dec(listed))) return [];
  return [
    finding(
      form.code,
      '第十二条（三）',
      'warning',
      `${label} ${form.write(amount)} 超过榜单公布的市财政资助 ${fmtMoney(listed)}：办法未限定核定经费不得超过榜单金额，请在${explainIn}中说明理由`,
      path,
    ),
  ];
}

/** City funds for one project: ≤ 1000万元; for 企业出题 also ≤ 40% of the contract amount. */
export function checkCityFunding(
  projectType: ProjectType,
  cityFunding: string,
  contractAmount: string | undefined,
  path: (string | number)[],
): Finding[] {
  const out: Finding[] = checkCityCap(projectType, cityFunding, '市财政资助', path);
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
    } else out.push(...checkCityShare(cityFunding, contractAmount, '市财政资助', path));
  }
  return out;
}

/**
 * An applicant's requested city funds (「申请市财政资助」): within the cap of 第十三条 as the
 * project's are. For 企业出题 the sentence says the cap is on the city's part only — the issuer's
 * own investment (「以发榜方投入为主」) has none.
 */
export function checkRequestedFunding(
  projectType: ProjectType,
  applicant: { id: string; name: string },
  requested: string,
  path: (string | number)[],
): Finding[] {
  const label = `揭榜方 ${applicant.id}“${applicant.name}”申请市财政资助`;
  const note = projectType === 'enterprise' ? '，此上限只限市财政资助、发榜方投入不在此限' : '';
  return checkCityCap(projectType, requested, label, path, note);
}

/**
 * A project's total budget or contract amount (万元) so large it reads as 元: 100,000 万元 (10 亿元)
 * or more is far past a project of these measures. A warning (the measures cap only the city's
 * part, 第十三条), naming the figure and what it is in 万元 if it was written in 元.
 */
export function checkProjectAmountScale(
  label: string,
  amount: string,
  path: (string | number)[],
): Finding[] {
  if (!dec(amount).gte(PROJECT_AMOUNT_IN_YUAN)) return [];
  const yi = fmtMoney(dec(amount).div(YUAN_PER_WAN)).replace(/ 万元$/, ' 亿元');
  return [
    finding(
      'funding.inYuan',
      '第十三条',
      'warning',
      `${label} ${fmtMoney(amount)}（即 ${yi}）远超单个项目的规模（市财政资助最高 ${fmtMoney(CITY_FUNDING_CAP)}）；${yuanReading(amount)}`,
      path,
    ),
  ];
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

/**
 * An expert's 建议经费 (万元) for one applicant, as every door takes it (the expert's form, a sheet
 * file at the chair's import, `jiebang score` and `jiebang check`): the panel judges 经费的合理性
 * and the funds are then 核定 (第十二条（五）); the figure is the applicant's city funds, so
 * the measures' bounds on city funds are its bounds.
 * - 0 万元 is blocking: a suggestion of no funds is none (none suggested is an empty field, the
 *   reasons in the opinion), as the chair's 核定经费 of 0 is refused (`funding.perSolver`).
 * - Over 1000 万元 (第十三条（一）（二）) or, for 企业出题, over 40% of the contract amount
 *   (第十三条（二）) is blocking: the measures set those figures.
 * - Over the city funds the list published (榜单, 第十二条（三）) is a warning: the measures bind
 *   the approved funds to no published figure — the panel 核定 and the bureau 审定 (第十二条（六））.
 * Each message cites its article (`finding`) and writes the amount as officials do (`officialAmount`).
 */
export function checkSuggestedFunding(
  demand: { projectType: ProjectType; cityFunding: string; contractAmount?: string | undefined },
  amount: string,
  path: (string | number)[],
): Finding[] {
  if (dec(amount).isZero())
    return [
      finding(
        'funding.suggestedZero',
        '第十二条（五）',
        'blocking',
        '建议经费不能为 0 万元：专家组评审经费的合理性并核定项目经费；不建议资助的，请不填建议经费，在总体意见中写明理由',
        path,
      ),
    ];
  // The bounds of every city figure (`checkCityCap`, `checkCityShare`, `checkOverListFunding`),
  // the amount written with its capitals; the first it passes over is said.
  const write = officialAmount;
  const capped = checkCityCap(demand.projectType, amount, '建议经费', path, '', {
    code: 'funding.suggestedCap',
    write,
  });
  if (capped.length > 0) return capped;
  const contract = demand.contractAmount;
  if (demand.projectType === 'enterprise' && contract !== undefined && !dec(contract).isZero()) {
    const shared = checkCityShare(amount, contract, '建议经费', path, {
      code: 'funding.suggestedShare',
      write,
    });
    if (shared.length > 0) return shared;
  }
  return checkOverListFunding(amount, demand.cityFunding, '建议经费', '总体意见', path, {
    code: 'funding.suggestedOverList',
    write,
  });
}
