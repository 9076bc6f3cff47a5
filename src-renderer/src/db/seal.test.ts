import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeWire } from '../../../src-shared/wire';
import {
  deriveKeys,
  openBytes,
  openValues,
  sealBytes,
  sealReady,
  sealValues,
  SealError,
  type SealedRecord,
} from './seal';

const keys = deriveKeys(new Uint8Array(32).fill(7));
/** One record sealed on its own (the single-record path, as attachment chunks use it). */
const sealOne = (table: string, id: string, value: unknown) =>
  sealBytes(keys, table, id, new TextEncoder().encode(encodeWire(value)));
const aad = (table: string, id: string) => new TextEncoder().encode(`${table}\u0000${id}`);
/** A text's UTF-16LE bytes (format 2's plaintext and additional data). */
const utf16 = (text: string) => {
  const out = new Uint8Array(2 * text.length);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};
/** A page's sealed records as bytes (format 2 stores them as a string of code units). */
const bytesOf = (page: readonly SealedRecord[]) =>
  page.map((r) => (r.format === 2 ? utf16(r.bytes) : r.bytes));

beforeAll(() => sealReady());

describe('the sealing format', () => {
  it('is standard XChaCha20-Poly1305: what @noble/ciphers seals opens here, and the other way round', () => {
    const plain = new TextEncoder().encode('{"points":18.5,"comment":"方案先进可行"}');
    const nonce = new Uint8Array(24).fill(3);
    const byNoble = new Uint8Array([
      ...nonce,
      ...xchacha20poly1305(keys.seal, nonce, aad('sheets', 'P/E01')).encrypt(plain),
    ]);
    expect(openBytes(keys, 'sheets', 'P/E01', byNoble)).toEqual(plain);
    const ours = sealBytes(keys, 'sheets', 'P/E01', plain);
    expect(
      xchacha20poly1305(keys.seal, ours.subarray(0, 24), aad('sheets', 'P/E01')).decrypt(
        ours.subarray(24),
      ),
    ).toEqual(plain);
  });

  it('never reuses a nonce, across refills of the nonce pool', () => {
    const seen = new Set<string>();
    const plain = new Uint8Array(1);
    for (let i = 0; i < 5000; i++) {
      const nonce = sealBytes(keys, 't', String(i), plain).subarray(0, 24);
      const hex = Array.from(nonce, (b) => b.toString(16).padStart(2, '0')).join('');
      expect(seen.has(hex)).toBe(false);
      expect(nonce.some((b) => b !== 0)).toBe(true);
      seen.add(hex);
    }
  });

  it('gives every record of a page (sealed in one call) a fresh nonce, stored as a string of its own', () => {
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    const seen = new Set<string>();
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, value: { i } }));
    for (const page of [sealValues(keys, 't', rows), sealValues(keys, 't', rows)]) {
      // Text records: format 2, a string of code units (a view into a shared buffer would store
      // its neighbours' bytes too; a string is always the record's own).
      expect(page.every((r) => r.format === 2 && typeof r.bytes === 'string')).toBe(true);
      bytesOf(page).forEach((sealed, i) => {
        const nonce = hex(sealed.subarray(0, 24));
        expect(seen.has(nonce)).toBe(false);
        seen.add(nonce);
        // Format 2, standard too: the text's and the additional data's UTF-16LE code units.
        const noble = xchacha20poly1305(keys.seal, sealed.subarray(0, 24), utf16(`t\u0000r${i}`));
        expect(noble.decrypt(sealed.subarray(24))).toEqual(utf16(`{"i":${i}}`));
      });
    }
    // Records with bytes: format 1, each in an ArrayBuffer of its own.
    const withBytes = sealValues(
      keys,
      't',
      rows.slice(0, 3).map((r) => ({ ...r, value: { b: new Uint8Array([r.value.i]) } })),
    );
    for (const r of withBytes) {
      if (r.format !== 1) throw new Error('format 1');
      expect([r.bytes.byteOffset, r.bytes.buffer.byteLength]).toEqual([0, r.bytes.length]);
    }
  });

  it('refuses to open under another table or key, or with a flipped byte', () => {
    const sealed = sealBytes(keys, 'sheets', 'a', new Uint8Array([1, 2, 3]));
    expect(() => openBytes(keys, 'sheets', 'b', sealed)).toThrow(SealError);
    expect(() => openBytes(keys, 'meta', 'a', sealed)).toThrow(SealError);
    const flipped = sealed.slice();
    flipped[30] = (flipped[30] ?? 0) ^ 1;
    expect(() => openBytes(keys, 'sheets', 'a', flipped)).toThrow(/被改动/);
  });

  it('seals text records in format 2 and records with bytes in format 1; a page opens as one by one', () => {
    const values = [
      { id: 'a', comment: '方案先进可行，指标可考核。', points: 18.5 },
      { id: 'b', nested: { list: [1, 2, 3], none: null }, text: 'x'.repeat(5000) },
      { id: 'c', secretKey: new Uint8Array([0, 1, 2, 255]) },
      { id: 'd', lone: '\ud800 and 𠮷' },
    ];
    const paged = sealValues(
      keys,
      'meta',
      values.map((v) => ({ id: v.id, value: v })),
    );
    expect(paged.map((r) => r.format)).toEqual([2, 2, 1, 2]);
    // Each format's records as one page, and one by one.
    for (const format of [1, 2] as const) {
      const at = paged.flatMap((r, i) => (r.format === format ? [i] : []));
      const ids = at.map((i) => values[i]?.id ?? '');
      const sealed = at.map((i) => paged[i]?.bytes ?? new Uint8Array());
      const expected = at.map((i) => values[i]);
      expect(openValues(keys, 'meta', ids, sealed, format)).toEqual(expected);
      expect(
        ids.map(
          (id, k) => openValues(keys, 'meta', [id], [sealed[k] ?? new Uint8Array()], format)[0],
        ),
      ).toEqual(expected);
    }
    // Format 1 as sealed one by one (the bytes path, what every row before format 2 is).
    const single = values.map((v) => sealOne('meta', v.id, v));
    expect(
      openValues(
        keys,
        'meta',
        values.map((v) => v.id),
        single,
        1,
      ),
    ).toEqual(values);
    expect(openValues(keys, 'meta', [], [])).toEqual([]);
  });

  it('refuses a record relabelled to the other format, and a format 2 record of odd length', () => {
    const [two] = bytesOf(sealValues(keys, 'sheets', [{ id: 'a', value: { n: 1 } }]));
    const one = sealOne('sheets', 'a', { n: 1 });
    if (!two) throw new Error('sealed');
    expect(() => openValues(keys, 'sheets', ['a'], [two], 1)).toThrow('sheets/a');
    expect(() => openValues(keys, 'sheets', ['a'], [one], 2)).toThrow('sheets/a');
    expect(() => openValues(keys, 'sheets', ['a'], [two.subarray(0, two.length - 1)], 2)).toThrow(
      'sheets/a',
    );
  });

  it('opens a page whose ids are not all ASCII, and names the right record when one is moved', () => {
    const ids = ['P1/专家甲', 'P1/E02', 'P1/𠮷田', 'P1/E04'];
    const sealed = bytesOf(
      sealValues(
        keys,
        'sheets',
        ids.map((id) => ({ id, value: { id, opinion: `意见 ${id}` } })),
      ),
    );
    expect(openValues(keys, 'sheets', ids, sealed)).toEqual(
      ids.map((id) => ({ id, opinion: `意见 ${id}` })),
    );
    // The same sealed records under ids shifted by one: the first one that differs is named.
    const swapped = [ids[0] ?? '', ids[2] ?? '', ids[1] ?? '', ids[3] ?? ''];
    expect(() => openValues(keys, 'sheets', swapped, sealed)).toThrow('sheets/P1/𠮷田');
  });

  it('names the record of a page that does not open: flipped, moved, or cut short', () => {
    const rows = ['r1', 'r2', 'r3'].map((id) => ({
      id,
      sealed: sealOne('sheets', id, { id, n: 1 }),
    }));
    const flipped = rows.map((r) => ({ ...r, sealed: r.sealed.slice() }));
    const third = flipped[2];
    if (!third) throw new Error('three rows');
    third.sealed[40] = (third.sealed[40] ?? 0) ^ 0x80;
    const open = (rs: { id: string; sealed: Uint8Array }[], k = keys) =>
      openValues(
        k,
        'sheets',
        rs.map((r) => r.id),
        rs.map((r) => r.sealed),
        1,
      );
    expect(() => open(flipped)).toThrow('sheets/r3');
    const moved = [rows[0], { id: 'r9', sealed: rows[1]?.sealed ?? new Uint8Array() }].flatMap(
      (r) => (r ? [r] : []),
    );
    expect(() => open(moved)).toThrow('sheets/r9');
    expect(() => open([{ id: 'short', sealed: new Uint8Array(10) }])).toThrow('sheets/short');
    const otherKeys = deriveKeys(new Uint8Array(32).fill(9));
    expect(() => open(rows, otherKeys)).toThrow('sheets/r1');
  });

  it('refuses to seal before the AEAD is loaded, rather than fall back silently', async () => {
    vi.resetModules();
    const fresh = await import('./seal');
    expect(() => fresh.sealBytes(keys, 't', 'x', new Uint8Array(1))).toThrow(/尚未加载/);
  });
});
