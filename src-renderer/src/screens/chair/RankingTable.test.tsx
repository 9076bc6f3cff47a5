/**
 * The chair's 评分汇总表 draws only the rows in view (issue 22): 200 applicants draw a screenful
 * and a spacer, in rank order, with the full size told to assistive technology; the sample's
 * four applicants are all drawn, with no spacer. Folded to fit a narrow window, a row's detail
 * holds the experts' totals (then the criterion means) the table no longer shows.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { generatePanel } from '../../../../src-shared/sample/generate';
import { samplePackage, sampleSheets } from '../../../../src-shared/sample-fixture';
import { aggregate } from '../../../../src-shared/scoring';
import { summaryTable } from '../../../../src-shared/summary';
import { RankingDetail } from './RankingDetail';
import { RankingHead } from './RankingHead';
import { RankingCells, deskColumnCount } from './RankingRow';
import { RankingTable, sortOrders } from './RankingTable';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

const drawn = (markup: string) =>
  [...markup.matchAll(/<tr[^>]*data-applicant="([^"]+)"/g)].map((m) => m[1]);

describe('RankingTable', () => {
  it('draws a screenful of 200 applicants, in rank order, and tells the full size', () => {
    const { pkg, sheets } = generatePanel({ experts: 7, applicants: 200, criteria: 5, seed: 7 });
    const agg = aggregate(pkg, sheets);
    const markup = renderToString(
      <RankingTable pkg={pkg} agg={agg} table={summaryTable(pkg, agg)} />,
    );
    const ids = drawn(markup);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.length).toBeLessThan(40);
    const ranked = summaryTable(pkg, agg).rows.map((r) => r.applicantId);
    expect(ids).toEqual(ranked.slice(0, ids.length));
    expect(markup).toContain('aria-rowcount="201"');
    expect(markup).toContain('aria-hidden="true"');
  });

  it('draws every row of the sample’s four applicants, with no spacer', () => {
    const pkg = samplePackage();
    const agg = aggregate(pkg, sampleSheets());
    const markup = renderToString(
      <RankingTable pkg={pkg} agg={agg} table={summaryTable(pkg, agg)} />,
    );
    expect(drawn(markup).sort()).toEqual(pkg.applicants.map((a) => a.id).sort());
    expect(markup).not.toContain('aria-hidden');
  });

  it('sorts by a figure descending, ties in rank order, from orders made once per table', () => {
    const { pkg, sheets } = generatePanel({ experts: 7, applicants: 60, criteria: 5, seed: 3 });
    const table = summaryTable(pkg, aggregate(pkg, sheets));
    const orders = sortOrders(table);
    expect(orders.rank).toBe(table.rows);
    for (const key of ['mean', 'median', 'spread'] as const) {
      const index = table.columns.findIndex((c) => c.key === key);
      const figure = (id: string) => {
        const cell = table.rows.find((r) => r.applicantId === id)?.cells[index];
        return cell?.kind === 'figure' ? Number(cell.value) : NaN;
      };
      const rankOf = (id: string) => table.rows.findIndex((r) => r.applicantId === id);
      const ids = orders[key].map((r) => r.applicantId);
      expect([...ids].sort()).toEqual(table.rows.map((r) => r.applicantId).sort());
      for (let i = 1; i < ids.length; i++) {
        const [a, b] = [ids[i - 1] ?? '', ids[i] ?? ''];
        expect(figure(a)).toBeGreaterThanOrEqual(figure(b));
        if (figure(a) === figure(b)) expect(rankOf(a)).toBeLessThan(rankOf(b));
      }
    }
  });

  it('draws every column unfolded, its long headers breakable only between their terms', () => {
    const pkg = samplePackage();
    const agg = aggregate(pkg, sampleSheets());
    const markup = renderToString(
      <RankingTable pkg={pkg} agg={agg} table={summaryTable(pkg, agg)} />,
    );
    for (const e of pkg.panel.experts) expect(markup).toContain(`>${e.id}</th>`);
    expect(markup).toContain('去极值<wbr/>平均');
    expect(markup).toContain('C4<wbr/>均分');
    expect(markup).toContain('汇总<wbr/>方法');
    expect(markup).not.toContain('\u200b');
    expect(markup).not.toContain('评分<wbr/>明细');
  });

  const pkg = samplePackage();
  const folded = summaryTable(pkg, aggregate(pkg, sampleSheets()));
  /** The header and A04's row and detail, folded `fold` steps. */
  const foldedMarkup = (fold: number) => {
    const a04 = folded.rows.find((r) => r.applicantId === 'A04');
    if (!a04) throw new Error('A04 is ranked');
    return renderToString(
      <table>
        <thead>
          <RankingHead pkg={pkg} fold={fold} sort="rank" onSort={() => undefined} />
        </thead>
        <tbody>
          <tr>
            <RankingCells
              pkg={pkg}
              columns={folded.columns}
              row={a04}
              fold={fold}
              expanded
              onToggle={() => undefined}
            />
          </tr>
          <tr>
            <RankingDetail
              pkg={pkg}
              columns={folded.columns}
              row={a04}
              fold={fold}
              span={deskColumnCount(folded.columns, fold)}
            />
          </tr>
        </tbody>
      </table>,
    );
  };
  /** The header's cells, and the first body row's. */
  const cells = (html: string) => {
    const body = html.indexOf('<tbody>');
    const count = (part: string, tag: string) =>
      part.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
    return [
      count(html.slice(0, body), 'th'),
      count(html.slice(body, html.indexOf('</tr>', body)), 'td'),
    ];
  };

  it.each([
    {
      // The experts' totals fold first: each in the detail, dropped and deviating as in the
      // table; the criteria still columns.
      fold: 1,
      shown: [
        '评分<wbr/>明细',
        'aria-expanded="true"',
        '收起<span class="sr-only">天山新材料研究所（示例）的评分明细</span>',
        'aria-controls="ranking-detail-A04"',
        '各专家总分',
        'C4<wbr/>均分</th>',
      ],
      gone: ['>E04</th>', '各项指标均分'],
      detail:
        /<dt title="[^"]+">E04<\/dt><dd class="num error" title="偏离[^"]*">\(40\.00\)!<\/dd>/,
    },
    {
      // Then the criterion means: in the detail too.
      fold: 2,
      shown: ['评分<wbr/>明细', '各专家总分', '各项指标均分'],
      gone: ['>E04</th>', 'C4<wbr/>均分</th>'],
      detail: /<dt title="[^"]+">C4<wbr\/>均分<\/dt><dd class="num">13\.43<\/dd>/,
    },
  ])(
    'folded $fold, shows a 展开 button in place of what no longer fits and lists it in the detail',
    ({ fold, shown, gone, detail }) => {
      const markup = foldedMarkup(fold);
      for (const s of shown) expect(markup).toContain(s);
      for (const s of gone) expect(markup).not.toContain(s);
      expect(markup).toMatch(detail);
      // Header and row cells agree; the detail spans them all.
      const span = deskColumnCount(folded.columns, fold);
      expect(cells(markup)).toEqual([span, span]);
      expect(markup).toContain(`colSpan="${span}"`);
    },
  );
});
