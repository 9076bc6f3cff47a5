import { parseArgs } from 'node:util';
import { gatherSheets, methodSentence } from '../../src-shared/decision';
import { capLines } from '../../src-shared/io';
import { fmt2, type Dec } from '../../src-shared/money';
import { ReviewPackageSchema, type ReviewPackage } from '../../src-shared/model';
import {
  aggregate,
  METHOD_SHORT,
  NO_VALID_SHEETS,
  proposeHorseRace,
  type AggregateResult,
} from '../../src-shared/scoring';
import { readJsonFile, readSheetFiles } from './io';
import { renderTable } from './table';
import { CliUsageError, type CliCommand } from './types';

const fig = (v: Dec | null): string | null => (v === null ? null : fmt2(v));

function toJson(pkg: ReviewPackage, agg: AggregateResult) {
  return {
    packageId: pkg.packageId,
    method: agg.method,
    methodStatement: methodSentence(pkg, agg),
    minValidSheets: pkg.aggregation.minValidSheets,
    submittedExpertIds: agg.submittedExpertIds,
    missingExpertIds: agg.missingExpertIds,
    ranking: agg.results.map((r) => ({
      rank: r.rank,
      applicantId: r.applicantId,
      name: pkg.applicants.find((a) => a.id === r.applicantId)?.name ?? r.applicantId,
      final: fig(r.final),
      method: r.method,
      methodNote: r.methodNote,
      mean: fig(r.mean),
      trimmedMean: fig(r.trimmedMean),
      median: fig(r.median),
      spread: fig(r.spread),
      validSheets: r.validSheets,
      belowMinValidSheets: r.belowMinValidSheets,
      recusedExpertIds: r.recusedExpertIds,
      tiedWith: r.tiedWith,
      criterionMeans: Object.fromEntries(
        Object.entries(r.criterionMeans).map(([k, v]) => [k, fmt2(v)]),
      ),
      experts: r.experts.map((e) => ({
        expertId: e.expertId,
        total: fmt2(e.total),
        dropped: e.dropped,
        deviation: e.deviation ? fmt2(e.deviation) : null,
        deviationReason: e.deviationReason ?? null,
      })),
    })),
    horseRace: proposeHorseRace(pkg, agg),
  };
}

function toText(pkg: ReviewPackage, agg: AggregateResult): string {
  const experts = pkg.panel.experts;
  const header = [
    '名次',
    '揭榜方',
    ...experts.map((e) => e.id),
    '平均',
    '去极值平均',
    '中位数',
    '极差',
    ...pkg.rubric.criteria.map((c) => `${c.id}均分`),
    '有效',
    '汇总方法',
  ];
  const dash = (v: Dec | null) => fig(v) ?? '—';
  const rows = agg.results.map((r) => [
    r.rank === null ? '—' : `${r.rank}${r.tiedWith.length > 0 ? '=' : ''}`,
    pkg.applicants.find((a) => a.id === r.applicantId)?.name ?? r.applicantId,
    ...experts.map((e) => {
      if (r.recusedExpertIds.includes(e.id)) return '回避';
      const t = r.experts.find((x) => x.expertId === e.id);
      if (!t) return '—';
      return `${t.dropped ? '(' : ''}${fmt2(t.total)}${t.dropped ? ')' : ''}${t.deviation ? '!' : ''}`;
    }),
    dash(r.mean),
    dash(r.trimmedMean),
    dash(r.median),
    dash(r.spread),
    ...pkg.rubric.criteria.map((c) => fig(r.criterionMeans[c.id] ?? null) ?? '—'),
    `${r.validSheets}${r.belowMinValidSheets ? '*' : ''}`,
    r.method === null ? NO_VALID_SHEETS : METHOD_SHORT[r.method],
  ]);
  const numeric = new Set(header.map((_, i) => i).filter((i) => i >= 2 && i < header.length - 1));
  const lines = [
    `${pkg.title}`,
    `汇总方法：${methodSentence(pkg, agg)}；分数四舍五入保留两位小数`,
    `已提交：${agg.submittedExpertIds.join('、') || '无'}${agg.missingExpertIds.length > 0 ? `；未提交：${agg.missingExpertIds.join('、')}` : ''}`,
    '',
    renderTable(header, rows, numeric),
    '',
    `(x) 去极值时去掉的分数；! 偏离其他专家均分超过阈值；= 并列，须由组长记录排序理由；* 有效评分表少于 ${pkg.aggregation.minValidSheets} 份（aggregation.minValidSheets），组长签署前须记录理由`,
  ];
  for (const r of agg.results) {
    if (r.belowMinValidSheets)
      lines.push(
        `* ${r.applicantId}：${r.validSheets === 0 ? NO_VALID_SHEETS : `仅有 ${r.validSheets} 份有效评分表`}，少于 ${pkg.aggregation.minValidSheets} 份`,
      );
    for (const e of r.experts.filter((x) => x.deviation)) {
      lines.push(
        `! ${e.expertId} 对 ${r.applicantId}：偏离 ${fig(e.deviation) ?? ''} 分；理由：${e.deviationReason ?? '（未填写，组长签署前须记录）'}`,
      );
    }
  }
  const race = proposeHorseRace(pkg, agg);
  lines.push(
    '',
    `赛马制建议（第十二条（五））：${race.isRecommended ? race.candidateIds.join('、') : '不适用'}`,
    ...race.reasons.map((r) => `  · ${r}`),
  );
  return `${lines.join('\n')}\n`;
}

export const scoreCommand: CliCommand = {
  usage: `jiebang score --package REVIEW_PACKAGE.json SHEET… [--csv SHEETS.csv] [--json]

Aggregates the panel's score sheets with the package's settings and prints the ranking table with
every figure the chair needs: each expert's total, mean, trimmed mean (dropped scores in
parentheses), median, spread, per-criterion means, valid sheets, the method actually applied,
deviations with reasons, ties, and the horse-race proposal. An applicant with no valid sheet gets
no figure and no rank (无有效评分). Sheets are JSON files, sheet bundles (.jbx), or a CSV typed in
from paper sheets (UTF-8, UTF-8 with BOM, or GB18030/GBK as Excel and WPS save it) with columns
expertId,applicantId,recusal,recusalReason,<criterion ids…>,opinion,deviationReason
(Chinese headers 专家编号,揭榜方编号,回避类型,回避理由,…,总体意见,偏离理由 also accepted; a recusal
kind by its code or its Chinese name; scores as plain decimals, full-width digits read as digits).
Every sheet is validated against the rubric first: a bad cell is named (row, expert, applicant,
criterion) and the command exits 2 with no table.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, package: { type: 'string' }, csv: { type: 'string' } },
    });
    if (values.package === undefined)
      throw new CliUsageError('需要 --package 评审包 (--package is required)');
    const pkgParsed = ReviewPackageSchema.safeParse(await readJsonFile(io.cwd, values.package));
    if (!pkgParsed.success) throw new CliUsageError(`${values.package} 不是有效的评审包`);
    const pkg = pkgParsed.data;
    const files = [...positionals, ...(values.csv !== undefined ? [values.csv] : [])];
    const sources = await readSheetFiles(io.cwd, files, pkg);
    if (sources.length === 0) throw new CliUsageError('没有评分表 no sheets given');
    const seen = new Map<string, string>();
    for (const s of sources) {
      const earlier = seen.get(s.sheet.expertId);
      if (earlier)
        io.err(
          `! 专家 ${s.sheet.expertId} 的评分表给出两次（${earlier}、${s.origin}），以后者为准\n`,
        );
      seen.set(s.sheet.expertId, s.origin);
    }
    // The same validation as the chair's import: a refused sheet is named, and nothing is ranked.
    const gathered = gatherSheets(pkg, sources);
    if (gathered.problems.length > 0)
      throw new CliUsageError(
        `评分表未通过评分标准校验，未汇总：\n  ${capLines(gathered.problems.map((p) => `${p.origin}：${p.message}`)).join('\n  ')}`,
      );
    const agg = aggregate(pkg, gathered.sheets);
    io.out(values.json ? `${JSON.stringify(toJson(pkg, agg), null, 2)}\n` : toText(pkg, agg));
    return 0;
  },
};
