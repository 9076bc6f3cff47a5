import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson, StrictJsonError } from './strict-json';

const errorOf = (text: string): StrictJsonError | null => {
  try {
    parseStrictJson(text);
    return null;
  } catch (error) {
    if (error instanceof StrictJsonError) return error;
    throw error;
  }
};

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads, to the same value (property)', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), (text) => {
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what JSON.parse refuses', () => {
    for (const text of [
      '',
      ' ',
      '{',
      '[1,]',
      '{"a":1,}',
      '01',
      '1.',
      '.5',
      '+1',
      '0x11',
      'NaN',
      "'a'",
      '"a\\x"',
      '"\u0001"',
      '"unterminated',
      '\uFEFF{}',
      '{"a" 1}',
      '[1 2]',
      'true false',
      '{a:1}',
    ]) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(errorOf(text), text).toBeInstanceOf(StrictJsonError);
    }
  });

  it('keeps "__proto__" as an own key, as JSON.parse does', () => {
    const value = parseStrictJson('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value).toEqual(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.keys(value ?? {})).toEqual(['__proto__']);
  });

  it('refuses a duplicate key anywhere and names its path', () => {
    expect(errorOf('{"a":1,"a":2}')?.path).toBe('a');
    const nested = errorOf(
      '{"signers":[{"role":"expert"},{"role":"expert","id":"E1","role":"bureau"}]}',
    );
    expect(nested?.path).toBe('signers[1].role');
    expect(nested?.message).toContain('重复的键 duplicate key "role"');
    expect(nested?.message).toContain('signers[1].role');
    // The same key after escaping is the same key.
    expect(errorOf('{"kind":1,"\\u006bind":2}')?.path).toBe('kind');
    expect(errorOf('{"x":{"a b":{"k":1,"k":1}}}')?.path).toBe('x["a b"].k');
    // Equal keys in different objects are fine.
    expect(parseStrictJson('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses nesting past the bound by name, without overflowing the stack', () => {
    const ok = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseStrictJson(ok)).toBeInstanceOf(Array);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(errorOf(deep)?.message).toContain('嵌套超过');
  });
});
