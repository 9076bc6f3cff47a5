/**
 * Writes the bundled sample review package (resources/sample/): a Karamay oil-and-gas demand,
 * four applicants (one a consortium) on three technical routes, seven experts, the rubric of
 * 第十二条（五）, proposal PDFs printed by Chromium, and seven experts' sheets (one recusal, one
 * deviating score with its reason), and the panel decision on them (decision.json).
 * Run: npx tsx scripts/make-sample.ts [--decision-only]
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeProposalPdf, withChromium } from '../test/fixtures/proposal-pdf';
import {
  ReviewPackageSchema,
  ScoreSheetSchema,
  type ReviewPackage,
  type ScoreSheet,
} from '../src-shared/model';
import {
  analysePanel,
  checkPanelDecision,
  draftDecision,
  initialChoices,
} from '../src-shared/decision';
import { readJson } from '../src-shared/io';

const OUT = 'resources/sample';
/** The sample bureau's age recipient; its identity is resources/sample/keys/bureau.agekey (sample only). */
const BUREAU_RECIPIENT = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface ApplicantSpec {
  id: string;
  file: string;
  title: string;
  applicant: string;
  route: string;
  summary: string;
}

const proposals: ApplicantSpec[] = [
  {
    id: 'A01',
    file: 'A01-proposal.pdf',
    title: '油田采出水深度处理与回用技术揭榜方案',
    applicant: '新疆水处理技术研究院（示例）',
    route: '陶瓷膜分离＋高级氧化',
    summary:
      '采用耐油陶瓷膜与臭氧催化氧化组合工艺，出水含油量≤5 mg/L、悬浮物≤2 mg/L，满足回注与回用标准。',
  },
  {
    id: 'A02',
    file: 'A02-proposal.pdf',
    title: '油田采出水生物强化处理与资源化揭榜方案',
    applicant: '西部石油大学（示例）牵头联合体',
    route: '生物强化＋电化学',
    summary: '以耐盐高效降解菌群与电化学氧化耦合，降低药剂用量 40% 以上，实现采出水达标回用。',
  },
  {
    id: 'A03',
    file: 'A03-proposal.pdf',
    title: '采出水膜法集成处理装备揭榜方案',
    applicant: '准噶尔能源技术有限公司（示例）',
    route: '陶瓷膜分离＋高级氧化',
    summary: '研制模块化膜法处理撬装装备，适用于分散井场。',
  },
  {
    id: 'A04',
    file: 'A04-proposal.pdf',
    title: '高盐采出水机械蒸汽再压缩蒸发揭榜方案',
    applicant: '天山新材料研究所（示例）',
    route: '机械蒸汽再压缩（MVR）蒸发',
    summary: '采用 MVR 蒸发结晶实现高盐采出水零排放。',
  },
];

async function main(): Promise<void> {
  await mkdir(join(OUT, 'attachments'), { recursive: true });
  await mkdir(join(OUT, 'sheets'), { recursive: true });
  const files = new Map<string, Uint8Array>();
  await withChromium(async (browser) => {
    for (const p of proposals) files.set(p.file, await makeProposalPdf(browser, p));
    files.set(
      'A02-agreement.pdf',
      await makeProposalPdf(browser, {
        title: '联合揭榜合作协议',
        applicant: '西部石油大学（示例）（牵头揭榜方）、克拉玛依环保科技有限公司（示例）',
        route: '生物强化＋电化学',
        summary:
          '联合体各方约定：西部石油大学为牵头揭榜方，负责总体技术方案；克拉玛依环保科技有限公司负责现场中试与工程化；知识产权按贡献共享。',
      }),
    );
  });
  for (const [name, bytes] of files) await writeFile(join(OUT, 'attachments', name), bytes);
  const ref = (
    id: string,
    file: string,
    name: string,
    role: 'proposal' | 'cooperation-agreement',
  ) => {
    const bytes = files.get(file);
    if (!bytes) throw new Error(file);
    return {
      id,
      name,
      mediaType: 'application/pdf',
      sha256: sha256(bytes),
      size: bytes.byteLength,
      path: `attachments/${file}`,
      role,
    };
  };
  const org = (
    id: string,
    name: string,
    creditCode: string,
    kind: 'university' | 'institute' | 'enterprise' | 'new-rd-institution',
  ) => ({
    id,
    name,
    creditCode,
    kind,
    isLegalEntity: true,
    isOnSanctionList: false,
  });
  const pkg: ReviewPackage = ReviewPackageSchema.parse({
    formatVersion: 1,
    packageId: 'KLMY-2026-JB-001',
    title: '2026年克拉玛依市“揭榜挂帅”项目揭榜评审：油田采出水深度处理与回用技术',
    bureau: { name: '克拉玛依市科学技术局', ageRecipient: BUREAU_RECIPIENT },
    demand: {
      id: 'D-2026-01',
      title: '油田采出水深度处理与回用关键技术',
      issuer: {
        name: '克拉玛依油田开发有限公司（示例）',
        creditCode: '91650200MA78A1B2C3',
        kind: 'leading-enterprise',
        isLocal: true,
        hasFundingCommitment: true,
        isOnSanctionList: false,
        isEndUser: true,
      },
      projectType: 'enterprise',
      technicalRequirements:
        '针对油田高含油、高悬浮物、高矿化度采出水，研发深度处理与回用成套技术，处理后水质满足油田回注及工业回用要求，形成可复制推广的工程化装备。',
      indicators: [
        { id: 'I1', name: '出水含油量', target: '≤ 5 mg/L' },
        { id: 'I2', name: '出水悬浮物', target: '≤ 2 mg/L' },
        { id: 'I3', name: '处理规模', target: '≥ 500 m³/d 中试装置连续稳定运行 180 天' },
        { id: 'I4', name: '吨水处理成本', target: '较现有工艺降低 20% 以上' },
      ],
      budget: '2000',
      cityFunding: '800',
      contractAmount: '2000',
      periodMonths: 30,
      allowsHorseRace: true,
    },
    applicants: [
      {
        id: 'A01',
        name: '新疆水处理技术研究院（示例）',
        isConsortium: false,
        members: [org('M01', '新疆水处理技术研究院（示例）', '12650000MB1234567X', 'institute')],
        relations: [{ kind: 'none' }],
        chiefExpert: { name: '王建国', title: '研究员', organisationId: 'M01' },
        technicalRoute: {
          id: 'R-MEM',
          label: '陶瓷膜分离＋高级氧化',
          summary: proposals[0]?.summary ?? '',
        },
        requestedFunding: '780',
        milestones: [
          {
            id: 'P1',
            title: '中试装置建成',
            month: 10,
            deliverables: ['500 m³/d 中试装置'],
            indicatorIds: ['I3'],
          },
          {
            id: 'P2',
            title: '连续运行 180 天',
            month: 22,
            deliverables: ['运行报告'],
            indicatorIds: ['I1', 'I2'],
          },
        ],
        attachments: [
          ref('F-A01', 'A01-proposal.pdf', '揭榜方案（新疆水处理技术研究院）', 'proposal'),
        ],
      },
      {
        id: 'A02',
        name: '西部石油大学（示例）牵头联合体',
        isConsortium: true,
        members: [
          org('M02', '西部石油大学（示例）', '12650000MB2345678Y', 'university'),
          org('M03', '克拉玛依环保科技有限公司（示例）', '91650203MA78C4D5E6', 'enterprise'),
        ],
        leadMemberId: 'M02',
        cooperationAgreementId: 'F-A02-AG',
        relations: [
          {
            kind: 'cooperation',
            memberId: 'M03',
            note: '曾承担发榜方技术服务合同，无隶属或股权关系',
          },
        ],
        chiefExpert: { name: '李明哲', title: '教授', organisationId: 'M02' },
        technicalRoute: {
          id: 'R-BIO',
          label: '生物强化＋电化学',
          summary: proposals[1]?.summary ?? '',
        },
        requestedFunding: '800',
        milestones: [
          {
            id: 'P1',
            title: '菌群筛选与小试',
            month: 8,
            deliverables: ['小试报告'],
            indicatorIds: ['I1'],
          },
          {
            id: 'P2',
            title: '中试运行',
            month: 24,
            deliverables: ['中试装置', '运行报告'],
            indicatorIds: ['I2', 'I3', 'I4'],
          },
        ],
        attachments: [
          ref('F-A02', 'A02-proposal.pdf', '揭榜方案（西部石油大学联合体）', 'proposal'),
          ref('F-A02-AG', 'A02-agreement.pdf', '联合揭榜合作协议', 'cooperation-agreement'),
        ],
      },
      {
        id: 'A03',
        name: '准噶尔能源技术有限公司（示例）',
        isConsortium: false,
        members: [org('M04', '准噶尔能源技术有限公司（示例）', '91650204MA79F7G8H9', 'enterprise')],
        relations: [{ kind: 'none' }],
        chiefExpert: { name: '赵喆', title: '高级工程师', organisationId: 'M04' },
        technicalRoute: {
          id: 'R-MEM',
          label: '陶瓷膜分离＋高级氧化',
          summary: proposals[2]?.summary ?? '',
        },
        requestedFunding: '760',
        milestones: [
          {
            id: 'P1',
            title: '撬装装备样机',
            month: 12,
            deliverables: ['样机'],
            indicatorIds: ['I3'],
          },
        ],
        attachments: [ref('F-A03', 'A03-proposal.pdf', '揭榜方案（准噶尔能源技术）', 'proposal')],
      },
      {
        id: 'A04',
        name: '天山新材料研究所（示例）',
        isConsortium: false,
        members: [
          org('M05', '天山新材料研究所（示例）', '12650000MB3456789Y', 'new-rd-institution'),
        ],
        relations: [{ kind: 'none' }],
        chiefExpert: { name: '陈堃', title: '研究员', organisationId: 'M05' },
        technicalRoute: {
          id: 'R-MVR',
          label: '机械蒸汽再压缩（MVR）蒸发',
          summary: proposals[3]?.summary ?? '',
        },
        requestedFunding: '650',
        milestones: [
          {
            id: 'P1',
            title: 'MVR 中试',
            month: 18,
            deliverables: ['中试报告'],
            indicatorIds: ['I1', 'I4'],
          },
        ],
        attachments: [ref('F-A04', 'A04-proposal.pdf', '揭榜方案（天山新材料研究所）', 'proposal')],
      },
    ],
    panel: {
      experts: [
        {
          id: 'E01',
          name: '张志远',
          organisation: '克拉玛依油田开发有限公司（示例）',
          title: '教授级高级工程师',
          role: 'chair',
          nominatedBy: 'demand-side',
        },
        {
          id: 'E02',
          name: '刘珺',
          organisation: '新疆大学',
          title: '教授',
          role: 'member',
          nominatedBy: 'agency',
        },
        {
          id: 'E03',
          name: '孙昇',
          organisation: '中国石油大学（北京）克拉玛依校区',
          title: '教授',
          role: 'member',
          nominatedBy: 'agency',
        },
        {
          id: 'E04',
          name: '周海涛',
          organisation: '新疆环境保护科学研究院',
          title: '研究员',
          role: 'member',
          nominatedBy: 'agency',
        },
        {
          id: 'E05',
          name: '吴敏',
          organisation: '准噶尔能源技术有限公司（示例）',
          title: '高级工程师',
          role: 'member',
          nominatedBy: 'agency',
        },
        {
          id: 'E06',
          name: '郑雪',
          organisation: '新疆财经大学',
          title: '副教授',
          role: 'member',
          nominatedBy: 'bureau',
        },
        {
          id: 'E07',
          name: '冯立',
          organisation: '克拉玛依市科技咨询中心',
          title: '高级会计师',
          role: 'member',
          nominatedBy: 'bureau',
        },
      ],
    },
    rubric: {
      commentBelowFraction: 0.6,
      criteria: [
        {
          id: 'C1',
          name: '揭榜方资质条件',
          article: '第十二条（五）、第九条',
          description: '研发实力、科研条件、团队稳定性、诚信',
          maxPoints: 20,
          step: 0.5,
          guidanceBands: [
            { min: 16, max: 20, label: '研发实力强，团队稳定，业绩突出' },
            { min: 12, max: 15.5, label: '基本满足要求' },
            { min: 0, max: 11.5, label: '资质条件明显不足' },
          ],
        },
        {
          id: 'C2',
          name: '揭榜方案可行性',
          article: '第十二条（五）',
          description: '技术路线、关键技术指标可考核性、里程碑安排',
          maxPoints: 40,
          step: 0.5,
          guidanceBands: [
            { min: 32, max: 40, label: '方案先进可行，指标可考核' },
            { min: 24, max: 31.5, label: '方案基本可行' },
            { min: 0, max: 23.5, label: '方案可行性不足' },
          ],
        },
        {
          id: 'C3',
          name: '经费合理性',
          article: '第十二条（五）、第十三条',
          description: '预算编制依据、经费结构与阶段拨付安排',
          maxPoints: 20,
          step: 0.5,
          guidanceBands: [
            { min: 16, max: 20, label: '预算合理，依据充分' },
            { min: 12, max: 15.5, label: '预算基本合理' },
            { min: 0, max: 11.5, label: '预算明显不合理' },
          ],
        },
        {
          id: 'C4',
          name: '成果转化与产业化前景',
          article: '第九条（二）',
          description: '自主知识产权、成果转化队伍与经验、协助发榜方应用落地',
          maxPoints: 20,
          step: 0.5,
          guidanceBands: [
            { min: 16, max: 20, label: '可直接应用实现产业化' },
            { min: 12, max: 15.5, label: '有一定转化前景' },
            { min: 0, max: 11.5, label: '转化前景不明' },
          ],
        },
      ],
    },
    aggregation: {
      method: 'trimmed-mean',
      trimMinSheets: 5,
      deviationThreshold: 15,
      tieBreakOrder: ['C2', 'C1', 'C3', 'C4'],
      horseRaceCloseness: 3,
      passScore: 60,
    },
    schedule: { reviewDate: '2026-12-08', publicityStart: '2026-12-14' },
  });
  await writeFile(join(OUT, 'review-package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  // Totals per applicant per expert (E01..E07); null = recused.
  const totals: Record<string, (number | null)[]> = {
    A01: [88, 86, 90, 85, 87, 89, 84],
    A02: [86, 88, 84, 87, 85, 90, 83],
    A03: [85, 84, 86, 83, null, 87, 82],
    A04: [72, 70, 75, 40, 71, 73, 69],
  };
  const split = (total: number) => {
    const half = (x: number) => Math.round(x * 2) / 2;
    const c1 = half(total * 0.2);
    const c2 = half(total * 0.4);
    const c3 = half(total * 0.2);
    return [c1, c2, c3, total - c1 - c2 - c3];
  };
  const experts = pkg.panel.experts;
  const sheets: ScoreSheet[] = [];
  for (const [i, expert] of experts.entries()) {
    const sheet: ScoreSheet = ScoreSheetSchema.parse({
      formatVersion: 1,
      packageId: pkg.packageId,
      expertId: expert.id,
      status: 'submitted',
      submittedAt: '2026-12-08T11:30:00+08:00',
      pledgeConfirmedAt: '2026-12-08T09:00:00+08:00',
      scores: pkg.applicants.map((a) => {
        const total = totals[a.id]?.[i];
        if (total === null || total === undefined) {
          return {
            applicantId: a.id,
            recusal: { kind: 'same-organisation', reason: '本人任职于该揭榜方' },
            criteria: [],
            overallOpinion: '',
          };
        }
        const points = split(total);
        return {
          applicantId: a.id,
          criteria: pkg.rubric.criteria.map((c, k) => ({
            criterionId: c.id,
            points: points[k] ?? 0,
            comment: `${c.name}：${(points[k] ?? 0) >= c.maxPoints * 0.8 ? '优' : (points[k] ?? 0) >= c.maxPoints * 0.6 ? '良' : '不足，需补充论证'}`,
          })),
          overallOpinion:
            total >= 80
              ? '方案先进可行，建议支持。'
              : total >= 60
                ? '方案基本可行，建议补充论证。'
                : '方案可行性不足，不建议支持。',
          suggestedFunding: total >= 80 ? a.requestedFunding : undefined,
          ...(total < 60
            ? { deviationReason: 'MVR 蒸发能耗高、吨水成本不满足指标 I4，方案与榜单需求不符。' }
            : {}),
        };
      }),
    });
    sheets.push(sheet);
    await writeFile(
      join(OUT, 'sheets', `${expert.id}.json`),
      `${JSON.stringify(sheet, null, 2)}\n`,
    );
  }
  await writeDecision(pkg, sheets);
  process.stdout.write(`sample written to ${OUT}\n`);
}

/**
 * The panel decision on the sample (decision.json), drafted exactly as the chair's desk drafts it:
 * the rules' proposal (a horse race of A01 and A02), 400 万元 each, nothing else to record.
 * `jiebang check resources/sample/decision.json --package … sheets/*.json` passes it.
 */
async function writeDecision(pkg: ReviewPackage, sheets: readonly ScoreSheet[]): Promise<void> {
  const { agg, proposal } = analysePanel(pkg, sheets);
  const decision = draftDecision(
    pkg,
    agg,
    proposal,
    // The share is the sample panel's own (第十三条（三） gives none; the desk opens empty).
    { ...initialChoices(proposal), raceStageShare: '0.3', funding: { A01: '400', A02: '400' } },
    { chairExpertId: 'E01', decidedAt: '2026-12-08T16:00:00+08:00' },
  );
  const findings = checkPanelDecision(decision, pkg, sheets);
  if (findings.length > 0) throw new Error(`sample decision: ${JSON.stringify(findings)}`);
  await writeFile(join(OUT, 'decision.json'), `${JSON.stringify(decision, null, 2)}\n`);
}

/**
 * `--decision-only`: rewrites decision.json from the package and sheets on disk, leaving the rest
 * alone (Chromium's proposal PDFs are not reproducible byte for byte, and review-package.jbx is
 * signed over them).
 */
async function decisionOnly(): Promise<void> {
  const read = async (path: string): Promise<unknown> => {
    const r = readJson(new Uint8Array(await readFile(join(OUT, path))), path);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  const pkg = ReviewPackageSchema.parse(await read('review-package.json'));
  const sheets = await Promise.all(
    pkg.panel.experts.map(async (e) => ScoreSheetSchema.parse(await read(`sheets/${e.id}.json`))),
  );
  await writeDecision(pkg, sheets);
  process.stdout.write(`${OUT}/decision.json written\n`);
}

await (process.argv.includes('--decision-only') ? decisionOnly() : main());
