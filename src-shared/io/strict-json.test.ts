import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson, readStrictJson, StrictJsonError } from './strict-json';

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
    expect(nested?.message).toContain('重复的键 "role"');
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

describe('parseStrictJson’s fast path', () => {
  /** The value read, or the error's message and path: what a caller sees. */
  const outcome = (read: (text: string) => unknown, text: string) => {
    try {
      return { value: read(text) };
    } catch (error) {
      if (error instanceof StrictJsonError) return { error: error.message, path: error.path };
      throw error;
    }
  };
  /** A JSON text with one member of some object written twice (a duplicate key), when it has one. */
  const withDuplicate = (text: string, pick: number): string => {
    const members = [...text.matchAll(/"((?:[^"\\]|\\.)*)":/g)];
    const m = members[pick % Math.max(1, members.length)];
    if (!m || m.index === undefined) return text;
    return `${text.slice(0, m.index)}${m[0]}0,${text.slice(m.index)}`;
  };

  it('gives the same value or the same refusal as the reading by hand (property)', () => {
    fc.assert(
      fc.property(
        fc.json({ depthSize: 'medium' }),
        fc.nat(),
        fc.constantFrom('as is', 'duplicate', 'cut', 'nested'),
        (json, pick, change) => {
          const text =
            change === 'duplicate'
              ? withDuplicate(json, pick)
              : change === 'cut'
                ? json.slice(0, pick % (json.length + 1))
                : change === 'nested'
                  ? `${'['.repeat(pick % 300)}${json}${']'.repeat(pick % 300)}`
                  : json;
          expect(outcome(parseStrictJson, text)).toEqual(outcome(readStrictJson, text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a duplicate the fast path would have collapsed, and keys with ":" and escapes', () => {
    expect(outcome(parseStrictJson, '{"a:b":1,"a:b":2}')).toEqual(
      outcome(readStrictJson, '{"a:b":1,"a:b":2}'),
    );
    expect(errorOf('{"x":"\\":","x":1}')?.path).toBe('x');
    expect(parseStrictJson('{"a\\"":":","b":{"c":"{["}}')).toEqual({
      'a"': ':',
      b: { c: '{[' },
    });
    expect(errorOf('{"__proto__":1,"__proto__":2}')?.path).toBe('__proto__');
  });

  it('counts ":" inside strings as no member: a text with them read as it is, a duplicate still refused', () => {
    // More ":" than members (a time, a URL): the members are counted outside strings.
    const times = '{"t":"10:30:00","u":"https://a/b","x":{"y":["a:b",{"z":1}]}}';
    expect(parseStrictJson(times)).toEqual(JSON.parse(times));
    // A ":" in a string where a duplicate took one key away: the counts differ, still refused.
    expect(errorOf('{"a":"x:y","a":1}')?.path).toBe('a');
    expect(errorOf('{"a":1,"b":{"c":"::","c":2}}')?.path).toBe('b.c');
    // A top-level string or number holds no keys.
    expect(parseStrictJson('"a:b"')).toBe('a:b');
    expect(parseStrictJson(' 12 ')).toBe(12);
  });

  it('refuses nesting past the bound inside a value JSON.parse took, by the same message', () => {
    const deep = `{"a":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(outcome(parseStrictJson, deep)).toEqual(outcome(readStrictJson, deep));
    expect(errorOf(deep)?.message).toContain('嵌套超过');
    const atBound = `{"a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    expect(parseStrictJson(atBound)).toEqual(JSON.parse(atBound));
  });
});
