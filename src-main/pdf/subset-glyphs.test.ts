import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { openSync } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cacheSubsetGlyphs } from './subset-glyphs';

const requireHere = createRequire(import.meta.url);
const face = (file: string) => openSync(requireHere.resolve(file));
// Liberation Sans has composite glyphs (accented letters: a base glyph and its accent); the Noto
// CJK faces have none.
const latin = face('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
const serif = face('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const sans = face('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

const TEXTS = [
  ['揭榜挂帅 任务书 第 1 页', '里程碑 · 出水含油量 ≤ 5 mg/L', 'Ångström Éé Üü ñ ç'],
  ['评分汇总表 专家 签字', 'Çà va — naïve façade Œuvre', '二〇二六年十二月一日'],
];

/** A PDF drawn the way react-pdf draws runs: `font(fontkit object, size)` before each run. */
function draw(texts: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2026, 11, 1)) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  texts.forEach((text, i) => doc.font([serif, sans, latin][i % 3], 11).text(text));
  doc.end();
  return done;
}

describe('cacheSubsetGlyphs', () => {
  it('embeds the subsets fontkit embeds on its own, byte for byte, render after render', async () => {
    const [a = [], b = []] = TEXTS;
    const ownA = await draw(a);
    const ownB = await draw(b);
    cacheSubsetGlyphs(serif);
    // A, B, A again: the second A reads every glyph's parts from the cache, B some.
    expect((await draw(a)).equals(ownA)).toBe(true);
    expect((await draw(b)).equals(ownB)).toBe(true);
    expect((await draw(a)).equals(ownA)).toBe(true);
    expect(ownA.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans/);
  });

  it('is tried on composite glyphs (the drawn accented letters are made of parts)', () => {
    const composite = [...'ÅÉéÜüñçÇàïŒ'].filter(
      (ch) =>
        (latin.glyphForCodePoint(ch.codePointAt(0) ?? 0)._decode()?.numberOfContours ?? 0) < 0,
    );
    expect(composite.length).toBeGreaterThan(5);
  });
});
