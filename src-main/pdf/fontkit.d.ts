/**
 * The slice of fontkit (react-pdf's font engine; no types of its own) used for glyph coverage
 * (fonts.ts, print-coverage.ts), by the subset's glyph cache (subset-glyphs.ts) and the shaping
 * cache (shaping-cache.ts).
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
  /** Where a glyph of a run goes (fontkit's GlyphPosition). */
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  /** A shaped run of text (fontkit's GlyphRun), as `Font.layout` returns it. */
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    features: Record<string, boolean>;
    script: string;
    language: string | null;
    direction: string;
  }
  export interface Font {
    /** Shapes a string (its glyphs, then GSUB and GPOS): what react-pdf calls for every run. */
    layout(
      string: string | Glyph[],
      features?: string[] | Record<string, boolean>,
      script?: string,
      language?: string,
      direction?: string,
    ): GlyphRun;
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
