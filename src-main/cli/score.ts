import { parseArgs } from 'node:util';
import { gatherSheets, methodSentence, notCountedLine } from '../../src-shared/decision';
import { capLines } from '../../src-shared/io';
import { fmt2, type Dec } from '../../src-shared/money';
import type { ReviewPackage } from '../../src-shared/model';
import { aggregate, proposeHorseRace, type AggregateResult } from '../../src-shared/scoring';
import { summaryTable } from '../../src-shared/summary';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { answersUncheckedLine, openReviewPackage } from './io';
import { readPanelInputs } from './panel-inputs';
import { renderSummary } from './table';
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
  // The 评分汇总表 as the chair's screen and the export have it (src-shared/summary).
  const table = summaryTable(pkg, agg);
  const lines = [
    `${pkg.title}`,
    `汇总方法：${table.method}；分数四舍五入保留两位小数`,
    `已提交：${agg.submittedExpertIds.join('、') || '无'}${agg.missingExpertIds.length > 0 ? `；未提交：${agg.missingExpertIds.join('、')}` : ''}`,
    '',
    renderSummary(table),
    '',
    table.legend,
    ...table.notes,
  ];
  const race = proposeHorseRace(pkg, agg);
  lines.push(
    '',
    `赛马制建议（第十二条（五））：${race.isRecommended ? race.candidateIds.join('、') : '不适用'}`,
    ...race.reasons.map((r) => `  · ${r}`),
  );
  return `${lines.join('\n')}\n`;
}

export const scoreCommand: CliCommand = {
  usage: `jiebang score --package REVIEW_PACKAGE.json|.jbx SHEET… [--csv SHEETS.csv] [--json]
jiebang score --package REVIEW_PACKAGE.json|.jbx PANEL.jbx [--identity KEY | --passphrase-file F] [--json]

Aggregates the panel's score sheets with the package's settings and prints the ranking table with
every figure the chair needs: each expert's total, mean, trimmed mean (dropped scores in
parentheses), median, spread, per-criterion means, valid sheets, the method actually applied,
deviations with reasons, ties, and the horse-race proposal. An applicant with no valid sheet gets
no figure and no rank (无有效评分). Sheets are JSON files, sheet bundles (.jbx), or a CSV typed in
from paper sheets (UTF-8, UTF-8 with BOM, or GB18030/GBK as Excel and WPS save it; or the same
table as an Excel workbook .xlsx, its first worksheet whose header names 专家编号) with columns
expertId,applicantId,recusal,recusalReason,<criterion ids…>,opinion,deviationReason
(Chinese headers 专家编号,揭榜方编号,回避类型,回避理由,…,总体意见,偏离理由 also accepted; a recusal
kind by its code or its Chinese name; scores as plain decimals only, 17 or 17.5 — .5, 17., +17, -0,
1e1, 0x11 refused — full-width digits read as digits).
A panel bundle (.jbx, the chair's 专家组评审结果) is verified and read as jiebang export and check
read it: its signed sheets and transcribed paper sheets; an encrypted one is opened with
--identity (age identity file) or --passphrase-file.
Every sheet is validated against the rubric first: a bad cell is named (row, expert, applicant,
criterion) and the command exits 2 with no table.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        package: { type: 'string' },
        csv: { type: 'string' },
        ...ageKeyOptions,
      },
    });
    if (values.package === undefined)
      throw new CliUsageError('需要 --package 评审包 (--package is required)');
    const { pkg, manifestSha256 } = await openReviewPackage(io.cwd, values.package);
    const files = [...positionals, ...(values.csv !== undefined ? [values.csv] : [])];
    const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
    // One reading of a panel bundle or sheet files, as export and print read them.
    const { sources } = await readPanelInputs(io.cwd, files, pkg, keys, undefined, manifestSha256);
    if (sources.length === 0) throw new CliUsageError('没有评分表 no sheets given');
    const unchecked = answersUncheckedLine(sources, manifestSha256);
    if (unchecked) io.err(unchecked);
    // The same validation as the chair's import: a refused sheet is named, and nothing is ranked;
    // of two sheets of one expert the one rule decides (a signed sheet over a transcription).
    const gathered = gatherSheets(pkg, sources);
    for (const p of gathered.setAside) io.err(`! ${notCountedLine(p)}\n`);
    if (gathered.problems.length > 0)
      throw new CliUsageError(
        `评分表未通过评分标准校验，未汇总：\n  ${capLines(gathered.problems.map((p) => `${p.origin}：${p.message}`)).join('\n  ')}`,
      );
    const agg = aggregate(pkg, gathered.sheets);
    io.out(values.json ? `${JSON.stringify(toJson(pkg, agg), null, 2)}\n` : toText(pkg, agg));
    return 0;
  },
};
