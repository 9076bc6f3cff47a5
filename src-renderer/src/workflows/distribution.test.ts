import { describe, expect, it } from 'vitest';
import { samplePackage, sampleSheets } from '../../../src-shared/sample-fixture';
import { aggregate } from '../../../src-shared/scoring';
import { summaryTable } from '../../../src-shared/summary';
import { say } from '../i18n/strings';
import { describeSpread, spreadOf, spreadSentence } from './distribution';

describe('the distribution chart’s figures', () => {
  it('takes each applicant’s totals, range and final figure from the 评分汇总表, in the package’s order', () => {
    const pkg = samplePackage();
    const sheets = sampleSheets();
    const spreads = spreadOf(pkg, summaryTable(pkg, aggregate(pkg, sheets)));
    expect(spreads.map((s) => s.applicantId)).toEqual(pkg.applicants.map((a) => a.id));
    // Hand-computed from the sample's seven sheets: A04 72 70 75 40 71 73 69 → range 40–75,
    // trimmed (drop 75, 40) 355 / 5 = 71.00.
    const a04 = spreads.find((s) => s.applicantId === 'A04');
    expect(a04?.totals.length).toBe(sheets.length);
    expect(a04?.min).toBe(40);
    expect(a04?.max).toBe(75);
    expect(a04?.final).toBe(71);
    // A03: E05 recused — one total fewer.
    expect(spreads.find((s) => s.applicantId === 'A03')?.totals.length).toBe(sheets.length - 1);
    expect(describeSpread(spreads)).toEqual({
      applicants: 4,
      min: 40,
      max: 90,
      widest: { applicantId: 'A04', range: 35 },
    });
  });

  it('says so when nothing is gathered yet', () => {
    const pkg = samplePackage();
    const spreads = spreadOf(pkg, summaryTable(pkg, aggregate(pkg, [])));
    expect(spreads.every((s) => s.totals.length === 0 && s.final === null)).toBe(true);
    expect(describeSpread(spreads)).toEqual({ applicants: 4, min: null, max: null, widest: null });
  });

  it('says plainly that there is no spread when every expert gave the same totals', () => {
    const pkg = samplePackage();
    const sheets = sampleSheets();
    const first = sheets[0];
    if (!first) throw new Error('sample sheets');
    const alike = sheets.map((s) => ({ ...s, scores: first.scores }));
    const summary = describeSpread(spreadOf(pkg, summaryTable(pkg, aggregate(pkg, alike))));
    expect(summary.widest?.range).toBe(0);
    const sentence = say('zh', spreadSentence(summary));
    expect(sentence).toBe(
      '4 位揭榜方的各专家总分：每位揭榜方的各位专家给出的总分都相同，专家之间没有分差；总分最低 72.00 分，最高 88.00 分。',
    );
    expect(sentence).not.toContain('分差最大');
  });

  it('names the widest spread otherwise, and says when nothing is gathered', () => {
    const pkg = samplePackage();
    const spreads = spreadOf(pkg, summaryTable(pkg, aggregate(pkg, sampleSheets())));
    expect(say('zh', spreadSentence(describeSpread(spreads)))).toContain(
      '分差最大的是 A04（35.00 分）',
    );
    const none = spreadOf(pkg, summaryTable(pkg, aggregate(pkg, [])));
    expect(say('zh', spreadSentence(describeSpread(none)))).toBe('4 位揭榜方，尚无专家总分。');
  });
});
