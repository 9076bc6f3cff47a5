/**
 * A held space (U+00A0: `holdSpaces`, how the user's spaces reach the line breaker) copies out of
 * the PDF as a space: every face, as it is read, meets the glyph the two share through U+0020
 * first (fonts.ts `spaceFirst`), and pdfkit writes that glyph's Unicode from the glyph object
 * fontkit made then. Its own file: a fresh font store, no page laid out before it.
 */
import { Font } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { loadFonts } from './fonts';

describe('a held space copies as a space', () => {
  it('every face maps the glyph it shares with U+00A0 back to U+0020', async () => {
    await loadFonts();
    for (const fontFamily of ['Noto Serif SC', 'Noto Sans SC', 'Noto Serif JP'])
      for (const fontWeight of [400, 700]) {
        const face = Font.getFont({ fontFamily, fontWeight }).data;
        const held = face?.glyphForCodePoint(0xa0);
        expect(held?.id).toBe(face?.glyphForCodePoint(0x20).id);
        expect(held?.codePoints, `${fontFamily} ${fontWeight}`).toEqual([0x20]);
      }
  });
});
