import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeWire, encodeWire } from './wire';

describe('wire JSON with bytes', () => {
  it('round-trips bytes nested anywhere', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string(), (bytes, text) => {
        const value = { a: [bytes, { b: bytes }], text };
        expect(decodeWire(encodeWire(value))).toEqual(value);
      }),
    );
  });

  it('writes plain JSON when there are no bytes, and still finds bytes deep inside', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(encodeWire(value)).toBe(JSON.stringify(value));
      }),
    );
    const deep = { a: { b: { c: [{ d: [new Uint8Array([1, 2])] }] } } };
    expect(decodeWire(encodeWire(deep))).toEqual(deep);
  });

  it('leaves ordinary objects alone and refuses malformed text', () => {
    expect(decodeWire(encodeWire({ $bytes: 1, x: 2 }))).toEqual({ $bytes: 1, x: 2 });
    expect(() => decodeWire('{')).toThrow(SyntaxError);
  });
});
