/**
 * The chair's 拟推荐揭榜方 list: a ranked applicant as 「1. 名称（87.00 分，路线）」, one with no
 * valid sheet by name alone with 「不参与排名」 — never 「—. 名称」.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { samplePackage, sampleSheets } from '../../../../src-shared/sample-fixture';
import { ScoreSheetSchema } from '../../../../src-shared/model';
import { aggregate } from '../../../../src-shared/scoring';
import { Candidates } from './Candidates';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

describe('Candidates', () => {
  it('numbers the ranked applicants and names an unranked one without a number', () => {
    const pkg = samplePackage();
    // A03 回避 by every expert: no valid sheet, no rank.
    const sheets = sampleSheets().map((s) =>
      ScoreSheetSchema.parse({
        ...s,
        scores: s.scores.map((row) =>
          row.applicantId === 'A03'
            ? {
                ...row,
                recusal: { kind: 'collaboration', reason: '与该单位有合作关系' },
                criteria: [],
              }
            : row,
        ),
      }),
    );
    const agg = aggregate(pkg, sheets);
    expect(agg.results.find((r) => r.applicantId === 'A03')?.rank).toBeNull();
    const text = renderToString(
      <Candidates pkg={pkg} agg={agg} recommended={['A01']} onToggle={() => undefined} />,
    ).replace(/<[^>]+>/g, '\n');
    const a03 = pkg.applicants.find((a) => a.id === 'A03')?.name ?? 'A03';
    expect(text).toMatch(/\n1\. /);
    expect(text).toContain(`${a03}（`);
    expect(text).toContain('不参与排名');
    expect(text).not.toContain('—.');
  });
});
