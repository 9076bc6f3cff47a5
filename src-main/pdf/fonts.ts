/**
 * Fonts for print: Noto Serif SC (body) and Noto Sans SC (headings), static TTFs from npm (OFL),
 * regular and a real bold (700) — react-pdf fakes no bold and is very slow with WOFF. Noto Serif
 * JP follows as a fallback: it has the CJK Extension B characters met in names (𠮷, 𠀋, 𡈽 …)
 * that the SC fonts lack, where react-pdf would otherwise print a non-embedded Helvetica box.
 * Chinese wraps through the hyphenation callback (src-shared/text/cjk-split.ts), never with a
 * hyphen.
 */
import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { openSync, type Font as FontFile } from 'fontkit';
import { splitForLineBreaks } from '../../src-shared/text/cjk-split';
import { reuseEmbeddedFonts } from './embedded-fonts';
import { cacheSubsetGlyphs } from './subset-glyphs';

// Not `require`: electron-vite's ESM shim declares its own `require` in the same chunk.
const requireFromHere = createRequire(import.meta.url);
const ttf = (pkg: string, file: string) =>
  requireFromHere.resolve(`@expo-google-fonts/${pkg}/${file}`);

const FILES = {
  serif: ttf('noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'),
  serifBold: ttf('noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'),
  sans: ttf('noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'),
  sansBold: ttf('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'),
  fallback: ttf('noto-serif-jp', '400Regular/NotoSerifJP_400Regular.ttf'),
  fallbackBold: ttf('noto-serif-jp', '700Bold/NotoSerifJP_700Bold.ttf'),
};

/** Font stacks for styles: the SC face first, then the Extension B fallback. */
export const SERIF = ['Noto Serif SC', 'Noto Serif JP'];
export const SANS = ['Noto Sans SC', 'Noto Serif JP'];
/**
 * The SC faces alone, for text that never needs the fallback (a document's own headings) or a
 * document whose text has no character the body face lacks (`needsFallback`): react-pdf reads
 * every face a style names, so a stack without the fallback spares reading its file.
 */
export const SERIF_SC = ['Noto Serif SC'];
export const SANS_SC = ['Noto Sans SC'];

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  reuseEmbeddedFonts();
  Font.register({
    family: 'Noto Serif SC',
    fonts: [
      { src: FILES.serif, fontWeight: 400 },
      { src: FILES.serifBold, fontWeight: 700 },
    ],
  });
  Font.register({
    family: 'Noto Sans SC',
    fonts: [
      { src: FILES.sans, fontWeight: 400 },
      { src: FILES.sansBold, fontWeight: 700 },
    ],
  });
  Font.register({
    family: 'Noto Serif JP',
    fonts: [
      { src: FILES.fallback, fontWeight: 400 },
      { src: FILES.fallbackBold, fontWeight: 700 },
    ],
  });
  // Each piece is followed by an empty one: react-pdf then breaks between pieces without ever
  // drawing a hyphen (it only adds one inside a piece sequence with no empty syllable).
  Font.registerHyphenationCallback((word) =>
    splitForLineBreaks(word).flatMap((piece) => [piece, '']),
  );
  registered = true;
}

/** Every face the documents use; `loadFonts` reads them all. */
const FACES = [SERIF, SANS].flatMap(([family]) =>
  [400, 700].map((fontWeight) => ({ fontFamily: family ?? '', fontWeight })),
);
FACES.push(
  { fontFamily: 'Noto Serif JP', fontWeight: 400 },
  { fontFamily: 'Noto Serif JP', fontWeight: 700 },
);

/** The body face: every document prints the user's text in it. */
const BODY = { fontFamily: 'Noto Serif SC', fontWeight: 400 };

let loading: Promise<void> | null = null;

/**
 * Registers the fonts and reads every face, once per process (issue 22): the render worker calls
 * this as it starts (warm-up while the app starts), so the first task book does not wait for some
 * 70 MB of fonts. A one-shot render (the CLI) calls `prepareFonts` instead.
 */
export function loadFonts(): Promise<void> {
  registerFonts();
  loading ??= Promise.all(FACES.map((face) => Font.load(face))).then(bodyRead);
  return loading;
}

/**
 * What a render needs before it starts: the fonts registered and the body face read (the glyph
 * checks below use it). react-pdf reads the other faces a document's styles name as it lays the
 * document out, each file once, so a one-shot render (`jiebang render-taskbook`) reads only the
 * faces it prints with — not all six (≈ 66 MB) as the worker's warm-up does.
 */
export async function prepareFonts(): Promise<void> {
  registerFonts();
  await Font.load(BODY);
  bodyRead();
}

/** Once the body face is read: its subsets (and every TrueType face's) keep their glyphs' parts. */
function bodyRead(): void {
  const face = Font.getFont(BODY).data;
  if (face) cacheSubsetGlyphs(face);
}

/**
 * The faces a glyph is looked for in, in order: the body face, the headings' face, the
 * Extension B fallback (the same regular faces react-pdf prints with).
 */
const BODY_FACE = { ...BODY, file: FILES.serif };
const COVERAGE = [
  BODY_FACE,
  { fontFamily: 'Noto Sans SC', fontWeight: 400, file: FILES.sans },
  { fontFamily: 'Noto Serif JP', fontWeight: 400, file: FILES.fallback },
];
const opened = new Map<string, Pick<FontFile, 'hasGlyphForCodePoint'>>();

/**
 * A coverage face, parsed once: react-pdf's own (read by `loadFonts`, `prepareFonts` or
 * a render) when it has it, else read here. The later faces are read only for a character the
 * body face lacks, which is rare.
 */
function coverageFace(face: (typeof COVERAGE)[number]): Pick<FontFile, 'hasGlyphForCodePoint'> {
  const known = opened.get(face.file);
  if (known) return known;
  registerFonts();
  const data = Font.getFont(face).data ?? openSync(face.file);
  opened.set(face.file, data);
  return data;
}

/**
 * Has `text` a character the body face lacks (so it prints from the Extension B fallback, or as
 * its code point)? Needs the body face read (`prepareFonts`).
 */
export function needsFallback(text: string): boolean {
  const body = coverageFace(BODY_FACE);
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x20 && !body.hasGlyphForCodePoint(cp)) return true;
  }
  return false;
}

/** Variation selectors have no glyph of their own; they only choose one (emoji or text form). */
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/** Does some print font have a glyph for `ch`? */
function hasGlyph(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return COVERAGE.some((face) => coverageFace(face).hasGlyphForCodePoint(cp));
}

/**
 * The characters of `text` that no print font has (they would print as empty boxes), each once,
 * in order of appearance. Whitespace, control characters and variation selectors are not glyphs
 * and never listed.
 */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x21 || /\s/u.test(ch) || VARIATION_SELECTOR.test(ch) || missing.has(ch)) continue;
    if (!hasGlyph(ch)) missing.add(ch);
  }
  return [...missing];
}

/**
 * Text as it can print with the embedded fonts alone (no PDF the product writes ever falls back to
 * a non-embedded Helvetica): line breaks normalised to \n (the document prints each line as its
 * own line), tabs and other control characters as spaces, variation selectors dropped, and a
 * character no font has printed as its code point, [U+1F600] — the editor and the CLI name it
 * before anyone prints.
 */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') out += ch;
    else if (/\p{Cc}/u.test(ch)) out += ' ';
    else if (VARIATION_SELECTOR.test(ch)) continue;
    else if (/\s/u.test(ch) || hasGlyph(ch)) out += ch;
    else out += `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return out;
}

/** The lines of a text as they print (see `printable`), for one <Text> per line. */
export const printLines = (text: string): string[] => printable(text).split('\n');
