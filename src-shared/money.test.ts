import { describe, expect, it } from 'vitest';
import {
  fmtMoney,
  moneyCapitals,
  MoneySchema,
  parseMoneyInput,
  sum,
  YUAN,
  yuanCapitals,
} from './money';

const refusal = (raw: string): string => {
  const r = parseMoneyInput(raw);
  return r.ok ? `taken as ${String(r.value)}` : r.message;
};

describe('money as typed (万元): one reader for every door', () => {
  it('reads full-width digits and point as digits, drops spaces and invisible characters', () => {
    expect(parseMoneyInput('４００')).toEqual({ ok: true, value: '400' });
    expect(parseMoneyInput('２４０')).toEqual({ ok: true, value: '240' });
    expect(parseMoneyInput(' １２．５\u200b ')).toEqual({ ok: true, value: '12.5' });
    expect(parseMoneyInput('400.50')).toEqual({ ok: true, value: '400.5' });
    expect(parseMoneyInput('0400')).toEqual({ ok: true, value: '400' });
    expect(parseMoneyInput('  ')).toEqual({ ok: true, value: null });
  });

  it('takes thousands separators where an official writes them, and the unit 万元 given after the number', () => {
    expect(parseMoneyInput('1,000')).toEqual({ ok: true, value: '1000' });
    expect(parseMoneyInput('1，000')).toEqual({ ok: true, value: '1000' });
    expect(parseMoneyInput('１，０００．５')).toEqual({ ok: true, value: '1000.5' });
    expect(parseMoneyInput('12,500,000.25')).toEqual({ ok: true, value: '12500000.25' });
    expect(parseMoneyInput('800万元')).toEqual({ ok: true, value: '800' });
    expect(parseMoneyInput('1,000 万')).toEqual({ ok: true, value: '1000' });
  });

  it('says what is wrong with what it refuses, never reading it as 0', () => {
    expect(refusal('1,00')).toBe('“1,00”的千位分隔符位置不对：应每三位一个，如 1,000 或 12,500.5');
    expect(refusal('10,00,000')).toContain('千位分隔符位置不对');
    expect(refusal('1000,000')).toContain('千位分隔符位置不对');
    expect(refusal('1.000,5')).toBe('“1.000,5”的千位分隔符位置不对：小数部分不分节');
    expect(refusal('-5')).toBe('“-5”是负数：金额不能为负');
    expect(refusal('－５')).toBe('“－５”是负数：金额不能为负');
    expect(refusal('8000000元')).toBe('“8000000元”的单位应为万元（如 800 或 800万元）');
    expect(refusal('1.1234567')).toBe(
      '“1.1234567”超过 6 位小数：金额以万元计，最多到分（6 位小数）',
    );
    expect(refusal('12345678901')).toBe('“12345678901”过大：整数部分最多 10 位（万元）');
    for (const sci of ['4e2', '1E3', '４ｅ２', '2.5e1万元'])
      expect(refusal(sci), sci).toBe(
        `“${sci}”是科学计数法：金额须直接写出数字（如 400，不写 4e2）`,
      );
    for (const bad of ['四百', '0x10', '12.', '.5', '1 000', '1.2.3', 'Infinity'])
      expect(refusal(bad), bad).toBe(
        `“${bad}”不是金额（单位万元，只填数字，如 400、1,000 或 12.5）`,
      );
  });

  it('MoneySchema reads a file’s amount with the same reader, keeping a canonical one exactly', () => {
    expect(MoneySchema.parse('400.50')).toBe('400.50');
    expect(MoneySchema.parse('２４０')).toBe('240');
    expect(MoneySchema.parse('1,000')).toBe('1000');
    const bad = MoneySchema.safeParse('1,00');
    expect(bad.success ? '' : bad.error.issues[0]?.message).toBe(
      '“1,00”的千位分隔符位置不对：应每三位一个，如 1,000 或 12,500.5',
    );
    const empty = MoneySchema.safeParse('');
    expect(empty.success ? '' : empty.error.issues[0]?.message).toBe('缺少此项（必填，单位万元）');
  });
});

describe('money as printed', () => {
  it('a budget in 万元 without trailing zeros; a fee in 元 to the fen, as receipts write it', () => {
    expect(fmtMoney('1000.5')).toBe('1,000.5 万元');
    expect(fmtMoney('800')).toBe('800 万元');
    expect(fmtMoney('1500', YUAN)).toBe('1,500.00 元');
    expect(fmtMoney(sum(['1500', '4500.5']), YUAN)).toBe('6,000.50 元');
    expect(fmtMoney('0.005', YUAN)).toBe('0.01 元');
    expect(fmtMoney('1234567.8', YUAN)).toBe('1,234,567.80 元');
  });

  it('a fee in capitals: 整 after 元 or 角, never after 分', () => {
    expect(yuanCapitals('1500')).toBe('壹仟伍佰元整');
    expect(yuanCapitals('6000.5')).toBe('陆仟元伍角整');
    expect(yuanCapitals('6000.05')).toBe('陆仟元零伍分');
    expect(yuanCapitals('6000.55')).toBe('陆仟元伍角伍分');
    // An amount in 万元 is spelled as the same amount in 元: 整 after 角 there too.
    expect(moneyCapitals('0.00001')).toBe('壹角整');
    expect(moneyCapitals('400.05')).toBe('肆佰万零伍佰元整');
    expect(moneyCapitals('0.000123')).toBe('壹元贰角叁分');
  });
});
