/**
 * The slice of fontkit (react-pdf's font engine; no types of its own) used for glyph coverage
 * (fonts.ts, print-coverage.ts) and by the subset's glyph cache (subset-glyphs.ts).
 */
declare module 'fontkit' {
  /** A TrueType glyph (fontkit's TTFGlyph), as its subset reads it. */
  export interface Glyph {
    readonly id: number;
    /** The code points fontkit first met this glyph by (pdfkit writes them as its Unicode). */
    readonly codePoints: number[];
    readonly advanceWidth: number;
    _getMetrics(): { leftBearing: number };
    /** The glyph's outline record, decoded anew on every call; null for an empty glyph. */
    _decode(): {
      numberOfContours: number;
      components?: { glyphID: number; pos: number }[];
    } | null;
  }
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Every code point the face's cmap maps to a glyph. */
    readonly characterSet: number[];
    getGlyph(id: number): Glyph;
    glyphForCodePoint(codePoint: number): Glyph;
    /** A TrueType face's subset (TTFSubset); a CFF face's is another class. */
    createSubset(): object;
    readonly loca: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
    _variationProcessor: unknown;
  }
  export function openSync(path: string): Font;
}
