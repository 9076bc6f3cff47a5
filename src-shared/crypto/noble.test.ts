import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from './noble';

/** CRC-32 a byte at a time: the definition the eight-byte steps are held to. */
function crc32ByByte(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32 (eight bytes a step)', () => {
  it('gives the check value of "123456789" and of nothing', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('equals the byte-at-a-time CRC, whole or continued from a split (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (data, at) => {
        const whole = crc32(data);
        expect(whole).toBe(crc32ByByte(data));
        const cut = at % (data.length + 1);
        expect(crc32(data.subarray(cut), crc32(data.subarray(0, cut)))).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a view into a larger buffer from its own offset', () => {
    const buffer = new Uint8Array(64).map((_, i) => (i * 37) & 0xff);
    const view = buffer.subarray(3, 50);
    expect(crc32(view)).toBe(crc32ByByte(view));
  });
});
