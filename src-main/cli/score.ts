import { parseArgs } from 'node:util';
import { fmt2 } from '../../src-shared/money';
import {
  ReviewPackageSchema,
  ScoreSheetSchema,
  type ReviewPackage,
  type ScoreSheet,
} from '../../src-shared/model';
import {
  aggregate,
  parseSheetsCsv,
  proposeHorseRace,
  type AggregateResult,
} from '../../src-shared/scoring';
import { readJsonFile, readTextFile } from './io';
import { renderTable } from './table';
import { CliUsageError, type CliCommand } from './types';

const METHOD_LABEL = {
  mean: '算术平均',
  'trimmed-mean': '去掉一个最高分和一个最低分后平均',
  median: '中位数',
};

function toJson(pkg: ReviewPackage, agg: AggregateResult) {
  return {
    packageId: pkg.packageId,
    method: agg.method,
    submittedExpertIds: agg.submittedExpertIds,
    missingExpertIds: agg.missingExpertIds,
    ranking: agg.results.map((r) => ({
      rank: r.rank,
      applicantId: r.applicantId,
      name: pkg.applicants.find((a) => a.id === r.applicantId)?.name ?? r.applicantId,
      final: fmt2(r.final),
      mean: fmt2(r.mean),
      trimmedMean: r.trimmedMean ? fmt2(r.trimmedMean) : null,
      median: fmt2(r.median),
      spread: fmt2(r.spread),
      validSheets: r.validSheets,
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
  ];
  const rows = agg.results.map((r) => [
    `${r.rank}${r.tiedWith.length > 0 ? '=' : ''}`,
    pkg.applicants.find((a) => a.id === r.applicantId)?.name ?? r.applicantId,
    ...experts.map((e) => {
      if (r.recusedExpertIds.includes(e.id)) return '回避';
      const t = r.experts.find((x) => x.expertId === e.id);
      if (!t) return '—';
      return `${t.dropped ? '(' : ''}${fmt2(t.total)}${t.dropped ? ')' : ''}${t.deviation ? '!' : ''}`;
    }),
    fmt2(r.mean),
    r.trimmedMean ? fmt2(r.trimmedMean) : '—',
    fmt2(r.median),
    fmt2(r.spread),
    ...pkg.rubric.criteria.map((c) => fmt2(r.criterionMeans[c.id] ?? 0)),
    String(r.validSheets),
  ]);
  const numeric = new Set(header.map((_, i) => i).filter((i) => i >= 2));
  const lines = [
    `${pkg.title}`,
    `汇总方法：${METHOD_LABEL[agg.method]}（有效评分表 ≥ ${pkg.aggregation.trimMinSheets} 份时去掉最高、最低分）；分数四舍五入保留两位小数`,
    `已提交：${agg.submittedExpertIds.join('、') || '无'}${agg.missingExpertIds.length > 0 ? `；未提交：${agg.missingExpertIds.join('、')}` : ''}`,
    '',
    renderTable(header, rows, numeric),
    '',
    '(x) 去极值时去掉的分数；! 偏离其他专家均分超过阈值；= 并列，须由组长记录排序理由',
  ];
  for (const r of agg.results) {
    for (const e of r.experts.filter((x) => x.deviation)) {
      lines.push(
        `! ${e.expertId} 对 ${r.applicantId}：偏离 ${fmt2(e.deviation ?? 0)} 分；理由：${e.deviationReason ?? '（未填写，组长签署前须记录）'}`,
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
  name: 'score',
  summary:
    "汇总专家组评分表（JSON 或纸质评分表录入的 CSV），输出排名表 / aggregate a panel's sheets",
  usage: `jiebang score --package REVIEW_PACKAGE.json SHEET.json... [--csv SHEETS.csv] [--json]

Aggregates the panel's score sheets with the package's settings and prints the ranking table with
every figure the chair needs: each expert's total, mean, trimmed mean (dropped scores in
parentheses), median, spread, per-criterion means, deviations with reasons, ties, and the
horse-race proposal. Sheets are JSON files, or one CSV typed in from paper sheets with columns
expertId,applicantId,recusal,recusalReason,<criterion ids…>,opinion,deviationReason
(Chinese headers 专家编号,揭榜方编号,回避类型,回避理由,…,总体意见,偏离理由 also accepted).`,
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
    const sheets: ScoreSheet[] = [];
    // A .csv given as a plain argument is read as the paper-sheet CSV, like --csv.
    const csvFiles = [
      ...(values.csv !== undefined ? [values.csv] : []),
      ...positionals.filter((f) => f.toLowerCase().endsWith('.csv')),
    ];
    for (const file of positionals.filter((f) => !f.toLowerCase().endsWith('.csv'))) {
      const parsed = ScoreSheetSchema.safeParse(await readJsonFile(io.cwd, file));
      if (!parsed.success) {
        throw new CliUsageError(
          `${file} 不是有效的评分表：${parsed.error.issues
            .slice(0, 5)
            .map((i) => `${i.path.join('.')} ${i.message}`)
            .join('；')}`,
        );
      }
      if (parsed.data.packageId !== pkg.packageId)
        throw new CliUsageError(`${file} 属于另一个评审包（${parsed.data.packageId}）`);
      sheets.push(parsed.data);
    }
    for (const csv of csvFiles) {
      const result = parseSheetsCsv(await readTextFile(io.cwd, csv), pkg);
      if (!result.ok) throw new CliUsageError(`${csv}：\n  ${result.errors.join('\n  ')}`);
      sheets.push(...result.sheets);
    }
    if (sheets.length === 0) throw new CliUsageError('没有评分表 no sheets given');
    const agg = aggregate(pkg, sheets);
    io.out(values.json ? `${JSON.stringify(toJson(pkg, agg), null, 2)}\n` : toText(pkg, agg));
    return 0;
  },
};
