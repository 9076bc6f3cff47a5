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
import { holdSpaces, splitForLineBreaks } from '../../src-shared/text/cjk-split';
import { printsAsItself, VARIATION_SELECTOR } from '../../src-shared/text/print-glyphs';
import { reuseEmbeddedFonts } from './embedded-fonts';
import { cacheSubsetGlyphs } from './subset-glyphs';
import { cacheShaping } from './shaping-cache';

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

/** Each family's files by weight: what `registerFonts` registers and the coverage table is made of. */
const FAMILY_FILES: Readonly<Record<string, Readonly<Record<400 | 700, string>>>> = {
  'Noto Serif SC': { 400: FILES.serif, 700: FILES.serifBold },
  'Noto Sans SC': { 400: FILES.sans, 700: FILES.sansBold },
  'Noto Serif JP': { 400: FILES.fallback, 700: FILES.fallbackBold },
};

/**
 * The font files of every stack the user's text prints in — the body's (SERIF) and the forms'
 * headings and bold cells (SANS) — at each weight: a character prints when every one of these
 * stacks has it in one of its files (print-coverage.ts makes the table from them).
 */
export function textStackFiles(): string[][] {
  return [SERIF, SANS].flatMap((stack) =>
    ([400, 700] as const).map((weight) =>
      stack.map((family) => {
        const file = FAMILY_FILES[family]?.[weight];
        if (file === undefined) throw new Error(`no font file for ${family} ${weight}`);
        return file;
      }),
    ),
  );
}

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  reuseEmbeddedFonts();
  for (const [family, files] of Object.entries(FAMILY_FILES)) {
    Font.register({
      family,
      fonts: [
        { src: files[400], fontWeight: 400 },
        { src: files[700], fontWeight: 700 },
      ],
    });
    spaceFirst(family, 400);
    spaceFirst(family, 700);
  }
  Font.registerHyphenationCallback(lineBreakPieces);
  registered = true;
}

/** Characters of words kept by `lineBreakPieces` before it empties its store and begins again. */
const KEPT_WORD_CHARS = 500_000;
const piecesByWord = new Map<string, readonly string[]>();
let keptWordChars = 0;

/**
 * A word's line-break pieces, as react-pdf's hyphenation callback (src-shared/text/cjk-split.ts):
 * each piece followed by an empty one, so that react-pdf breaks between pieces without ever
 * drawing a hyphen (it only adds one inside a piece sequence with no empty syllable). The pieces
 * are a function of the word, so a word's are kept for the process's life (the render worker's):
 * a preview rendered again after an edit meets nearly every word again (issue 22). Each call
 * gets its own array.
 */
export function lineBreakPieces(word: string): string[] {
  let pieces = piecesByWord.get(word);
  if (!pieces) {
    pieces = splitForLineBreaks(word).flatMap((piece) => [piece, '']);
    if (keptWordChars + word.length > KEPT_WORD_CHARS) {
      piecesByWord.clear();
      keptWordChars = 0;
    }
    piecesByWord.set(word, pieces);
    keptWordChars += word.length;
  }
  return [...pieces];
}

/**
 * A held space (U+00A0, `holdSpaces`) and a space share one glyph in every face, and pdfkit writes
 * a glyph's Unicode — the text a reader copies — from fontkit's glyph object, which fontkit makes
 * once per face for the code point it first met that glyph by: had a held space come first, every
 * space of every later PDF would copy as U+00A0. So each face meets the space as it is read.
 */
function spaceFirst(fontFamily: string, fontWeight: 400 | 700): void {
  const source = Font.getFont({ fontFamily, fontWeight });
  const load = source.load.bind(source);
  source.load = async () => {
    await load();
    source.data?.glyphForCodePoint(0x20);
  };
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

/**
 * Once the body face is read: its subsets (and every TrueType face's) keep their glyphs' parts,
 * and every face keeps the runs of text it has shaped.
 */
function bodyRead(): void {
  const face = Font.getFont(BODY).data;
  if (!face) return;
  cacheSubsetGlyphs(face);
  cacheShaping(face);
}

/** The body face, as the glyph checks read it: react-pdf's own once read, else opened here. */
const BODY_FILE = FILES.serif;
let bodyFace: Pick<FontFile, 'hasGlyphForCodePoint'> | null = null;

function body(): Pick<FontFile, 'hasGlyphForCodePoint'> {
  if (bodyFace) return bodyFace;
  registerFonts();
  bodyFace = Font.getFont(BODY).data ?? openSync(BODY_FILE);
  return bodyFace;
}

/**
 * Has `text` a character the body face lacks (so it prints from the Extension B fallback, or as
 * its code point)? Needs the body face read (`prepareFonts`).
 */
export function needsFallback(text: string): boolean {
  const face = body();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x20 && !face.hasGlyphForCodePoint(cp)) return true;
  }
  return false;
}

/**
 * Text as it can print with the embedded fonts alone (no PDF the product writes ever falls back to
 * a non-embedded Helvetica): line breaks normalised to \n (the document prints each line as its
 * own line), tabs and other control characters as spaces, variation selectors dropped, and a
 * character no font has printed as its code point, [U+1F600] — by the one rule of which characters
 * print (src-shared/text/print-glyphs.ts), by which the editor and the CLI name it before anyone
 * prints. Spaces are held for the line breaker (`holdSpaces`, src-shared/text/cjk-split.ts: the
 * same glyph, copied as a space — `spaceFirst`), so a line ends at the margin, not at a space.
 */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') out += ch;
    else if (/\p{Cc}/u.test(ch)) out += ' ';
    else if (VARIATION_SELECTOR.test(ch)) continue;
    else if (printsAsItself(ch)) out += ch;
    else out += `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return holdSpaces(out);
}

/** The lines of a text as they print (see `printable`), for one <Text> per line. */
export const printLines = (text: string): string[] => printable(text).split('\n');
