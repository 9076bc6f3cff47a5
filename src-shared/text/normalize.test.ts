import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  describeCodePoint,
  findBidiControl,
  isCleanText,
  normaliseText,
  parsePlainDecimal,
  printedCodeRefusal,
  stripInvisible,
  textProblem,
  toHalfWidthDigits,
} from './normalize';
import { NameSchema, TextSchema } from '../model';

describe('what people type, normalised at the door', () => {
  it('reads full-width digits and points as the digits they are', () => {
    expect(toHalfWidthDigits('１７．５')).toBe('17.5');
    expect(parsePlainDecimal('１８')).toEqual({ ok: true, value: 18 });
    expect(parsePlainDecimal(' １７．５ ')).toEqual({ ok: true, value: 17.5 });
  });
  it('takes only plain decimals: no hex, no exponent, no words, no comma as a point', () => {
    for (const bad of ['0x11', '1.7e1', '十八分', '18分', '17,5', 'Infinity', '1..2', '--1'])
      expect(parsePlainDecimal(bad).ok, bad).toBe(false);
    expect(parsePlainDecimal('十八分')).toMatchObject({
      message: expect.stringContaining('十八分'),
    });
  });
  it('takes only the plain form: `.5`, `17.`, `+17` and `-0` are refused with the form it takes', () => {
    for (const bad of ['.5', '17.', '+17', '＋17', '-0', '-0.0', '－０'])
      expect(parsePlainDecimal(bad), bad).toEqual({
        ok: false,
        message: expect.stringContaining('只接受如 17 或 17.5 这样的十进制数'),
      });
    expect(parsePlainDecimal('-0')).toEqual({
      ok: false,
      message: '“-0”带有负号（只接受如 17 或 17.5 这样的十进制数；0 分请填 0）',
    });
    expect(parsePlainDecimal('0')).toEqual({ ok: true, value: 0 });
    expect(parsePlainDecimal('0.5')).toEqual({ ok: true, value: 0.5 });
  });
  it('keeps a minus sign (a negative score is a number, and out of range — never made positive)', () => {
    expect(parsePlainDecimal('-3')).toEqual({ ok: true, value: -3 });
    expect(parsePlainDecimal('－３')).toEqual({ ok: true, value: -3 });
  });
  it('reads an empty cell as "not entered"', () => {
    expect(parsePlainDecimal('  ')).toEqual({ ok: true, value: null });
  });
  it('strips zero-width characters and refuses bidi controls by code point', () => {
    expect(stripInvisible('实施\u200b方案\u2060v2\ufeff')).toBe('实施方案v2');
    expect(findBidiControl('RTL\u202eabc')).toBe('U+202E');
    const refused = cleanText('张\u202e三');
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toContain('U+202E');
    expect(cleanText('张\u200b三')).toEqual({ ok: true, value: '张三' });
  });
  it('refuses every bidi control, the marks U+200E, U+200F and U+061C too, by code point', () => {
    for (const [ch, cp] of [
      ['\u200f', 'U+200F'],
      ['\u200e', 'U+200E'],
      ['\u061c', 'U+061C'],
    ] as const) {
      expect(findBidiControl(`张三${ch}`)).toBe(cp);
      const r = NameSchema.safeParse(`新疆水处理技术研究院${ch}`);
      expect(r.error?.issues[0]?.message).toContain(`双向控制字符 ${cp}`);
    }
  });
  it('refuses control characters (an ESC or a CR can rewrite what a terminal shows), keeps tab and line feed', () => {
    for (const [ch, cp] of [
      ['\u001b[31m', 'U+001B'],
      ['\u0007', 'U+0007'],
      ['\u0000', 'U+0000'],
      ['\u0008', 'U+0008'],
      ['\u007f', 'U+007F'],
      ['\u009b', 'U+009B'],
    ] as const) {
      const r = cleanText(`研究院${ch}（示例）`);
      expect(r.ok, cp).toBe(false);
      expect(r.ok ? '' : r.message).toContain(`控制字符 ${cp}`);
      expect(TextSchema.safeParse(`研究院${ch}`).error?.issues[0]?.message).toContain(cp);
    }
    expect(cleanText('第一行\r\n第二行\r第三行\t完')).toEqual({
      ok: true,
      value: '第一行\n第二行\n第三行\t完',
    });
    expect(TextSchema.parse('a\r\nb')).toBe('a\nb');
  });
  it('refuses half of a UTF-16 pair alone (saved as UTF-8 it would become U+FFFD, another text)', () => {
    const r = cleanText('张三\ud800');
    expect(r.ok ? '' : r.message).toContain('无效的字符 U+D800（');
    expect(NameSchema.safeParse('\udc00李四').success).toBe(false);
    expect(cleanText('𠮷野').ok).toBe(true);
  });
  it('drops every invisible (default-ignorable) character: soft hyphen, Hangul filler, tags, invisible operators', () => {
    expect(stripInvisible('西部\u00ad石油\u{E0041}\u{E0042}大学\u3164\u2062\u034f')).toBe(
      '西部石油大学',
    );
    expect(NameSchema.parse('\u3164张三\u00ad')).toBe('张三');
    // A name of nothing but invisible characters is empty, not a name.
    expect(NameSchema.safeParse('\u3164\u200b\u00ad').success).toBe(false);
  });
  it('property: any text with a bidi control is refused by every text field of the schemas', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2069'),
        fc.string(),
        (a, bidi, b) => {
          const r = NameSchema.safeParse(`名${a}${bidi}${b}`);
          expect(r.success).toBe(false);
          expect(r.error?.issues.some((i) => i.message.includes('双向控制字符 U+'))).toBe(true);
        },
      ),
    );
  });
  it('property: zero-width characters never survive a text field', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('张', '三', '\u200b', '\u2060', '\ufeff', 'a')),
        (chars) => {
          const text = chars.join('');
          const r = TextSchema.safeParse(text);
          expect(r.success && /[\u200b\u2060\ufeff]/.test(r.data)).toBe(false);
        },
      ),
    );
  });
  it('names a character by its code point', () => {
    expect(describeCodePoint('😀')).toBe('U+1F600 😀');
    expect(describeCodePoint('\u200b')).toBe('U+200B');
  });
  it('property: any plain decimal, typed full-width or not, reads as its value', () => {
    const full = (s: string) =>
      [...s].map((c) => (c === '.' ? '．' : String.fromCodePoint(0xff10 + Number(c)))).join('');
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 99 }), (int, frac) => {
        const text = `${int}.${String(frac).padStart(2, '0')}`;
        expect(parsePlainDecimal(text)).toEqual({ ok: true, value: Number(text) });
        expect(parsePlainDecimal(full(text))).toEqual({ ok: true, value: Number(text) });
      }),
    );
  });
  it('property: a string with a letter in it is never a score', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('x', 'e', '分', 'Ｘ'),
        fc.string(),
        (a, letter, b) => {
          expect(parsePlainDecimal(`${a}${letter}${b}`).ok).toBe(false);
        },
      ),
    );
  });
});

describe('isCleanText', () => {
  const asTheRulesSay = (text: string): boolean =>
    normaliseText(text) === text && textProblem(text) === null;

  it('says what normaliseText and textProblem say, for every code point alone', () => {
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 0x3f) {
      const ch = String.fromCodePoint(cp);
      expect(isCleanText(ch), describeCodePoint(ch)).toBe(asTheRulesSay(ch));
    }
  });

  it('says what normaliseText and textProblem say, for any text (property)', () => {
    const odd = fc.constantFrom(
      '\r',
      '\n',
      '\t',
      '\u200b',
      '\u202e',
      '\ud800',
      '\udc00',
      '\u0007',
      'é',
      '好',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), odd)), (parts) => {
        const text = parts.join('');
        expect(isCleanText(text)).toBe(asTheRulesSay(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('printedCodeRefusal', () => {
  it('says how many digits were given, as compactCode reads them', () => {
    expect(printedCodeRefusal('ab12 '.repeat(12), 'jiebang:taskbook:…')).toBe(
      '核验码应为 64 位十六进制数字，所给的是 48 位（或二维码内容 jiebang:taskbook:…）',
    );
    expect(printedCodeRefusal('ＡＢ-12', 'jiebang:form:…')).toBe(
      '核验码应为 64 位十六进制数字，所给的是 4 位（或二维码内容 jiebang:form:…）',
    );
  });
  it('names the first character that is no hex digit', () => {
    expect(printedCodeRefusal(`${'a'.repeat(63)}g`, 'jiebang:form:…')).toBe(
      '核验码应为 64 位十六进制数字，所给的含非十六进制字符“g”（或二维码内容 jiebang:form:…）',
    );
  });
});
