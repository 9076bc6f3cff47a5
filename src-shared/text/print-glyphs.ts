/**
 * Which characters print (issue F10): one rule for every door — the PDF documents themselves
 * (main's `printable` prints a character outside it as its code point), `jiebang check` and
 * `jiebang render-taskbook`, and the task book's editor — without reading the font files. The fonts' coverage is
 * the table in print-coverage-table.ts, written by `npx tsx scripts/make-print-coverage.ts` from
 * the embedded Noto faces (src-main/pdf/print-coverage.ts says which); its test holds the table
 * to the font files, code point by code point. Pure: no fonts read, so `check` and the editor
 * name a character as fast as they check a date.
 */
import { PRINT_COVERAGE } from './print-coverage-table';

/** The table's ranges, decoded once: `starts[i]`…`ends[i]` (inclusive) print. */
let decoded: { starts: Uint32Array; ends: Uint32Array } | null = null;

/**
 * The table's text: base-36 numbers in pairs, each pair a range — the gap after the previous
 * range's end, then the range's length less one (`encodeCoverage`, its inverse, writes it).
 */
export function decodeCoverage(table: string): { starts: Uint32Array; ends: Uint32Array } {
  const numbers = table === '' ? [] : table.split(',').map((n) => parseInt(n, 36));
  const count = Math.floor(numbers.length / 2);
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  let next = 0;
  for (let i = 0; i < count; i++) {
    const start = next + (numbers[2 * i] ?? 0);
    const end = start + (numbers[2 * i + 1] ?? 0);
    starts[i] = start;
    ends[i] = end;
    next = end + 1;
  }
  return { starts, ends };
}

/** Sorted code points as the table's text (see `decodeCoverage`). */
export function encodeCoverage(codePoints: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  let next = 0;
  while (i < codePoints.length) {
    const start = codePoints[i] ?? 0;
    let end = start;
    while (codePoints[i + 1] === end + 1) {
      end += 1;
      i += 1;
    }
    out.push((start - next).toString(36), (end - start).toString(36));
    next = end + 1;
    i += 1;
  }
  return out.join(',');
}

/** Has every font stack the user's text prints in a glyph for this code point? */
export function hasPrintGlyph(codePoint: number): boolean {
  decoded ??= decodeCoverage(PRINT_COVERAGE);
  const { starts, ends } = decoded;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < (starts[mid] ?? 0)) hi = mid - 1;
    else if (codePoint > (ends[mid] ?? 0)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Variation selectors have no glyph of their own; they only choose one (emoji or text form). */
export const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/** Is `ch` a glyph to look for at all? Whitespace, controls and variation selectors are not. */
const isGlyph = (ch: string): boolean =>
  (ch.codePointAt(0) ?? 0) > 0x20 && !/\s/u.test(ch) && !VARIATION_SELECTOR.test(ch);

/** Does `ch` print — as itself (true), or as its code point? Non-glyphs (see `isGlyph`) print. */
export const printsAsItself = (ch: string): boolean =>
  !isGlyph(ch) || hasPrintGlyph(ch.codePointAt(0) ?? 0);

/**
 * The characters of `text` that no print font has (the documents print them as their code
 * point, [U+1F600]), each once, in order of appearance.
 */
export function unprintableChars(text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (missing.has(ch) || printsAsItself(ch)) continue;
    missing.add(ch);
  }
  return [...missing];
}
