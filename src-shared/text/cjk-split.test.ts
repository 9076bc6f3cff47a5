import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELD_SPACE, holdSpaces, splitForLineBreaks } from './cjk-split';

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
        fc.string({ unit: fc.constantFrom(...'揭榜挂帅，。（）《》abc123-/𠮷堃\u00a0') }),
        (s) => {
          expect(splitForLineBreaks(s).join('')).toBe(s);
        },
      ),
    );
  });
});

describe('numbers never break inside', () => {
  it('keeps a point or comma between digits with the number', () => {
    expect(splitForLineBreaks('含油量0.5mg/L')).toEqual(['含', '油', '量', '0.5mg/L']);
    expect(splitForLineBreaks('资助12.5万元')).toEqual(['资', '助', '12.5', '万', '元']);
    expect(splitForLineBreaks('30,000')).toEqual(['30,000']);
    expect(splitForLineBreaks('2026-12-01前')).toEqual(['2026-12-01', '前']);
    // A comma ending a clause is still punctuation (glued to what precedes it).
    expect(splitForLineBreaks('共30,然后')).toEqual(['共', '30,', '然', '后']);
  });
  it('property: any string of digits with . or , between them stays in one piece', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^\d{1,4}$/), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom('.', ','), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('', '测', '资助', 'TDS'),
        fc.constantFrom('', '万元', 'mg/L', '。'),
        (groups, seps, before, after) => {
          const number = groups.map((g, i) => (i === 0 ? g : `${seps[i - 1] ?? '.'}${g}`)).join('');
          const pieces = splitForLineBreaks(`${before}${number}${after}`);
          expect(pieces.some((p) => p.includes(number))).toBe(true);
        },
      ),
    );
  });
});

describe('held spaces (what the user typed as spaces, for the line breaker)', () => {
  const held = (text: string) => splitForLineBreaks(holdSpaces(text));

  it('holds every space as U+00A0, nothing else changed', () => {
    expect(holdSpaces('运行 180 天，≤ 5 mg/L')).toBe('运行\u00a0180\u00a0天，≤\u00a05\u00a0mg/L');
    expect(HELD_SPACE).toBe('\u00a0');
  });
  it('breaks after a space, never before it, as between two Han characters', () => {
    expect(held('连续运行 180 天')).toEqual(['连', '续', '运', '行\u00a0', '180\u00a0', '天']);
    expect(held('based on PLC')).toEqual(['based\u00a0', 'on\u00a0', 'PLC']);
  });
  it('never leaves a space alone (it would be stretchable glue again) nor after an opening mark', () => {
    expect(held(' 180 天')).toEqual(['\u00a0180\u00a0', '天']);
    expect(held('abcdefghijklmnop 天')).toEqual(['abcdefghijklmnop\u00a0', '天']);
    expect(held('见（ 附件 ）')).toEqual(['见', '（\u00a0附', '件\u00a0）']);
  });
  it('keeps a number with its percent sign when a space follows it (药剂用量降低 40% 以上)', () => {
    expect(held('降低 40% 以上')).toEqual(['降', '低\u00a0', '40%\u00a0', '以', '上']);
    expect(held('降低 40 % 以上')).toEqual(['降', '低\u00a0', '40\u00a0%\u00a0', '以', '上']);
    expect(held('降低40％以上')).toEqual(['降', '低', '40％', '以', '上']);
  });
  it('property: loses nothing, and no piece is spaces alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'揭榜，。（）ab12 ') }), (s) => {
        const pieces = held(s);
        expect(pieces.join('')).toBe(holdSpaces(s));
        if (s.trim() !== '') for (const p of pieces) expect(p).not.toMatch(/^\u00a0+$/);
      }),
    );
  });
});
