import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitForLineBreaks } from './cjk-split';

describe('CJK line-break pieces', () => {
  it('makes each Han character its own piece and keeps Latin words whole', () => {
    expect(splitForLineBreaks('采出水COD处理')).toEqual(['采', '出', '水', 'COD', '处', '理']);
  });
  it('never lets a line start with closing punctuation or end with opening punctuation (避头尾)', () => {
    expect(splitForLineBreaks('方案（第一期），完成。')).toEqual([
      '方',
      '案',
      '（第',
      '一',
      '期），',
      '完',
      '成。',
    ]);
  });
  it('cuts long unbroken runs so they cannot overflow', () => {
    const pieces = splitForLineBreaks(
      'https://example.org/a-very-long-contract-number-KLMY-2026-0000000001',
    );
    expect(pieces.every((p) => p.length <= 16)).toBe(true);
  });
  it('loses and adds nothing (joined with empty strings, no hyphens)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'揭榜挂帅，。（）《》abc123-/𠮷堃') }),
        (s) => {
          expect(splitForLineBreaks(s).join('')).toBe(s);
        },
      ),
    );
  });
});
