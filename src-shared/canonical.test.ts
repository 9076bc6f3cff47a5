import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson } from './canonical';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys and drops whitespace, keeping Chinese text as is', () => {
    expect(canonicalJson({ b: 1, a: { d: '揭榜', c: [3, 2] } })).toBe(
      '{"a":{"c":[3,2],"d":"揭榜"},"b":1}',
    );
  });
  it('serialises numbers the ECMAScript way', () => {
    expect(canonicalJson([1.0, 0.1, 1e21, -0])).toBe('[1,0.1,1e+21,0]');
  });
  it('hashes the same document identically whatever its key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalHash(reversed)).toBe(canonicalHash(obj));
      }),
    );
  });
  it('gives the known SHA-256 of an empty object', () => {
    expect(canonicalHash({})).toBe(
      '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
  });
});
