/**
 * Stands in for `@react-pdf/hyphenate/en-us` in the Node build (vite.cli.config.ts): react-pdf's
 * text engine imports its en-US hyphenator and builds the pattern trie as it loads (about a
 * twentieth of a cold `jiebang render-taskbook`), but every document here breaks lines with its
 * own callback (fonts.ts `registerFonts`: CJK pieces, never a hyphen) and never calls the built-in
 * one. Should it ever be called, it fails loudly rather than hyphenating differently.
 */
export function syllables(word: string): never {
  throw new Error(`react-pdf's built-in hyphenation is not in this build (asked for "${word}")`);
}
export const hyphenate = syllables;
