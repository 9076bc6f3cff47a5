import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../canonical';
import { moneyCapitals, yuanCapitals } from '../money';
import { sampleDecision, samplePackage, sampleSheets } from '../sample-fixture';
import { aggregate } from '../scoring/aggregate';
import { summaryTable } from '../summary';
import { parsePrintedCode } from '../taskbook';
import { formatDateZh } from '../text/date';
import {
  buildForm,
  compareForm,
  formCode,
  formKindOf,
  parseFormCode,
  readFee,
  signInForm,
  summaryForm,
} from '.';

describe('amounts in capitals', () => {
  it('writes 万元 amounts and 元 fees as official forms do', () => {
    expect(moneyCapitals('1000')).toBe('壹仟万元整');
    expect(moneyCapitals('800')).toBe('捌佰万元整');
    expect(moneyCapitals('12.5')).toBe('壹拾贰万伍仟元整');
    expect(moneyCapitals('0.000123')).toBe('壹元贰角叁分');
    expect(yuanCapitals('1500')).toBe('壹仟伍佰元整');
    expect(yuanCapitals('2000.5')).toBe('贰仟元伍角整');
  });
});

describe('form codes', () => {
  it('a blank form hashes the package; a filled form what it shows', () => {
    const pkg = samplePackage();
    const blank = signInForm(pkg);
    expect(blank.code).toBe(
      canonicalHash({
        packageId: pkg.packageId,
        form: 'sign-in',
        content: { packageSha256: canonicalHash(pkg) },
      }),
    );
    const agg = aggregate(pkg, sampleSheets());
    const summary = summaryForm(pkg, agg);
    expect(summary.code).toBe(formCode(pkg.packageId, 'summary', summary.sections));
    expect(summary.qrText).toBe(`jiebang:form:summary:${pkg.packageId}:${summary.code}`);
    // Another sheet set, another code.
    expect(summaryForm(pkg, aggregate(pkg, sampleSheets().slice(1))).code).not.toBe(summary.code);
  });

  it('the 专家组意见 prints the same code for the same content: the draft’s time or the signing’s never changes it', () => {
    const pkg = samplePackage();
    const agg = aggregate(pkg, sampleSheets());
    const signed = sampleDecision();
    // The desk's draft, a day before the chair signs (and in UTC, as the desk makes it).
    const draft = { ...signed, decidedAt: '2026-12-07T17:59:00.000Z' };
    const printed = buildForm('opinion', { pkg, agg, decision: draft });
    const after = buildForm('opinion', { pkg, agg, decision: signed });
    if (!printed.ok || !after.ok) throw new Error('opinion');
    expect(printed.layout.code).toBe(after.layout.code);
    expect(JSON.stringify(after.layout.sections)).toContain('决定日期：＿＿＿＿年＿＿月＿＿日');
    // The copy printed from the draft is the signed record's copy.
    expect(
      compareForm({ code: printed.layout.code }, { pkg, agg, decision: signed }),
    ).toMatchObject({
      match: true,
      layout: { form: 'opinion' },
    });
    // Other content, another code: a changed opinion, or other funding.
    const edited = buildForm('opinion', {
      pkg,
      agg,
      decision: { ...signed, opinion: `${signed.opinion}（修改）` },
    });
    expect(edited.ok && edited.layout.code).not.toBe(after.layout.code);
  });

  it('reads codes as typed or scanned and finds the form they belong to', () => {
    const pkg = samplePackage();
    const agg = aggregate(pkg, sampleSheets());
    const decision = sampleDecision();
    const built = buildForm('opinion', { pkg, agg, decision });
    if (!built.ok) throw new Error(built.message);
    const spaced = built.layout.code.toUpperCase().replace(/(.{8})/g, '$1 ');
    const typed = parseFormCode(spaced);
    expect(typed).toEqual({ code: built.layout.code });
    const check = typed ? compareForm(typed, { pkg, agg, decision }) : null;
    expect(check?.match && check.layout.form).toBe('opinion');
    const other = parseFormCode(`jiebang:form:opinion:OTHER-PKG:${built.layout.code}`);
    expect(other && compareForm(other, { pkg, agg, decision })).toMatchObject({
      match: false,
      reason: '打印件属于评审包 OTHER-PKG，不是 KLMY-2026-JB-001',
    });
    expect(parseFormCode('1234')).toBeNull();
    // As typed in a Chinese IME's full-width mode, with hyphens between the groups, or pasted
    // from a PDF reader with a zero-width space: the same code, read alike by both code readers.
    const code = built.layout.code;
    const groups = code.match(/.{1,4}/g) ?? [];
    const typedForms = [
      groups
        .join(' ')
        .replace(/[0-9a-f]/g, (ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0xfee0)),
      groups.join('-'),
      `${groups.join(' ')}\u200b`,
      `jiebang:form:opinion:${pkg.packageId}:${groups.join('-')}`,
    ];
    for (const typedForm of typedForms) {
      expect(parseFormCode(typedForm)?.code).toBe(code);
      expect(
        parsePrintedCode(typedForm.replace(/^jiebang:form:opinion:/, 'jiebang:taskbook:'))?.code,
      ).toBe(code);
    }
    expect(formKindOf('评分汇总表')).toBe('summary');
    expect(formKindOf('签到表')).toBe('sign-in');
    expect(buildForm('summary', { pkg })).toEqual({
      ok: false,
      message: '打印评分汇总表需要专家评分表',
    });
  });

  it('the 评分汇总表 prints the cells of summaryTable(), the method named', () => {
    const pkg = samplePackage();
    const agg = aggregate(pkg, sampleSheets());
    const table = summaryTable(pkg, agg);
    const form = summaryForm(pkg, agg);
    const text = JSON.stringify(form.sections);
    expect(text).toContain(`汇总方法：${table.method}`);
    expect(table.method).toContain('去掉一个最高分和一个最低分');
    expect(formatDateZh('2026-12-01T09:00:00+08:00')).toBe('2026年12月1日');
  });
});

describe('a fee as typed (the chair’s field, jiebang print fees --fee)', () => {
  it('reads digits in 元, to the fen; says what it refuses', () => {
    expect(readFee('1500')).toEqual({ ok: true, value: '1500' });
    expect(readFee(' １,５００.50 元')).toEqual({ ok: true, value: '1500.5' });
    expect(readFee('')).toEqual({ ok: true, value: null });
    expect(readFee('1e3')).toEqual({
      ok: false,
      message: '“1e3”是科学计数法：金额须直接写出数字（如 400，不写 4e2）',
    });
    expect(readFee('-5')).toEqual({ ok: false, message: '“-5”是负数：金额不能为负' });
    for (const bad of ['一千五', '1500.123'])
      expect(readFee(bad)).toEqual({
        ok: false,
        message: `“${bad}”不是评审费金额：以元计，只填数字（如 1500 或 1,500.50）`,
      });
  });
});
