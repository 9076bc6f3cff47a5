import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELD_SPACE, holdSpaces, MEASURE_WORDS, splitForLineBreaks } from './cjk-split';

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
    expect(splitForLineBreaks('资助12.5万元')).toEqual(['资', '助', '12.5万元']);
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
    expect(held('连续运行 180 天')).toEqual(['连', '续', '运', '行\u00a0', '180\u00a0天']);
    expect(held('运行 180 余')).toEqual(['运', '行\u00a0', '180\u00a0', '余']);
    expect(held('based on PLC')).toEqual(['based\u00a0', 'on\u00a0', 'PLC']);
  });
  it('never leaves a space alone (it would be stretchable glue again) nor after an opening mark', () => {
    expect(held(' 180 余')).toEqual(['\u00a0180\u00a0', '余']);
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

describe('a number keeps its measure word (800 万元, 3 个月, 12 项)', () => {
  const held = (text: string) => splitForLineBreaks(holdSpaces(text));

  it('joins the longest measure word after the digits, a typed space between them or not', () => {
    expect(held('资助 800 万元，分 3 个月完成 12 项')).toEqual([
      '资',
      '助\u00a0',
      '800\u00a0万元，',
      '分\u00a0',
      '3\u00a0个月',
      '完',
      '成\u00a0',
      '12\u00a0项',
    ]);
    expect(held('连续运行 180 天 以上')).toEqual([
      '连',
      '续',
      '运',
      '行\u00a0',
      '180\u00a0天\u00a0',
      '以',
      '上',
    ]);
    expect(held('2026年12月1日前')).toEqual(['2026年', '12月', '1日', '前']);
    expect(held('年处理 3 万吨')).toEqual(['年', '处', '理\u00a0', '3\u00a0万吨']);
  });
  it('leaves a Han character that is no measure word, and a measure word after no number, alone', () => {
    expect(held('第 3 期工程')).toEqual(['第\u00a0', '3\u00a0期', '工', '程']);
    expect(held('3 套设备')).toEqual(['3\u00a0套', '设', '备']);
    expect(held('项目 3 处')).toEqual(['项', '目\u00a0', '3\u00a0', '处']);
    expect(held('万元以上')).toEqual(['万', '元', '以', '上']);
  });
  it('property: for every measure word, number + (space) + word is one piece, nothing lost', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_WORDS),
        fc.stringMatching(/^\d{1,4}(\.\d{1,2})?$/),
        fc.constantFrom('', ' '),
        fc.constantFrom('', '以上', '，', ' 内'),
        (word, number, space, after) => {
          const text = `共${number}${space}${word}${after}`;
          const pieces = held(text);
          expect(pieces.join('')).toBe(holdSpaces(text));
          expect(pieces.some((p) => p.startsWith(holdSpaces(`${number}${space}${word}`)))).toBe(
            true,
          );
        },
      ),
    );
  });
});
