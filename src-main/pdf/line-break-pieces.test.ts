import { describe, expect, it } from 'vitest';
import { holdSpaces, splitForLineBreaks } from '../../src-shared/text/cjk-split';
import { lineBreakPieces } from './fonts';

const WORDS = [
  '地址：克拉玛依市',
  holdSpaces('连续运行 180 天，出水含油量 ≤ 5 mg/L。'),
  'https://example.org/a/very/long/contract/number/2026-12-01',
  '（盖章）',
  '',
];

describe('lineBreakPieces (the hyphenation callback, kept by word)', () => {
  it('answers as the pieces of splitForLineBreaks each followed by an empty one, first time and again', () => {
    for (const word of WORDS) {
      const expected = splitForLineBreaks(word).flatMap((piece) => [piece, '']);
      expect(lineBreakPieces(word)).toEqual(expected);
      expect(lineBreakPieces(word)).toEqual(expected);
    }
  });

  it('hands every caller its own array: changing one leaves the next as split', () => {
    const first = lineBreakPieces('甲方（市科技局）');
    const expected = [...first];
    first.reverse();
    first.push('x');
    expect(lineBreakPieces('甲方（市科技局）')).toEqual(expected);
  });
});
