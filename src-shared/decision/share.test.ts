import { describe, expect, it } from 'vitest';
import { formatShare, readShare, shareForWire } from './share';

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
