import { describe, expect, it } from 'vitest';
import { aggregate } from '../scoring/aggregate';
import { sampleDecision, samplePackage, sampleSheets } from '../sample-fixture';
import { cellText, isCompactColumn, summaryLegend, summaryTable } from './summary';
import { decisionTable, expertScoresTable } from './details';
import type { SheetProvenance } from '../decision/gather';

const table = () => {
  const pkg = samplePackage();
  return summaryTable(pkg, aggregate(pkg, sampleSheets()));
};
/** The 专家评分明细 row of `expert` on `applicant` (its first and third columns). */
const rowOf = (t: ReturnType<typeof expertScoresTable>, expert: string, applicant: string) =>
  t.rows.find(
    (r) =>
      r[0]?.kind === 'text' &&
      r[0].text === expert &&
      r[2]?.kind === 'text' &&
      r[2].text === applicant,
  );
const textRow = (id: string) => {
  const t = table();
  const row = t.rows.find((r) => r.applicantId === id);
  return Object.fromEntries(
    t.columns.map((c, i) => [
      c.header,
      row ? cellText(row.cells[i] ?? { kind: 'mark', text: '—' }) : '',
    ]),
  );
};

describe('summaryTable: the one 评分汇总表', () => {
  it('has the chair’s columns in the compact view, and the details beside them', () => {
    const t = table();
    expect(t.columns.filter(isCompactColumn).map((c) => c.header)).toEqual([
      '名次',
      '揭榜方',
      'E01',
      'E02',
      'E03',
      'E04',
      'E05',
      'E06',
      'E07',
      '平均',
      '去极值平均',
      '中位数',
      '极差',
      'C1均分',
      'C2均分',
      'C3均分',
      'C4均分',
      '有效',
      '汇总方法',
    ]);
    expect(t.columns.filter((c) => !isCompactColumn(c)).map((c) => c.header)).toEqual([
      '揭榜方编号',
      '方法说明',
      '回避专家',
      '偏离及理由',
      '并列',
      '去极值去掉的分数',
      '有效评分表不足',
      '纸质转录',
    ]);
    expect(t.columns.find((c) => c.header === 'E03')?.title).toBe('孙昇');
  });

  it('marks the dropped scores, a deviation with its reason, a recusal', () => {
    expect(textRow('A01')).toMatchObject({
      名次: '1',
      E03: '(90.00)',
      E07: '(84.00)',
      平均: '87.00',
      去极值平均: '87.00',
      有效: '7',
      汇总方法: '去极值平均',
      去极值去掉的分数: 'E03 90.00（最高分）、E07 84.00（最低分）',
      有效评分表不足: '',
    });
    expect(textRow('A03')).toMatchObject({
      E05: '回避',
      回避专家: 'E05',
      平均: '84.50',
      有效: '6',
    });
    expect(textRow('A04')).toMatchObject({ E04: '(40.00)!', 极差: '35.00' });
    expect(textRow('A04').偏离及理由).toContain('E04 偏离 -31.67 分：MVR 蒸发能耗高');
    expect(table().notes).toContain(
      '! E04 对 A04：偏离 -31.67 分；理由：MVR 蒸发能耗高、吨水成本不满足指标 I4，方案与榜单需求不符。',
    );
  });

  it('gives an applicant every expert recused from no figure and no rank (无有效评分), and names the plain mean below trimMinSheets', () => {
    const pkg = samplePackage();
    const sheets = sampleSheets()
      .slice(0, 4)
      .map((s) => ({
        ...s,
        scores: s.scores.map((x) =>
          x.applicantId === 'A03'
            ? {
                applicantId: 'A03',
                recusal: { kind: 'other' as const, reason: '同一单位' },
                criteria: [],
                overallOpinion: '',
              }
            : x,
        ),
      }));
    const t = summaryTable(pkg, aggregate(pkg, sheets));
    const a03 = t.rows.find((r) => r.applicantId === 'A03');
    const at = (h: string) => t.columns.findIndex((c) => c.header === h);
    expect(a03 && cellText(a03.cells[at('名次')] ?? { kind: 'mark', text: '—' })).toBe('—');
    expect(a03 && cellText(a03.cells[at('平均')] ?? { kind: 'mark', text: '—' })).toBe('—');
    expect(a03 && cellText(a03.cells[at('汇总方法')] ?? { kind: 'mark', text: '—' })).toBe(
      '无有效评分',
    );
    expect(a03 && cellText(a03.cells[at('有效')] ?? { kind: 'mark', text: '—' })).toBe('0*');
    expect(a03 && cellText(a03.cells[at('有效评分表不足')] ?? { kind: 'mark', text: '—' })).toBe(
      '0 份，少于 5 份',
    );
    expect(t.method).toContain(
      '按算术平均汇总（评审包规定去掉一个最高分和一个最低分后平均，但有效评分表 4 份',
    );
    expect(t.notes).toContain('* A03：无有效评分，少于 5 份');
  });
});

describe('the export’s other tables', () => {
  it('lists each expert’s points by criterion and how each total counted', () => {
    const pkg = samplePackage();
    const sheets = sampleSheets();
    const t = expertScoresTable(pkg, sheets, aggregate(pkg, sheets));
    const row = rowOf(t, 'E04', 'A04');
    expect(row?.slice(5, 12)).toEqual([
      { kind: 'score', value: '8.00' },
      { kind: 'score', value: '16.00' },
      { kind: 'score', value: '8.00' },
      { kind: 'score', value: '8.00' },
      { kind: 'score', value: '40.00' },
      { kind: 'text', text: '去掉（最低分）' },
      { kind: 'score', value: '-31.67' },
    ]);
    const recused = rowOf(t, 'E05', 'A03');
    expect(recused?.[4]).toMatchObject({ kind: 'text' });
  });

  it('names each sheet’s 来源: 电子签名, or 纸质转录 with who typed it in and the scan', () => {
    const pkg = samplePackage();
    const sheets = sampleSheets();
    const sha = 'ab'.repeat(32);
    const provenance: SheetProvenance[] = sheets.map((x) =>
      x.expertId === 'E05'
        ? {
            expertId: 'E05',
            standing: 'paper',
            paper: {
              transcribedBy: '秘书 陈静',
              checkedBy: '秘书 李强',
              scan: { path: 'paper/E05.pdf', sha256: sha },
            },
          }
        : { expertId: x.expertId, standing: 'signed' },
    );
    const agg = aggregate(pkg, sheets);
    const t = expertScoresTable(pkg, sheets, agg, provenance);
    expect(t.headers.slice(-3)).toEqual(['来源', '录入人', '扫描件']);
    const cells = (expert: string, applicant: string) => rowOf(t, expert, applicant)?.slice(-3);
    expect(cells('E05', 'A01')).toEqual([
      { kind: 'text', text: '纸质转录' },
      { kind: 'text', text: '秘书 陈静（复核 秘书 李强）' },
      { kind: 'text', text: `paper/E05.pdf SHA-256 ${sha}` },
    ]);
    // A recusal's short row still ends with its source, in the same columns.
    const recused = rowOf(t, 'E05', 'A03');
    expect(recused).toHaveLength(t.headers.length);
    expect(recused?.at(-3)).toEqual({ kind: 'text', text: '纸质转录' });
    expect(cells('E01', 'A01')).toEqual([
      { kind: 'text', text: '电子签名' },
      { kind: 'empty' },
      { kind: 'empty' },
    ]);
    const summary = summaryTable(pkg, agg, provenance);
    const at = summary.columns.findIndex((c) => c.header === '纸质转录');
    const a01 = summary.rows.find((r) => r.applicantId === 'A01');
    const a03 = summary.rows.find((r) => r.applicantId === 'A03');
    expect(a01?.cells[at]).toEqual({ kind: 'text', text: 'E05' });
    // E05 recused from A03: no score of A03 came from paper.
    expect(a03?.cells[at]).toEqual({ kind: 'text', text: '' });
  });

  it('gives the decision with its funding in 万元 and the rules’ findings', () => {
    const pkg = samplePackage();
    const t = decisionTable(pkg, aggregate(pkg, sampleSheets()), sampleDecision(), []);
    expect(t.rows[0]).toEqual([
      { kind: 'text', text: 'A01' },
      { kind: 'text', text: '新疆水处理技术研究院（示例）' },
      { kind: 'int', value: 1 },
      { kind: 'score', value: '87.00' },
      { kind: 'text', text: '是' },
      { kind: 'money', value: '400' },
    ]);
    expect(t.rows).toContainEqual([
      { kind: 'text', text: '核定项目经费总额（万元）' },
      { kind: 'money', value: '800' },
    ]);
    expect(t.rows.at(-1)).toEqual([
      { kind: 'text', text: '规则校验' },
      { kind: 'text', text: '通过，无问题' },
    ]);
  });
});

describe('the legend under the 评分汇总表', () => {
  it('names the rule by its Chinese name, never by the field’s code', () => {
    const legend = summaryLegend(samplePackage());
    expect(legend).toContain('有效评分表少于评审包规定的最少有效评分表数（');
    expect(legend).not.toMatch(/aggregation|minValidSheets/);
  });
});
