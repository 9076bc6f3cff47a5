import { describe, expect, it } from 'vitest';
import { PRINT_COVERAGE } from '../../src-shared/text/print-coverage-table';
import {
  encodeCoverage,
  hasPrintGlyph,
  unprintableChars,
} from '../../src-shared/text/print-glyphs';
import { printableCodePoints } from './print-coverage';

describe('the print coverage table (src-shared/text/print-coverage-table.ts)', () => {
  const fromFonts = printableCodePoints();

  it('is what scripts/make-print-coverage.ts makes from the embedded font files', () => {
    expect(fromFonts.length).toBeGreaterThan(30_000);
    expect(PRINT_COVERAGE).toBe(encodeCoverage(fromFonts));
  });

  it('answers for every code point exactly as the fonts do', () => {
    const prints = new Set(fromFonts);
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++)
      if (hasPrintGlyph(cp) !== prints.has(cp)) wrong.push(cp.toString(16));
    expect(wrong).toEqual([]);
  });

  it("prints a character only when every stack of the user's text has it", () => {
    // 𠮷 (Extension B) from the Serif JP fallback, in both stacks; 𪚥 and 😀 in no face.
    expect(unprintableChars('吉𠮷陈堃')).toEqual([]);
    expect(unprintableChars('𪚥😀')).toEqual(['𪚥', '😀']);
    // 𰻝 (U+30EDD) is in Noto Sans SC alone: the body's stack would draw an empty box.
    expect(unprintableChars('𰻝𰻝面')).toEqual(['𰻝']);
  });
});
