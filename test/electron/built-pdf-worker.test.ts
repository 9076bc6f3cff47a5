/**
 * The built PDF render, after `npm run build`: Electron main's worker (out/main) and the Node
 * builds' (out/node: the web host's worker; out/node/renders, the CLI's render commands) all bundle react-pdf's text engine with the
 * hyphenator's stand-in (src-main/pdf/no-builtin-hyphenation.ts, build/pdf-stand-ins.ts) in place
 * of the en-US pattern trie it would build as it loads (issue 22). Were one build to load the
 * real hyphenator, its patterns would be in the built files — or, left external, react-pdf's
 * text engine would be, and the stand-in would not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every JavaScript file a build wrote, with its text. */
function built(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[mc]?js$/.test(f))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/** Two of the en-US patterns and one of its exceptions, as they stand in `hyphen/patterns/en-us`. */
const PATTERNS = ['".ach4"', '".ad4der"', '"as-so-ciate"'];
const STAND_IN = 'built-in hyphenation is not in this build';

describe.each(['out/main', 'out/node'])('the PDF render built in %s', (dir) => {
  const files = built(dir);

  it('bundles react-pdf’s text engine with the hyphenator’s stand-in', () => {
    expect(files.filter((f) => f.text.includes(STAND_IN)).length).toBeGreaterThan(0);
  });

  it('holds none of the en-US hyphenation patterns', () => {
    const withPatterns = files
      .filter((f) => PATTERNS.some((p) => f.text.includes(p)))
      .map((f) => f.file);
    expect(withPatterns).toEqual([]);
  });
});
