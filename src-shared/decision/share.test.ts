import { describe, expect, it } from 'vitest';
import { HorseRaceSchema } from '../model/decision';
import { formatShare, judgeShare, readShare, shareForWire } from './share';

describe('the race-stage share (第十三条（三）): one reader, shown as 30%', () => {
  it('reads 0.3, .3, 30%, 30 %, ３０％ and ０．３ alike as the wire value "0.3"', () => {
    for (const typed of ['0.3', '.3', '0.30', '30%', '30 %', '３０％', '０．３', ' 30% ', '30％'])
      expect(readShare(typed), typed).toEqual({ ok: true, value: '0.3' });
    expect(readShare('12.5%')).toEqual({ ok: true, value: '0.125' });
    expect(readShare('')).toEqual({ ok: true, value: null });
  });

  it('refuses other forms saying the accepted ones', () => {
    for (const typed of ['三成', '3/10', '0.3.1', 'abc', '30%%']) {
      const read = readShare(typed);
      expect(read.ok, typed).toBe(false);
      if (!read.ok) expect(read.message).toContain('如 30% 或 0.3（全角 ３０％、０．３ 亦可）');
    }
    expect(readShare('33.333%')).toMatchObject({ ok: false });
  });

  it('keeps the wire form for the draft, and shows a stored share as a percentage', () => {
    expect(shareForWire('３０％')).toBe('0.3');
    expect(shareForWire(' 三成 ')).toBe('三成');
    expect(formatShare('0.3')).toBe('30%');
    expect(formatShare('0.125')).toBe('12.5%');
    expect(formatShare('0.3333')).toBe('33.33%');
    expect(formatShare('三成')).toBe('三成');
  });
});

describe('judgeShare: what was read and why it fails, at the field and in a file (第十三条（三）)', () => {
  const refused = (typed: string, form: 'typed' | 'wire' = 'typed') => {
    const judged = judgeShare(typed, form);
    return judged.ok ? null : judged.message;
  };
  const BOUNDS = '“赛马”阶段拨付比例须大于 0、小于 100%（第十三条（三）：拨付一定比例项目经费）';
  it('says what 30, 1, 150% and 0 were read as, and what to write', () => {
    expect(refused('30')).toBe(`30 读作 3000%：${BOUNDS}，如意为 30%，请写 30% 或 0.3`);
    expect(refused('1')).toBe(`1 读作 100%：${BOUNDS}，请写如 30% 或 0.3`);
    expect(refused('150%')).toBe(`150%：${BOUNDS}，请写如 30% 或 0.3`);
    expect(refused('0')).toBe(`0 读作 0%：${BOUNDS}，请写如 30% 或 0.3`);
    expect(refused('三成')).toContain('如 30% 或 0.3');
  });
  it('takes 30%, 0.3 and ３０％ without a word; warns of 0.3% (below 1%: was 30% meant?)', () => {
    for (const typed of ['30%', '0.3', '３０％', '1%'])
      expect(judgeShare(typed), typed).toEqual({
        ok: true,
        value: typed === '1%' ? '0.01' : '0.3',
        warning: null,
      });
    expect(judgeShare('')).toEqual({ ok: true, value: null, warning: null });
    expect(judgeShare('0.3%')).toEqual({
      ok: true,
      value: '0.003',
      warning: '0.3%，比例很小（不足 1%）：如意为 30%，请写 30% 或 0.3',
    });
  });
  it('a file says the same through HorseRaceSchema (jiebang check), in the file’s form', () => {
    const said = (share: string) => {
      const parsed = HorseRaceSchema.safeParse({
        solverIds: ['A01', 'A02'],
        reason: '评分接近、技术路线不同',
        raceStageShare: share,
      });
      return parsed.success ? null : parsed.error.issues.map((i) => i.message);
    };
    expect(said('0.3')).toBeNull();
    expect(said('30')).toEqual([
      `30 读作 3000%：${BOUNDS}；文件中写作 0 到 1 之间的小数（至多四位），如意为 30%，请写 0.3`,
    ]);
    expect(said('30%')).toEqual(['30%：文件中写作 0 到 1 之间的小数（至多四位），即 0.3']);
    expect(refused('30', 'wire')).toBe(said('30')?.[0]);
  });
});
