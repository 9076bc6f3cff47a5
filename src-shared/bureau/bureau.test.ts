import { describe, expect, it } from 'vitest';
import { samplePackage } from '../sample-fixture';
import { readBoolean, readDate, readId, readMoney, readNumber } from './cells';
import { DEFAULT_RUBRIC } from './defaults';
import {
  describeLocation,
  readCsvGrid,
  UNCALCULATED_FORMULA,
  type CellValue,
  type Grid,
} from './grid';
import { packageFromGrids, type FolderFile } from './package-from-grids';
import { tablesFromPackage, templateTables } from './package-to-grids';
import { TABLES } from './tables';

/** The sample as the bureau's workbooks would hold it (before any door). */
function sampleGrids(): Grid[] {
  return tablesFromPackage(samplePackage()).map((t) => ({
    file: `${t.spec.workbook}.xlsx`,
    sheet: t.spec.sheet,
    kind: 'xlsx',
    rows: t.rows,
    merges: [],
  }));
}

function sampleFiles(): Map<string, FolderFile> {
  return new Map(
    samplePackage().applicants.flatMap((a) =>
      a.attachments.map(
        (x) => [x.path.replace('attachments/', ''), { size: x.size, sha256: x.sha256 }] as const,
      ),
    ),
  );
}

/** The sample's grids with one table's rows changed. */
function edit(sheet: string, change: (rows: CellValue[][]) => void, merges: string[] = []): Grid[] {
  return sampleGrids().map((g) => {
    if (g.sheet !== sheet) return g;
    const rows = g.rows.map((r) => [...r]);
    change(rows);
    return { ...g, rows, merges };
  });
}

const problemsOf = (grids: Grid[], files = sampleFiles()): string[] => {
  const r = packageFromGrids(grids, files);
  return r.ok ? [] : r.problems;
};

describe('the review package from the bureau’s lists', () => {
  it('gives the sample back from its own tables (every field of the package has a column)', () => {
    const r = packageFromGrids(sampleGrids(), sampleFiles());
    expect(r.ok && r.pkg).toEqual(samplePackage());
    expect(r.ok && r.attachments.map((a) => a.file)).toContain('A02-agreement.pdf');
  });

  it('tells what it leaves out: a CSV that is no table, a file no applicant names', () => {
    const stray: Grid = {
      file: '专家回避.csv',
      sheet: '专家回避',
      kind: 'csv',
      rows: [['a']],
      merges: [],
    };
    const notes = (grids: Grid[], files: Map<string, FolderFile>) => {
      const r = packageFromGrids(grids, files);
      return r.ok ? r.notes : r.problems;
    };
    const files = sampleFiles().set('expert-E02.jbx', { size: 10, sha256: '0'.repeat(64) });
    const told = notes([...sampleGrids(), stray], files);
    expect(told).toContain(
      '专家回避.csv：不是名单中的任何一张表（表名或文件名不符），未读取；如属名单，请按模板改名',
    );
    expect(told).toContain(
      'expert-E02.jbx：「揭榜方」表的「申报书文件」「合作协议文件」两列都没有写这个文件名，不放入文件包',
    );
    // The sample's own lists and files: nothing left out, nothing said.
    expect(
      notes(sampleGrids(), sampleFiles()).filter(
        (n) => n.includes('不放入') || n.includes('未读取'),
      ),
    ).toEqual([]);
  });

  it('refuses a merged header, naming the file, sheet and range', () => {
    expect(problemsOf(edit('揭榜方', () => undefined, ['A1:B1']))).toEqual([
      'applicants.xlsx 工作表「揭榜方」 第 1 行：表头 A1:B1 为合并单元格，每列须有自己的表头，请取消合并后重新保存',
    ]);
  });

  it('says a formula cell with no saved result is one, not 「不能为空」', () => {
    const grids = edit('揭榜方', (rows) => {
      const row = rows[1];
      if (row) row[1] = null;
    }).map((g) => (g.sheet === '揭榜方' ? { ...g, uncalculated: ['B2'] } : g));
    const problems = problemsOf(grids);
    expect(problems.filter((p) => p.includes('第 2 行 B 列'))).toEqual([
      expect.stringContaining(`：${UNCALCULATED_FORMULA}`),
    ]);
  });

  it('refuses 实施周期（月） “30个月” with a month count as the example, not a score', () => {
    const problems = problemsOf(
      edit('榜单', (rows) => {
        const row = rows.find((r) => r[0] === '实施周期（月）');
        if (row) row[1] = '30个月';
      }),
    );
    expect(problems.filter((p) => p.includes('实施周期'))).toEqual([
      expect.stringMatching(/「实施周期（月）」：“30个月”不是整数（只接受如 24 这样的整数月数）$/),
    ]);
  });

  it('refuses a duplicate applicant id at the second row, naming the first', () => {
    const problems = problemsOf(
      edit('揭榜方', (rows) => {
        const row = rows[3];
        if (row) row[0] = 'A02';
      }),
    );
    expect(problems).toContain(
      'applicants.xlsx 工作表「揭榜方」 第 4 行 A 列「揭榜方编号」：揭榜方编号 A02 与第 3 行重复',
    );
  });

  it('refuses an applicant linked to the 发榜方 by equity (第十条), at its cell', () => {
    const problems = problemsOf(
      edit('揭榜方', (rows) => {
        const row = rows[3];
        if (row) row[4] = '股权关系';
      }),
    );
    expect(problems).toEqual([
      'applicants.xlsx 工作表「揭榜方」 第 4 行 E 列「与发榜方关系（第十条）」：“准噶尔能源技术有限公司（示例）”申报了与发榜方的股权关系，发榜方与揭榜方不得存在隶属或股权等关联关系（第十条）',
    ]);
  });

  it('names every bad cell at once: a bad code, a money in 元, an impossible date, a missing file, a bad choice', () => {
    const grids = edit('成员单位', (rows) => {
      const row = rows[1];
      if (row) {
        row[3] = '12345';
        row[4] = '大学';
      }
    }).map((g) =>
      g.sheet === '榜单'
        ? {
            ...g,
            rows: g.rows.map((r) =>
              r[0] === '市财政资助（万元）'
                ? [r[0], '8000000元']
                : r[0] === '评审日期'
                  ? [r[0], '2026-02-30']
                  : r,
            ),
          }
        : g.sheet === '揭榜方'
          ? {
              ...g,
              rows: g.rows.map((r, i) =>
                i === 1 ? r.map((c, j) => (j === 14 ? 'missing.pdf' : c)) : r,
              ),
            }
          : g,
    );
    const problems = problemsOf(grids);
    expect(problems).toEqual(
      expect.arrayContaining([
        'demand.xlsx 工作表「榜单」 第 20 行 B 列「市财政资助（万元）」：“8000000元”的单位应为万元（如 800 或 800万元）',
        'demand.xlsx 工作表「榜单」 第 6 行 B 列「评审日期」：2026-02-30 不是实际存在的日期',
        'applicants.xlsx 工作表「成员单位」 第 2 行 E 列「单位类型（第九条）」：“大学”不是可选值（可填：高校、科研院所、企业、新型研发机构）',
        'applicants.xlsx 工作表「揭榜方」 第 2 行 O 列「申报书文件」：文件夹中没有名为“missing.pdf”的文件',
      ]),
    );
  });

  it('places a schema problem at its cell (a credit code of 5 characters)', () => {
    const problems = problemsOf(
      edit('成员单位', (rows) => {
        const row = rows[1];
        if (row) row[3] = '12345';
      }),
    );
    expect(problems).toEqual([
      'applicants.xlsx 工作表「成员单位」 第 2 行 D 列「统一社会信用代码」：统一社会信用代码应为 18 位（填写的是 5 位）',
    ]);
  });

  it('says a credit code of 18 characters with a bad check character is that, with the other problems at once (finding 2)', () => {
    const problems = problemsOf(
      edit('成员单位', (rows) => {
        const row = rows[1];
        if (row) {
          row[3] = '12650000MB1234567Z';
          row[4] = '大学';
        }
      }),
    );
    expect(problems).toEqual([
      'applicants.xlsx 工作表「成员单位」 第 2 行 D 列「统一社会信用代码」：统一社会信用代码校验码不对：第 18 位“Z”不是校验码可用的字符（只用数字和除 I、O、Z、S、V 以外的大写字母），请核对营业执照',
      'applicants.xlsx 工作表「成员单位」 第 2 行 E 列「单位类型（第九条）」：“大学”不是可选值（可填：高校、科研院所、企业、新型研发机构）',
    ]);
  });

  it('names a missing table and a missing column', () => {
    const without = sampleGrids().filter((g) => g.sheet !== '专家');
    expect(problemsOf(without)).toEqual([
      '缺少「专家」表：应为 panel.xlsx 中名为「专家」的工作表，或名为 专家.csv（experts.csv）的文件',
    ]);
    const noColumn = edit('揭榜方', (rows) => {
      const header = rows[0];
      if (header) header[4] = '备注';
    });
    expect(problemsOf(noColumn)).toEqual([
      'applicants.xlsx 工作表「揭榜方」 第 1 行：缺少列「与发榜方关系（第十条）」（表头应在第 1 行）',
    ]);
  });

  it('describes places in CSV without sheet or letters', () => {
    expect(
      describeLocation({ file: '揭榜方.csv', sheet: '揭榜方', kind: 'csv' }, 4, 4, '与发榜方关系'),
    ).toBe('揭榜方.csv 第 4 行第 5 列「与发榜方关系」');
  });

  it('ships the default rubric of 第十二条（五） in the template, the sample’s own', () => {
    expect(samplePackage().rubric).toEqual(DEFAULT_RUBRIC);
    const criteria = templateTables().find((t) => t.spec.id === 'criteria');
    expect(criteria?.rows.map((r) => r[1])).toEqual([
      '评分项',
      '揭榜方资质条件',
      '揭榜方案可行性',
      '经费合理性',
      '成果转化与产业化前景',
    ]);
  });

  it('gives every column a header, a field and a note', () => {
    for (const t of TABLES)
      for (const c of t.columns) {
        expect(c.header.length).toBeGreaterThan(1);
        expect(c.kind === 'choice' ? (c.choices ?? []).length : 1).toBeGreaterThan(0);
      }
  });
});

describe('cells as people type them', () => {
  it('reads money in 万元, full-width, with separators', () => {
    expect(readMoney('８００')).toEqual({ ok: true, value: '800' });
    expect(readMoney('1,000万元')).toEqual({ ok: true, value: '1000' });
    expect(readMoney(12.5)).toEqual({ ok: true, value: '12.5' });
    expect(readMoney(0.1 + 0.2)).toEqual({ ok: true, value: '0.3' });
    expect(readMoney('800元').ok).toBe(false);
    expect(readMoney('1e3').ok).toBe(false);
  });
  it('reads ids, booleans, dates and numbers', () => {
    expect(readId('Ａ０１')).toEqual({ ok: true, value: 'A01' });
    expect(readId('A 01').ok).toBe(false);
    expect(readBoolean('是')).toEqual({ ok: true, value: true });
    expect(readBoolean(false)).toEqual({ ok: true, value: false });
    expect(readBoolean('也许').ok).toBe(false);
    expect(readDate('2026年12月8日')).toEqual({ ok: true, value: '2026-12-08' });
    expect(readDate('2026/2/30').ok).toBe(false);
    expect(readDate(46000).ok).toBe(false);
    expect(readNumber('１７．５')).toEqual({ ok: true, value: 17.5 });
    expect(readNumber('0x11').ok).toBe(false);
  });
});

describe('readCsvGrid (the CSV door of the lists)', () => {
  const csv = (text: string) =>
    readCsvGrid(new TextEncoder().encode(text), '成员单位.csv', '成员单位');

  it('reads a table with its header only (no rows yet), as Excel saves it', () => {
    for (const text of ['成员单位编号,名称\r\n', '\uFEFF成员单位编号,名称']) {
      const read = csv(text);
      expect(read.ok && read.value.rows).toEqual([['成员单位编号', '名称']]);
    }
  });

  it('names an empty file as empty, not as a CSV format error', () => {
    // 0 bytes: in the words of every door (io/file-size.ts emptyFile).
    expect(csv('')).toEqual({
      ok: false,
      message: '成员单位.csv：文件是空的（0 字节），请从U盘或原发送方重新复制该文件',
    });
    for (const text of ['\uFEFF', '\r\n  \r\n'])
      expect(csv(text)).toEqual({
        ok: false,
        message: '成员单位.csv 是空文件（没有表头行），未读取',
      });
  });
});
