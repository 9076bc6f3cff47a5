/**
 * The chair's 评分汇总表 draws only the rows in view (issue 22): 200 applicants draw a screenful
 * and a spacer, in rank order, with the full size told to assistive technology; the sample's
 * four applicants are all drawn, with no spacer.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { generatePanel } from '../../../../src-shared/sample/generate';
import { samplePackage, sampleSheets } from '../../../../src-shared/sample-fixture';
import { aggregate } from '../../../../src-shared/scoring';
import { summaryTable } from '../../../../src-shared/summary';
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
});
