import { parseArgs } from 'node:util';
import { gatherSheets, notCountedLine, provenanceOf } from '../../src-shared/decision';
import { capLines } from '../../src-shared/io';
import { roundSheets, summaryCsv } from '../xlsx/summary';
import { writeWorkbook } from '../xlsx/workbook';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { answersUncheckedLine, openReviewPackage, writeOutput } from './io';
import { readPanelInputs } from './panel-inputs';
import { CliUsageError, type CliCommand } from './types';

export const exportCommand: CliCommand = {
  usage: `jiebang export (--xlsx OUT.xlsx | --csv OUT.csv) --package PKG.json|PKG.jbx SHEET… [--decision DECISION.json]
jiebang export (--xlsx OUT.xlsx | --csv OUT.csv) --package PKG.json PANEL.jbx [--identity KEY | --passphrase-file F]

Writes the 评分汇总表 — applicant × expert totals (recusals as 回避), mean, trimmed mean, median, spread,
per-criterion means, valid sheets, the method actually applied and why, recusals, deviations with
their reasons, ties, the scores the trimmed mean dropped (去极值去掉的分数), the experts whose sheet is a
paper transcription (纸质转录) — from the same summaryTable() as jiebang score and the chair's screen.
--xlsx: an Excel workbook with the 评分汇总表, 专家评分明细 (each expert's points by criterion, the
total and how it counted, 来源 电子签名 / 纸质转录 with the scan's name and SHA-256) and, with a
decision (a panel bundle, or --decision), 专家组意见与核定经费 (the recommended solvers, the
approved funding in 万元, the horse race, the opinion, what the chair recorded, the rules'
findings); Chinese headers, frozen header rows, numbers as numbers with two
decimals (a dropped score shown (90.00) by its format, the value a number). --csv: the 评分汇总表
as CSV, UTF-8 with a BOM, the workbook's values: numbers plain, text that would start a formula
(= + - @) with a leading '.
Sheets are validated against the rubric first, as at every door: a bad one is named and nothing is
written.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        xlsx: { type: 'string' },
        csv: { type: 'string' },
        package: { type: 'string' },
        decision: { type: 'string' },
        ...ageKeyOptions,
      },
    });
    const out = values.xlsx ?? values.csv;
    if (out === undefined || (values.xlsx !== undefined && values.csv !== undefined))
      throw new CliUsageError('请给出 --xlsx OUT.xlsx 或 --csv OUT.csv（二选一）');
    if (values.package === undefined) throw new CliUsageError('需要 --package 评审包');
    if (positionals.length === 0) throw new CliUsageError('请给出评分表文件或专家组评审结果文件包');
    const { pkg, manifestSha256 } = await openReviewPackage(io.cwd, values.package);
    const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
    const { sources, decision } = await readPanelInputs(
      io.cwd,
      positionals,
      pkg,
      keys,
      values.decision,
      manifestSha256,
    );
    const unchecked = answersUncheckedLine(sources, manifestSha256);
    if (unchecked) io.err(unchecked);
    const gathered = gatherSheets(pkg, sources);
    for (const p of gathered.setAside) io.err(`! ${notCountedLine(p)}\n`);
    if (gathered.problems.length > 0)
      throw new CliUsageError(
        `评分表未通过评分标准校验，未导出：\n  ${capLines(gathered.problems.map((p) => `${p.origin}：${p.message}`)).join('\n  ')}`,
      );
    // The same sheets as the bureau's desk exports (src-main/xlsx/summary.ts roundSheets).
    const round = roundSheets(pkg, gathered.sheets, decision, provenanceOf(gathered.counted));
    const { summary } = round;
    const bytes: Uint8Array | string =
      values.csv !== undefined ? summaryCsv(summary) : await writeWorkbook(round.sheets);
    await writeOutput(io.cwd, out, bytes);
    io.out(
      `已导出：${out}（评分汇总表：揭榜方 ${summary.rows.length} 家 × 专家 ${pkg.panel.experts.length} 名${values.xlsx !== undefined ? `；专家评分明细${decision ? '；专家组意见与核定经费' : ''}` : '，CSV UTF-8（含 BOM）'}）\n`,
    );
    return 0;
  },
};
