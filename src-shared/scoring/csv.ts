/**
 * Score sheets typed in by a secretary from paper, as CSV (UTF-8, one row per expert and
 * applicant). Header, English or Chinese:
 *   expertId|专家编号, applicantId|揭榜方编号, recusal|回避类型, recusalReason|回避理由,
 *   <one column per criterion id>, opinion|总体意见, deviationReason|偏离理由
 * Every problem is reported with its row number; nothing is half-read.
 */
import Papa from 'papaparse';
import { RecusalKindSchema, ScoreSheetSchema, type ReviewPackage, type ScoreSheet } from '../model';

const ALIASES: Record<string, string> = {
  专家编号: 'expertId',
  揭榜方编号: 'applicantId',
  回避类型: 'recusal',
  回避理由: 'recusalReason',
  总体意见: 'opinion',
  偏离理由: 'deviationReason',
};

export type CsvResult = { ok: true; sheets: ScoreSheet[] } | { ok: false; errors: string[] };

export function parseSheetsCsv(text: string, pkg: ReviewPackage): CsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => ALIASES[h.trim()] ?? h.trim(),
  });
  const errors = parsed.errors.map((e) => `第 ${(e.row ?? 0) + 2} 行：${e.message}`);
  const fields = parsed.meta.fields ?? [];
  for (const required of ['expertId', 'applicantId', ...pkg.rubric.criteria.map((c) => c.id)]) {
    if (!fields.includes(required)) errors.push(`缺少列：${required}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const sheets = new Map<string, ScoreSheet>();
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    const expertId = (row['expertId'] ?? '').trim();
    const applicantId = (row['applicantId'] ?? '').trim();
    if (!pkg.panel.experts.some((e) => e.id === expertId))
      errors.push(`第 ${line} 行：专家编号“${expertId}”不在专家名单中`);
    if (!pkg.applicants.some((a) => a.id === applicantId))
      errors.push(`第 ${line} 行：揭榜方编号“${applicantId}”不在评审包中`);
    const sheet = sheets.get(expertId) ?? {
      formatVersion: 1,
      packageId: pkg.packageId,
      expertId,
      status: 'submitted',
      scores: [],
    };
    sheets.set(expertId, sheet);
    if (sheet.scores.some((s) => s.applicantId === applicantId))
      errors.push(`第 ${line} 行：${expertId} 对 ${applicantId} 的评分重复`);
    const recusalText = (row['recusal'] ?? '').trim();
    if (recusalText !== '') {
      const kind = RecusalKindSchema.safeParse(recusalText);
      if (!kind.success)
        errors.push(
          `第 ${line} 行：回避类型“${recusalText}”无效（可选：${RecusalKindSchema.options.join('、')}）`,
        );
      sheet.scores.push({
        applicantId,
        recusal: {
          kind: kind.success ? kind.data : 'other',
          reason: (row['recusalReason'] ?? '').trim() || '（纸质评分表载明回避）',
        },
        criteria: [],
        overallOpinion: '',
      });
      return;
    }
    const criteria = pkg.rubric.criteria.map((c) => {
      const raw = (row[c.id] ?? '').trim();
      const points = Number(raw);
      if (raw === '' || !Number.isFinite(points))
        errors.push(`第 ${line} 行：“${c.name}”（${c.id}）的分值“${raw}”不是数字`);
      return { criterionId: c.id, points: Number.isFinite(points) ? points : 0, comment: '' };
    });
    const deviationReason = (row['deviationReason'] ?? '').trim();
    sheet.scores.push({
      applicantId,
      criteria,
      overallOpinion: (row['opinion'] ?? '').trim(),
      ...(deviationReason ? { deviationReason } : {}),
    });
  });
  if (errors.length > 0) return { ok: false, errors };
  const out: ScoreSheet[] = [];
  for (const sheet of sheets.values()) {
    const checked = ScoreSheetSchema.safeParse(sheet);
    if (!checked.success)
      errors.push(`${sheet.expertId}：${checked.error.issues.map((x) => x.message).join('；')}`);
    else out.push(checked.data);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sheets: out };
}
