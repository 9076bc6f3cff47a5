import { cellText, isCompactColumn, type SummaryTable } from '../../src-shared/summary';

/** Terminal tables that line up with Chinese text (wide characters take two columns). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Renders rows under a header; columns listed in `numeric` are right-aligned. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number> = new Set(),
): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, numeric.has(i)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The 评分汇总表's compact columns (the chair's screen and the terminal), each cell as shown. */
export function compactSummary(table: SummaryTable): { headers: string[]; rows: string[][] } {
  const shown = table.columns.flatMap((c, i) => (isCompactColumn(c) ? [i] : []));
  return {
    headers: shown.map((i) => table.columns[i]?.header ?? ''),
    rows: table.rows.map((r) =>
      shown.map((i) => {
        const cell = r.cells[i];
        return cell ? cellText(cell) : '';
      }),
    ),
  };
}

/** The 评分汇总表 (src-shared/summary) as the terminal shows it: the compact columns, aligned. */
export function renderSummary(table: SummaryTable): string {
  const { headers, rows } = compactSummary(table);
  // Every figure right-aligned; the rank, the applicant's name and the method not.
  const numeric = new Set(
    table.columns.filter(isCompactColumn).flatMap((c, k) => (c.numeric && k > 0 ? [k] : [])),
  );
  return renderTable(headers, rows, numeric);
}
