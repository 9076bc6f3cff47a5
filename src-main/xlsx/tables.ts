/**
 * The bureau's tables (src-shared/bureau/tables.ts) as Excel workbooks: the templates of
 * `resources/templates/` (headers with notes, drop-down lists, room to fill in, a 填写说明 sheet)
 * and the same workbooks filled from a package (the sample).
 */
import {
  TABLES,
  WORKBOOK_TITLE,
  WORKBOOKS,
  YES_NO,
  type ColumnSpec,
  type TableData,
} from '../../src-shared/bureau';
import { writeWorkbook, type OutCell, type OutColumn, type OutSheet } from './workbook';

/** Rows under the header that carry drop-down lists and formats, ready to fill in. */
const TEMPLATE_ROWS = 200;

const choicesOf = (c: ColumnSpec): readonly string[] | undefined =>
  c.kind === 'bool' ? YES_NO.map((x) => x.label) : c.choices?.map((x) => x.label);

const FORMATS: Partial<Record<ColumnSpec['kind'], string>> = {
  money: '#,##0.######',
  int: '0',
  date: 'yyyy-mm-dd',
};

const noteOf = (c: ColumnSpec): string =>
  `${c.required ? '必填' : '可空'}${c.note ? `：${c.note}` : ''}`;

function sheetOf(table: TableData): OutSheet {
  const { spec } = table;
  if (spec.layout === 'fields') {
    const rowChoices = new Map<number, readonly string[]>();
    const rowNotes = new Map<number, string>();
    spec.columns.forEach((c, i) => {
      const choices = choicesOf(c);
      if (choices) rowChoices.set(i, choices);
      rowNotes.set(i, noteOf(c));
    });
    return {
      name: spec.sheet,
      columns: [
        { header: '项目', width: 44 },
        { header: '内容', width: 60 },
        { header: '说明', width: 60 },
      ],
      rows: table.rows.slice(1).map((r, i): OutCell[] => {
        const c = spec.columns[i];
        const value = r[1] ?? null;
        return [
          r[0] === undefined || r[0] === null ? null : String(r[0]),
          typeof value === 'boolean' ? (value ? '是' : '否') : value,
          c ? noteOf(c) : null,
        ];
      }),
      rowChoices,
      rowNotes,
    };
  }
  return {
    name: spec.sheet,
    columns: spec.columns.map((c): OutColumn => ({
      header: c.header,
      note: noteOf(c),
      ...(choicesOf(c) ? { choices: choicesOf(c) } : {}),
      ...(FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {}),
    })),
    rows: table.rows
      .slice(1)
      .map((r) => r.map((v): OutCell => (typeof v === 'boolean' ? (v ? '是' : '否') : v))),
    blankRows: TEMPLATE_ROWS,
  };
}

/** The 填写说明 sheet of a workbook: each table's purpose and every column. */
function instructions(workbook: (typeof WORKBOOKS)[number]): OutSheet {
  const rows: OutCell[][] = [];
  for (const spec of TABLES.filter((t) => t.workbook === workbook)) {
    rows.push([{ value: `工作表「${spec.sheet}」`, bold: true }, spec.purpose, null, null]);
    for (const c of spec.columns) rows.push([null, c.header, c.required ? '必填' : '可空', c.note]);
  }
  return {
    name: '填写说明',
    columns: [
      { header: '工作表', width: 18 },
      { header: '列（项目）', width: 44 },
      { header: '必填', width: 8 },
      { header: '说明', width: 80 },
    ],
    rows,
    footer: [
      `${WORKBOOK_TITLE[workbook]}：揭榜评审台的名单模板。表头在第 1 行，不要合并单元格；“是/否”“类型”等列可从下拉列表选择。`,
      '填好后：jiebang package new 文件夹 -o review-package.json（详见 docs/templates.md）',
    ],
  };
}

/** The four workbooks of the bureau's lists, by file stem: `demand` → demand.xlsx… */
export async function workbooksOf(
  tables: readonly TableData[],
): Promise<Map<(typeof WORKBOOKS)[number], Uint8Array>> {
  const out = new Map<(typeof WORKBOOKS)[number], Uint8Array>();
  for (const workbook of WORKBOOKS) {
    const sheets = tables.filter((t) => t.spec.workbook === workbook).map(sheetOf);
    out.set(workbook, await writeWorkbook([...sheets, instructions(workbook)]));
  }
  return out;
}
