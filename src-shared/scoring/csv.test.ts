import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherSheets } from '../decision';
import { READ_LIMITS } from '../io';
import { RECUSAL_LABEL, type ScoreSheet } from '../model';
import { samplePackage, sampleSheets } from '../sample-fixture';
import { aggregate, NO_VALID_SHEETS } from './aggregate';
import { parseSheetsCsv, readSheetsCsv } from './csv';
import { validateSheet } from './sheet';

const pkg = samplePackage();
const HEADER = '专家编号,揭榜方编号,回避类型,回避理由,C1,C2,C3,C4,总体意见,偏离理由';

/** The sample's sheets as a secretary types them from paper (one row per expert and applicant). */
function csvOf(sheets: readonly ScoreSheet[], cell = (v: number) => String(v)): string {
  const rows = sheets.flatMap((s) =>
    s.scores.map((x) =>
      x.recusal
        ? [
            s.expertId,
            x.applicantId,
            x.recusal.kind,
            x.recusal.reason,
            '',
            '',
            '',
            '',
            '',
            '',
          ].join(',')
        : [
            s.expertId,
            x.applicantId,
            '',
            '',
            ...x.criteria.map((c) => cell(c.points)),
            x.overallOpinion,
            x.deviationReason ?? '',
          ].join(','),
    ),
  );
  return [HEADER, ...rows].join('\r\n');
}

const errorsOf = (text: string) => {
  const r = parseSheetsCsv(text, pkg);
  return r.ok ? [] : r.errors;
};

describe('the paper-sheet CSV', () => {
  it('reads the sample and ranks as the JSON sheets do', () => {
    const r = parseSheetsCsv(csvOf(sampleSheets()), pkg);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const figures = (s: readonly ScoreSheet[]) =>
      aggregate(pkg, s).results.map((x) => [x.applicantId, x.rank, x.final?.toFixed(2)]);
    expect(figures(r.sheets)).toEqual(figures(sampleSheets()));
  });
  it('reads full-width digits and points as digits (１７．５)', () => {
    const full = (v: number) =>
      [...String(v)]
        .map((c) => (c === '.' ? '．' : String.fromCodePoint(0xff10 + Number(c))))
        .join('');
    const r = parseSheetsCsv(csvOf(sampleSheets(), full), pkg);
    expect(r.ok && r.sheets[0]?.scores[0]?.criteria.map((c) => c.points)).toEqual([
      17.5, 35, 17.5, 18,
    ]);
  });
  it('reads ids typed full-width (Ｅ０１, Ａ０１) or with an invisible character as the ids they are', () => {
    const text = csvOf(sampleSheets())
      .replace('E01,A01,', 'Ｅ０１,Ａ０１,')
      .replace('E01,A02,', 'E01\u200b, A02 ,');
    const r = parseSheetsCsv(text, pkg);
    expect(r.ok ? '' : r.errors).toBe('');
    expect(r.ok && r.sheets[0]?.scores.map((x) => x.applicantId)).toEqual([
      'A01',
      'A02',
      'A03',
      'A04',
    ]);
  });
  it('accepts the recusal kind as the app names it in Chinese as well as its code', () => {
    const text = csvOf(sampleSheets()).replace(
      'same-organisation,本人任职于该揭榜方',
      `${RECUSAL_LABEL['same-organisation']},本人任职于该揭榜方`,
    );
    const r = parseSheetsCsv(text, pkg);
    expect(r.ok && r.sheets.find((s) => s.expertId === 'E05')?.scores[2]?.recusal?.kind).toBe(
      'same-organisation',
    );
    expect(errorsOf(text.replace(RECUSAL_LABEL['same-organisation'], '同单位'))[0]).toContain(
      '回避类型“同单位”无效',
    );
  });
  it('names each bad cell by row, expert, applicant and criterion; ranks nothing', () => {
    const text = csvOf(sampleSheets())
      .replace('E01,A01,,,17.5,', 'E01,A01,,,99,')
      .replace('E01,A02,,,17,', 'E01,A02,,,0x11,')
      .replace('E01,A03,,,17,', 'E01,A03,,,1.7e1,')
      .replace('E01,A04,,,14.5,', 'E01,A04,,,14.3,');
    const errors = errorsOf(text);
    expect(errors).toContain(
      '第 2 行 · 专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）：“揭榜方资质条件”的分值应在 0 至 20 分之间（填写的是 99）',
    );
    expect(errors).toContain(
      '第 3 行 · 专家 E01 · 揭榜方 A02 · 揭榜方资质条件（C1）：“0x11”不是数字（只接受如 17 或 17.5 这样的十进制数）',
    );
    expect(
      errors.some((e) =>
        e.startsWith('第 4 行 · 专家 E01 · 揭榜方 A03 · 揭榜方资质条件（C1）：“1.7e1”不是数字'),
      ),
    ).toBe(true);
  });
  it('refuses a CSV past the row cap without reading on, and caps the lines it reports', () => {
    const row = 'E99,A01,,,1,1,1,1,x,';
    const many = [HEADER, ...Array.from({ length: READ_LIMITS.csvRows + 5 }, () => row)].join('\n');
    expect(errorsOf(many)).toEqual(['超过 20,000 行的上限（每位专家对每家揭榜方一行），未读取']);
    const some = [HEADER, ...Array.from({ length: 200 }, () => row)].join('\n');
    const errors = errorsOf(some);
    expect(errors).toHaveLength(READ_LIMITS.errorLines + 1);
    expect(errors.at(-1)).toMatch(/^……另有 \d+ 处问题未列出$/);
  });
  it('refuses a column given twice (a second C1, or expertId beside 专家编号) instead of reading one of them', () => {
    const lines = csvOf(sampleSheets()).split('\r\n');
    const twiceC1 = [`${lines[0]},C1`, ...lines.slice(1).map((l) => `${l},0`)].join('\n');
    expect(errorsOf(twiceC1)).toEqual(['列“C1”出现 2 次（第 5、11 列），无法确定以哪一列为准']);
    const aliasTwice = [
      `${lines[0]?.replace('专家编号', 'expertId')},专家编号`,
      ...lines.slice(1).map((l) => `${l},E07`),
    ].join('\n');
    expect(errorsOf(aliasTwice)).toEqual([
      '列“专家编号（expertId）”出现 2 次（第 1、11 列），无法确定以哪一列为准',
    ]);
  });
  it('refuses a header past the column bound at once, before reading it as names', () => {
    const wide = `${HEADER}${',x'.repeat(READ_LIMITS.csvColumns)}\nE01,A01`;
    expect(errorsOf(wide)).toEqual([
      `表头有 ${READ_LIMITS.csvColumns + 10} 列，超过 ${READ_LIMITS.csvColumns} 列的上限，未读取`,
    ]);
  });
  it('refuses a CSV with a header and no rows, instead of reading it as no sheets', () => {
    expect(errorsOf(HEADER)).toEqual(['没有评分行：只有表头（或只有空行）']);
    expect(errorsOf(`${HEADER}\n,,,,,,,,,\n\n`)).toEqual(['没有评分行：只有表头（或只有空行）']);
    expect(errorsOf(' \r\n')).toEqual(['文件是空的，没有表头（专家编号,揭榜方编号,…）和评分行。']);
  });
  it('names a row with more or fewer cells than the header', () => {
    const text = csvOf(sampleSheets())
      .replace('E01,A01,,,17.5,35,17.5,18,', 'E01,A01,,,17.5,35,17.5,18,x,')
      .replace('E01,A02,,,17,34.5,17,17.5,方案先进可行，建议支持。,', 'E01,A02,,,17,34.5');
    const errors = errorsOf(text);
    expect(errors).toContain('第 2 行：有 11 个单元格，表头只有 10 列');
    expect(errors).toContain('第 3 行：有 6 个单元格，表头有 10 列');
  });
  it('names an empty file, full-width commas between columns and ragged rows in sentences', () => {
    expect(errorsOf('')).toEqual(['文件是空的，没有表头（专家编号,揭榜方编号,…）和评分行。']);
    expect(errorsOf('\uFEFF\r\n')).toHaveLength(1);
    const fullWidth = errorsOf(
      `${HEADER.replaceAll(',', '，')}\nE01，A01，，，18，17，16，15，好，`,
    );
    expect(fullWidth).toHaveLength(1);
    expect(fullWidth[0]).toMatch(/^表头各列以全角逗号“，”分隔；请以半角逗号“,”分隔/);
    // A full-width comma inside a cell is text, not a separator.
    const inCell = csvOf(sampleSheets())
      .replace('18,', '18,')
      .replace(/,([^,\r\n]*)\r?$/m, ',好，很好');
    expect(errorsOf(inCell).some((e) => e.includes('全角逗号'))).toBe(false);
    const ragged = errorsOf(`${HEADER}\nE01,A01,,,18,17,16,15,好,,多余\n"E02,A01`);
    expect(ragged).toContain('第 2 行：有 11 个单元格，表头只有 10 列');
    expect(ragged.some((e) => e.startsWith('第 3 行：引号未闭合'))).toBe(true);
    for (const e of [...fullWidth, ...ragged])
      expect(e).not.toMatch(/auto-detect|Too (few|many) fields|Quoted field|Invalid quotes/);
  });
  it('reads GB18030 bytes (as Excel and WPS save CSV on Chinese Windows) through the one reader', () => {
    // "专家编号" in GB18030, then the rest of the header in ASCII: enough to tell the decoding.
    const gbHeader = new Uint8Array([0xd7, 0xa8, 0xbc, 0xd2, 0xb1, 0xe0, 0xba, 0xc5]);
    const r = readSheetsCsv(gbHeader, 'gb.csv', pkg);
    expect(r.ok ? [] : r.errors).toContain('缺少列：applicantId');
    expect(r.ok ? [] : r.errors).not.toContain('缺少列：expertId');
  });
});

describe('「无有效评分」', () => {
  it('gives an applicant every expert recused from no figure and no rank', () => {
    const sheets = sampleSheets().map((s) => ({
      ...s,
      scores: s.scores.map((x) =>
        x.applicantId === 'A03'
          ? {
              applicantId: 'A03',
              recusal: { kind: 'other' as const, reason: '回避' },
              criteria: [],
              overallOpinion: '',
            }
          : x,
      ),
    }));
    const a03 = aggregate(pkg, sheets).results.find((r) => r.applicantId === 'A03');
    expect(a03).toMatchObject({
      final: null,
      rank: null,
      mean: null,
      validSheets: 0,
      method: null,
    });
    expect(aggregate(pkg, sheets).results.at(-1)?.applicantId).toBe('A03');
    expect(NO_VALID_SHEETS).toBe('无有效评分');
  });
});

describe('property: a sheet with any value outside the rubric is refused by every door', () => {
  it("validateSheet, the chair's gathering (also check's) and the CSV all refuse it", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 6 }),
        fc.nat({ max: 3 }),
        fc.nat({ max: 2 }),
        fc.oneof(
          fc.integer({ min: 41, max: 1000 }),
          fc.integer({ min: -1000, max: -1 }),
          fc.constantFrom(0.3, 17.25, 12.1),
        ),
        (e, a, c, points) => {
          const sheets = sampleSheets();
          const sheet = sheets[e];
          const score = sheet?.scores[a];
          const entry = score?.criteria[c];
          if (!sheet || !score || !entry) return; // a recusal: nothing to put out of range
          entry.points = points;
          expect(validateSheet(sheet, pkg).some((i) => i.field === 'points')).toBe(true);
          const gathered = gatherSheets(
            pkg,
            sheets.map((s) => ({ sheet: s, origin: s.expertId, standing: 'paper' as const })),
          );
          expect(gathered.sheets.map((s) => s.expertId)).not.toContain(sheet.expertId);
          expect(parseSheetsCsv(csvOf(sheets), pkg).ok).toBe(false);
        },
      ),
      { numRuns: 80 },
    );
  });
});
