import { describe, expect, it } from 'vitest';
import { parseMoneyInput } from './money';

describe('money as typed (万元)', () => {
  it('reads full-width digits and point as digits, drops spaces and invisible characters', () => {
    expect(parseMoneyInput('４００')).toEqual({ ok: true, value: '400' });
    expect(parseMoneyInput(' １２．５\u200b ')).toEqual({ ok: true, value: '12.5' });
    expect(parseMoneyInput('400.50')).toEqual({ ok: true, value: '400.5' });
    expect(parseMoneyInput('  ')).toEqual({ ok: true, value: null });
  });
  it('refuses what is not a plain amount, naming it, rather than reading it as 0', () => {
    for (const bad of ['四百', '400万元', '1,000', '-5', '1e3', '0x10', '12.', '1.1234567']) {
      const r = parseMoneyInput(bad);
      expect(r.ok, bad).toBe(false);
      expect(r.ok ? '' : r.message).toContain(`“${bad}”不是金额`);
    }
  });
});
