import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../scoring/aggregate';
import { samplePackage, sampleSheets } from '../sample-fixture';
import { csvText, summaryCsvRows } from './csv';
import { summaryTable } from './summary';

/** The rows as a spreadsheet reads them back: through a CSV parser, by header. */
function readBack(rows: string[][]): Record<string, string>[] {
  const text = Papa.unparse(rows, { newline: '\r\n' });
  const parsed = Papa.parse<Record<string, string>>(text, { header: true });
  return parsed.data;
}

describe('the 评分汇总表 as CSV cells', () => {
  it('writes every score as a plain number: no (90.00), no 40.00!, no 1=, no 0*', () => {
    const pkg = samplePackage();
    const rows = readBack(summaryCsvRows(summaryTable(pkg, aggregate(pkg, sampleSheets()))));
    const a01 = rows.find((r) => r['揭榜方编号'] === 'A01');
    expect(a01).toMatchObject({
      名次: '1',
      E03: '90.00',
      E07: '84.00',
      去极值平均: '87.00',
      有效: '7',
      去极值去掉的分数: 'E03 90.00（最高分）、E07 84.00（最低分）',
    });
    const a04 = rows.find((r) => r['揭榜方编号'] === 'A04');
    expect(a04?.E04).toBe('40.00');
    expect(a04?.偏离及理由).toContain('E04 偏离 -31.67 分');
    // Every expert's and figure's cell is a number a spreadsheet reads as itself, or a mark.
    for (const r of rows)
      for (const h of ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', '平均', '有效'])
        expect(r[h]).toMatch(/^(\d+(\.\d\d)?|回避|—)$/);
  });

  it('guards text that a spreadsheet would take for a formula (CSV injection): = + - @', () => {
    for (const t of ['=HYPERLINK("http://x","点")', '+1', '-2+3', '@SUM(A1)', '\t=1'])
      expect(csvText(t)).toBe(`'${t}`);
    for (const t of ['新疆水处理技术研究院', 'E04 偏离 -31.67 分', '', '（=1）'])
      expect(csvText(t)).toBe(t);
    const pkg = samplePackage();
    const evil = {
      ...pkg,
      applicants: pkg.applicants.map((a) =>
        a.id === 'A02' ? { ...a, name: "=cmd|' /C calc'!A0" } : a,
      ),
    };
    const rows = readBack(summaryCsvRows(summaryTable(evil, aggregate(evil, sampleSheets()))));
    expect(rows.find((r) => r['揭榜方编号'] === 'A02')?.揭榜方).toBe("'=cmd|' /C calc'!A0");
  });
});
