/**
 * The meeting pack (issue 19): each form as layout data (layout.ts), drawn by main's PDF worker.
 * Figures come from the one place each is computed — the 评分汇总表 from `summaryTable()` (as the
 * XLSX export and the chair's screen), the method sentence from `methodSentence()` (issue 14: every
 * aggregate says how it was made), money from money.ts (figures and capitals).
 */
import { canonicalHash } from '../canonical';
import { methodSentence } from '../decision/draft';
import { formatShare } from '../decision/share';
import { fmt2, fmtMoney, moneyCapitals, officialAmount, sum, YUAN, yuanCapitals } from '../money';
import { RECUSAL_LABEL, RecusalKindSchema, type PanelDecision, type ReviewPackage } from '../model';
import type { AggregateResult } from '../scoring/aggregate';
import { NO_VALID_SHEETS } from '../scoring/aggregate';
import { cellText, summaryTable } from '../summary';
import { MEASURES_TITLE } from '../rules/in-force';
import { BLANK_DATE_ZH, formatDateZh } from '../text/date';
import { formLayout, type Block, type FormLayout } from './layout';

/** Room for handwriting: ideographic spaces (U+3000) print as blank 1 em each. */
const GAP = '\u3000';
/** An empty tick box as printed (□, in every CJK print font). */
export const TICK_BOX = '□';

const roleOf = (role: 'chair' | 'member') => (role === 'chair' ? '组长' : '成员');

function header(pkg: ReviewPackage, title: string): Block[] {
  return [
    { kind: 'heading', text: title },
    { kind: 'para', text: `项目：${pkg.demand.title}` },
    {
      kind: 'para',
      text: `评审包：${pkg.packageId}${GAP}${pkg.title}${GAP}评审日期：${formatDateZh(pkg.schedule.reviewDate)}`,
    },
  ];
}

/** 签到表: the roster with affiliation, expertise, a signature and a time column. */
export function signInForm(pkg: ReviewPackage): FormLayout {
  const rows = pkg.panel.experts.map((e, i) => [
    String(i + 1),
    `${e.name}（${e.id}）`,
    roleOf(e.role),
    [e.organisation, e.title].filter(Boolean).join('，'),
    e.expertise || '—',
    '',
    '',
  ]);
  return formLayout({
    form: 'sign-in',
    packageId: pkg.packageId,
    title: `评审会议签到表：${pkg.title}`,
    orientation: 'portrait',
    packageSha256: canonicalHash(pkg),
    sections: [
      [
        ...header(pkg, '“揭榜挂帅”项目专家评审会议签到表'),
        {
          kind: 'table',
          widths: [6, 16, 7, 27, 16, 16, 12],
          head: ['序号', '姓名', '职责', '工作单位及职称', '专业领域', '签字', '签到时间'],
          rows,
          minRowHeight: 30,
        },
        { kind: 'para', text: `会议记录人：${'＿'.repeat(8)}${GAP}日期：${BLANK_DATE_ZH}` },
      ],
    ],
  });
}

/** 保密承诺书 and 回避声明, one page per expert, to sign before scoring (第七条). */
export function pledgeForm(pkg: ReviewPackage): FormLayout {
  const kinds = RecusalKindSchema.options.map((k, i) => `${i + 1}. ${RECUSAL_LABEL[k]}`);
  const sections = pkg.panel.experts.map((e): Block[] => [
    ...header(pkg, '评审专家保密承诺书及回避声明'),
    { kind: 'para', text: `专家：${e.name}（${e.id}，${e.organisation}）`, bold: true },
    { kind: 'heading', text: '一、保密承诺（第七条）' },
    {
      kind: 'para',
      text: `本人承诺：严格遵守${MEASURES_TITLE}第七条，对评审中知悉的揭榜方申报材料、技术方案、评审意见、评分结果及专家组讨论情况严格保密，不泄露、不复制、不擅自使用；不私下接触揭榜方，不接受任何礼品、礼金；独立、客观、公正地作出评价。`,
    },
    { kind: 'heading', text: '二、回避声明' },
    {
      kind: 'para',
      text: `本人与下列揭榜方存在以下任一情形的，在该揭榜方后勾选并写明情形编号，并回避对其评审：${kinds.join('；')}。`,
    },
    {
      kind: 'table',
      widths: [12, 40, 14, 34],
      head: ['编号', '揭榜方', '需回避', '情形编号及说明'],
      rows: pkg.applicants.map((a) => [a.id, a.name, TICK_BOX, '']),
      minRowHeight: 24,
    },
    {
      kind: 'para',
      text: `如无上述情形，请在此勾选：${TICK_BOX} 本人与全部揭榜方均无需回避的情形。`,
    },
    { kind: 'signatures', who: [`专家 ${e.name}`] },
  ]);
  return formLayout({
    form: 'pledge',
    packageId: pkg.packageId,
    title: `保密承诺书及回避声明：${pkg.title}`,
    orientation: 'portrait',
    packageSha256: canonicalHash(pkg),
    sections,
  });
}

/** A blank 评分表 per applicant: rubric, maxima, guidance bands, comment lines, fingerprint line. */
export function blankSheetForm(pkg: ReviewPackage): FormLayout {
  const total = sum(pkg.rubric.criteria.map((c) => c.maxPoints));
  const sections = pkg.applicants.map((a): Block[] => [
    ...header(pkg, '“揭榜挂帅”项目专家评分表'),
    { kind: 'para', text: `揭榜方：${a.id} ${a.name}`, bold: true },
    { kind: 'para', text: `评审专家：${GAP.repeat(8)}专家编号：${GAP.repeat(4)}` },
    {
      kind: 'table',
      widths: [22, 10, 50, 18],
      head: ['评分指标', '满分', '评分指引', '得分'],
      rows: pkg.rubric.criteria.map((c) => [
        `${c.id} ${c.name}${c.article ? `（${c.article}）` : ''}`,
        fmt2(c.maxPoints),
        c.guidanceBands.length > 0
          ? c.guidanceBands.map((b) => `${fmt2(b.min)}–${fmt2(b.max)}：${b.label}`).join('\n')
          : c.description || '—',
        '',
      ]),
      minRowHeight: 30,
    },
    { kind: 'para', text: `合计（满分 ${fmt2(total)}）：${GAP.repeat(6)}` },
    {
      kind: 'para',
      text: `评分低于满分 ${Math.round(pkg.rubric.commentBelowFraction * 100)}% 的指标须写明理由。评分意见：`,
    },
    { kind: 'blank-lines', count: 6 },
    { kind: 'para', text: `回避（如需）：${TICK_BOX} 情形及理由：` },
    { kind: 'blank-lines', count: 1 },
    {
      kind: 'para',
      text: `签名密钥指纹（在本评审台登记的，用于与电子评分表核对）：${'＿'.repeat(20)}`,
    },
    { kind: 'signatures', who: ['评审专家'] },
  ]);
  return formLayout({
    form: 'blank-sheet',
    packageId: pkg.packageId,
    title: `评分表（空白）：${pkg.title}`,
    orientation: 'portrait',
    packageSha256: canonicalHash(pkg),
    sections,
  });
}

/** Experts per table on the 评分汇总表 (a roster of 20 prints as two tables). */
const EXPERTS_PER_TABLE = 10;

/**
 * 评分汇总表: the ranking as the official table, cell for cell the `summaryTable()` the export and
 * the chair's screen use — every expert's total (dropped ones in parentheses), mean, trimmed
 * mean, median, spread, per-criterion means, valid sheets, the method applied, recusals,
 * deviations with their reasons, ties — and how ties were broken (from the decision, when signed).
 */
export function summaryForm(
  pkg: ReviewPackage,
  agg: AggregateResult,
  decision?: PanelDecision,
): FormLayout {
  const table = summaryTable(pkg, agg);
  const cols = table.columns.map((c, i) => ({ c, i }));
  const pick = (roles: readonly string[]) => cols.filter(({ c }) => roles.includes(c.role));
  const lead = pick(['rank', 'applicant-id', 'applicant']);
  const experts = pick(['expert']);
  const figures = pick(['figure', 'criterion', 'valid', 'method']);
  const rowsFor = (chosen: typeof cols) =>
    table.rows.map((r) => chosen.map(({ i }) => printCell(r.cells[i])));
  const tables: Block[] = [];
  for (let k = 0; k < Math.max(1, experts.length); k += EXPERTS_PER_TABLE) {
    const part = experts.slice(k, k + EXPERTS_PER_TABLE);
    const chosen = [...lead, ...part];
    const lw = [7, 8, 25];
    const ew = part.length > 0 ? 60 / part.length : 0;
    tables.push(
      {
        kind: 'heading',
        text: k === 0 ? '一、各专家评分（总分）' : `一（续）、各专家评分（总分）`,
      },
      {
        kind: 'table',
        widths: [...lw, ...part.map(() => ew)],
        head: chosen.map(({ c }) => c.header),
        rows: rowsFor(chosen),
        size: 8,
      },
    );
  }
  const fchosen = [...lead, ...figures];
  const fwidths = figureWidths(
    figures.map(({ c, i }) => ({
      head: c.header,
      cells: table.rows.map((r) => printCell(r.cells[i])),
    })),
  );
  const byId = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  const detail = (key: string) => table.columns.findIndex((c) => c.key === key);
  const details = table.rows.flatMap((r) => {
    const get = (key: string) => printCell(r.cells[detail(key)]);
    const parts = [
      get('methodNote') && `方法说明：${get('methodNote')}`,
      get('recused') && `回避：${get('recused')}`,
      get('deviations') && `偏离：${get('deviations')}`,
      get('ties') && `与 ${get('ties')} 并列`,
    ].filter((x): x is string => Boolean(x));
    return parts.length > 0 ? [`${r.applicantId} ${byId(r.applicantId)}：${parts.join('；')}`] : [];
  });
  const tieNotes = (decision?.tieBreaks ?? []).map(
    (t) => `并列排序：${t.order.join(' > ')}（${t.reason}）`,
  );
  const experts2 = pkg.panel.experts.map((e) => `${e.id} ${e.name}`).join('；');
  return formLayout({
    form: 'summary',
    packageId: pkg.packageId,
    title: `评分汇总表：${pkg.title}`,
    orientation: 'landscape',
    sections: [
      [
        ...header(pkg, '“揭榜挂帅”项目评分汇总表'),
        { kind: 'para', text: `汇总方法：${table.method}；分数四舍五入保留两位小数。`, bold: true },
        { kind: 'para', text: `专家：${experts2}` },
        ...tables,
        { kind: 'heading', text: '二、汇总得分' },
        {
          kind: 'table',
          widths: [7, 8, fwidths.applicant, ...fwidths.figures],
          head: fchosen.map(({ c }) => c.header),
          rows: rowsFor(fchosen),
          size: 8,
        },
        { kind: 'para', text: table.legend },
        ...table.notes.map((text): Block => ({ kind: 'para', text })),
        ...(details.length + tieNotes.length > 0
          ? [
              { kind: 'heading' as const, text: '三、回避、偏离与并列' },
              ...[...details, ...tieNotes].map((text): Block => ({ kind: 'para', text })),
            ]
          : []),
        {
          kind: 'signatures',
          who: pkg.panel.experts
            .filter((e) => e.role === 'chair')
            .map((e) => `专家组组长 ${e.name}`),
        },
      ],
    ],
  });
}

/** The 评分汇总表's text width (A4 landscape less form-document's 48 pt margins) in em at 8 pt. */
const SUMMARY_EMS = (842 - 2 * 48) / 8;
/** Width in em of a line as printed: a Han character or full-width mark 1, other characters ~0.6. */
const ems = (text: string): number =>
  [...text].reduce(
    (n, ch) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 1 : 0.6),
    0,
  );

/**
 * Widths (per cent) of the 汇总得分 table's figure columns and of its 揭榜方 column: each figure
 * column gets room for its header on one line — a term like 「去极值平均」 or 「汇总方法」 never
 * breaks (「去极值平/均」) — and for its figures (a cell is allowed to wrap past 6 em), plus 1 em
 * of padding; the 60% after the 编号 and 揭榜方 columns is shared in those proportions. When the
 * figures need more (many criteria), the 揭榜方 column (25%) gives way, down to 15%.
 */
function figureWidths(columns: readonly { head: string; cells: readonly string[] }[]): {
  applicant: number;
  figures: number[];
} {
  const needs = columns.map(
    ({ head, cells }) => Math.max(ems(head), Math.min(6, Math.max(0, ...cells.map(ems)))) + 1,
  );
  const total = needs.reduce((a, b) => a + b, 0);
  const needed = (100 * total) / SUMMARY_EMS;
  const applicant = Math.max(15, Math.min(25, 85 - needed));
  const room = 85 - applicant;
  return { applicant, figures: needs.map((n) => (room * n) / Math.max(total, 1)) };
}

/** A summary cell as the paper prints it: the screen's text (`(90.00)!`, `1=`, `5*`, 回避). */
const printCell = (cell: Parameters<typeof cellText>[0] | undefined): string =>
  cell ? cellText(cell) : '';

/**
 * 专家组意见: the panel's opinion, the recommended list (揭榜方建议名单), the horse race and its
 * reasons, the approved funding per solver and in total (核定项目经费总额) in figures and capitals,
 * the method applied, dissent, and a signature line and date for every member and the chair. The
 * decision date is left for the hand (the code covers the content only: the same decision prints
 * the same code whether printed from the desk's draft or after signing).
 */
export function opinionForm(
  pkg: ReviewPackage,
  agg: AggregateResult,
  decision: PanelDecision,
): FormLayout {
  const name = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  const expert = (id: string) => pkg.panel.experts.find((e) => e.id === id);
  const recommended = decision.recommendedIds.map((id) => {
    const r = agg.results.find((x) => x.applicantId === id);
    const funding = decision.approvedFunding.find((f) => f.applicantId === id);
    return [
      id,
      name(id),
      r?.rank === null || r === undefined ? '—' : String(r.rank),
      r?.final ? fmt2(r.final) : NO_VALID_SHEETS,
      funding ? fmtMoney(funding.amount) : '—',
      funding ? moneyCapitals(funding.amount) : '—',
    ];
  });
  const race = decision.horseRace;
  const absent = new Set(decision.absences.map((a) => a.expertId));
  const members = [...pkg.panel.experts].sort(
    (a, b) => Number(b.role === 'chair') - Number(a.role === 'chair'),
  );
  const blocks: Block[] = [
    ...header(pkg, '“揭榜挂帅”项目专家组评审意见'),
    { kind: 'heading', text: '一、专家组意见（第十二条（五））' },
    { kind: 'para', text: decision.opinion },
    { kind: 'para', text: `汇总方法：${methodSentence(pkg, agg)}。` },
    { kind: 'heading', text: '二、揭榜方建议名单' },
    {
      kind: 'table',
      widths: [10, 32, 8, 12, 14, 24],
      head: ['编号', '揭榜方', '名次', '得分', '核定经费', '核定经费（大写）'],
      rows: recommended,
    },
    { kind: 'heading', text: '三、赛马制' },
    race
      ? {
          kind: 'para',
          text: `采用“赛马制”（第十二条（五）、第十三条（三））：${race.solverIds.map(name).join('、')} 平行立项，“赛马”阶段拨付比例 ${formatShare(race.raceStageShare)}。理由：${race.reason}${race.overrideReason ? `；与系统建议不同的理由：${race.overrideReason}` : ''}`,
        }
      : { kind: 'para', text: '不采用“赛马制”。' },
    { kind: 'heading', text: '四、核定项目经费总额' },
    { kind: 'para', text: officialAmount(decision.approvedTotal), bold: true },
  ];
  const recorded = [
    ...decision.absences.map(
      (a) => `缺席：${a.expertId} ${expert(a.expertId)?.name ?? ''}（${a.reason}）`,
    ),
    ...decision.tieBreaks.map((t) => `并列排序：${t.order.join(' > ')}（${t.reason}）`),
    ...decision.deviationReasons.map(
      (d) => `偏离理由：${d.expertId} 对 ${d.applicantId}：${d.reason}`,
    ),
    ...(decision.belowMinValidSheetsReason
      ? [`有效评分表不足的理由：${decision.belowMinValidSheetsReason}`]
      : []),
  ];
  if (recorded.length > 0)
    blocks.push(
      { kind: 'heading', text: '五、组长记录事项' },
      ...recorded.map((text): Block => ({ kind: 'para', text })),
    );
  blocks.push(
    { kind: 'heading', text: recorded.length > 0 ? '六、不同意见' : '五、不同意见' },
    ...(decision.dissent.length === 0
      ? [{ kind: 'para' as const, text: '无。' }]
      : decision.dissent.map((d): Block => ({
          kind: 'para',
          text: `${d.expertId} ${expert(d.expertId)?.name ?? ''}：${d.reason}`,
        }))),
    // The date is written by hand when the panel signs: the form (and so its code) shows only the
    // decision's content, never the moment the desk drafted or the chair signed it, so a copy
    // printed from the draft for the members to sign is the signed record's copy.
    { kind: 'para', text: `决定日期：${BLANK_DATE_ZH}` },
    {
      kind: 'signatures',
      who: members.map(
        (e) =>
          `${e.role === 'chair' ? '专家组组长' : '专家组成员'} ${e.name}${absent.has(e.id) ? '（缺席）' : ''}`,
      ),
    },
  );
  return formLayout({
    form: 'opinion',
    packageId: pkg.packageId,
    title: `专家组意见：${pkg.title}`,
    orientation: 'portrait',
    sections: [blocks],
  });
}

/**
 * 专家评审费签收表: every expert, the fee the bureau or secretary enters when printing (元, in
 * figures to the fen, 1,500.00 元, and capitals; blank when not given), the total in both
 * (合计：6,000.50 元（大写：人民币陆仟元伍角整）), the ID card's last digits (optional), a signature.
 */
export function feesForm(
  pkg: ReviewPackage,
  fees: Readonly<Record<string, string>>,
  idDigits: Readonly<Record<string, string>> = {},
): FormLayout {
  const rows = pkg.panel.experts.map((e, i) => {
    const fee = fees[e.id];
    return [
      String(i + 1),
      `${e.name}（${e.id}）`,
      e.organisation,
      fee ? fmtMoney(fee, YUAN) : '',
      fee ? yuanCapitals(fee) : '',
      idDigits[e.id] ?? '',
      '',
    ];
  });
  const given = Object.values(fees);
  return formLayout({
    form: 'fees',
    packageId: pkg.packageId,
    title: `专家评审费签收表：${pkg.title}`,
    orientation: 'portrait',
    sections: [
      [
        ...header(pkg, '专家评审费签收表'),
        {
          kind: 'table',
          widths: [6, 16, 22, 12, 18, 10, 16],
          head: ['序号', '姓名', '工作单位', '金额', '金额（大写）', '身份证后四位', '签字'],
          rows,
          minRowHeight: 30,
        },
        ...(given.length > 0
          ? [
              {
                kind: 'para' as const,
                text: `合计：${fmtMoney(sum(given), YUAN)}（大写：人民币${yuanCapitals(sum(given))}）`,
                bold: true,
              },
            ]
          : []),
        { kind: 'para', text: `经办人：${'＿'.repeat(8)}${GAP}日期：${BLANK_DATE_ZH}` },
      ],
    ],
  });
}
