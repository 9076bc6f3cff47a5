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

  it('leaves ordinary objects alone and refuses malformed text', () => {
    expect(decodeWire(encodeWire({ $bytes: 1, x: 2 }))).toEqual({ $bytes: 1, x: 2 });
    expect(() => decodeWire('{')).toThrow(SyntaxError);
  });
});
