/**
 * The print coverage table (src-shared/text/print-coverage-table.ts) from the font files: a code
 * point prints when every stack the user's text prints in (`textStackFiles`: the body's and the
 * headings', regular and bold) has it in one of its faces. The union of the faces would not do:
 * U+30EDD 𰻝 is in Noto Sans SC alone, and the body's stack (Noto Serif SC, then Noto Serif JP)
 * would print it as an empty box. Written by scripts/make-print-coverage.ts; print-coverage.test.ts
 * holds the committed table to the fonts.
 */
import { openSync } from 'fontkit';
import { textStackFiles } from './fonts';

/** Every code point that prints, ascending. */
export function printableCodePoints(): number[] {
  const byFile = new Map<string, readonly number[]>();
  const charset = (file: string): readonly number[] => {
    const known = byFile.get(file);
    if (known) return known;
    const set = openSync(file).characterSet;
    byFile.set(file, set);
    return set;
  };
  const stacks = textStackFiles().map((stack) => new Set(stack.flatMap((file) => charset(file))));
  const [first = new Set<number>(), ...rest] = stacks;
  return [...first].filter((cp) => rest.every((covered) => covered.has(cp))).sort((a, b) => a - b);
}
