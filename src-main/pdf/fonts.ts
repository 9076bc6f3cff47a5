/**
 * Fonts for print: Noto Serif SC (body) and Noto Sans SC (headings), static TTFs from npm (OFL),
 * regular and a real bold (700) — react-pdf fakes no bold and is very slow with WOFF. Chinese
 * wraps through the hyphenation callback (src-shared/text/cjk-split.ts), never with a hyphen.
 */
import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { splitForLineBreaks } from '../../src-shared/text/cjk-split';

const require = createRequire(import.meta.url);
const ttf = (pkg: string, file: string) => require.resolve(`@expo-google-fonts/${pkg}/${file}`);

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: 'Noto Serif SC',
    fonts: [
      { src: ttf('noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'), fontWeight: 400 },
      { src: ttf('noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'), fontWeight: 700 },
    ],
  });
  Font.register({
    family: 'Noto Sans SC',
    fonts: [
      { src: ttf('noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'), fontWeight: 400 },
      { src: ttf('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'), fontWeight: 700 },
    ],
  });
  // Each piece is followed by an empty one: react-pdf then breaks between pieces without ever
  // drawing a hyphen (it only adds one inside a piece sequence with no empty syllable).
  Font.registerHyphenationCallback((word) =>
    splitForLineBreaks(word).flatMap((piece) => [piece, '']),
  );
  registered = true;
}
