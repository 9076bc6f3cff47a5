/** The slice of fontkit (react-pdf's font engine; no types of its own) used for glyph coverage. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
