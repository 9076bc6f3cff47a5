import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VirtualTable } from './VirtualTable';

interface Row {
  id: string;
  score: number;
}

const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `A${String(i + 1).padStart(5, '0')}`,
  score: 100 - i / 100,
}));

function html(height: number, rowHeight: number, list: readonly Row[] = rows): string {
  return renderToString(
    <VirtualTable
      rows={list}
      rowKey={(r) => r.id}
      head={
        <tr>
          <th>id</th>
          <th>score</th>
        </tr>
      }
      cells={(r) => (
        <>
          <td>{r.id}</td>
          <td>{r.score.toFixed(2)}</td>
        </>
      )}
      rowAttributes={(r) => ({ 'data-applicant': r.id })}
      columns={2}
      rowHeight={rowHeight}
      height={height}
      testId="ranking"
    />,
  );
}

const drawn = (markup: string) => [...markup.matchAll(/data-applicant="(A\d+)"/g)].map((m) => m[1]);

describe('VirtualTable', () => {
  it('draws only the rows in view (plus overscan) of 10,000, in order, with a spacer for the rest', () => {
    const markup = html(400, 20);
    const ids = drawn(markup);
    // 400 / 20 = 20 rows in view, 8 more below; nothing above the first.
    expect(ids).toEqual(rows.slice(0, 28).map((r) => r.id));
    expect(markup).toContain('aria-rowcount="10001"');
    expect(markup).toContain('aria-rowindex="2"');
    // The spacer holds the height of the rows not drawn, so the scroll bar is the whole table's.
    expect(markup).toContain(`height:${(10_000 - 28) * 20}px`);
  });

  it('draws more rows in a taller box, and every row of a short list with no spacer', () => {
    expect(drawn(html(800, 20))).toHaveLength(48);
    const short = rows.slice(0, 7);
    const markup = html(400, 20, short);
    expect(drawn(markup)).toEqual(short.map((r) => r.id));
    expect(markup).not.toContain('aria-hidden');
  });
});
