import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { openSync } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { reuseEmbeddedFonts } from './embedded-fonts';

const requireHere = createRequire(import.meta.url);
const face = (file: string) => openSync(requireHere.resolve(`@expo-google-fonts/${file}`));
const serif = face('noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const sans = face('noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
// First drawn late: its id (F…) and subset tag count every `font` call before it.
const late = face('noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

/** A PDF drawn the way react-pdf draws runs: `font(fontkit object, size)` before each run. */
function draw(): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2026, 11, 1)) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  for (let i = 0; i < 20; i++) {
    doc
      .font(i === 15 ? late : i % 3 === 0 ? sans : serif, 9 + (i % 4))
      .text(`第 ${i + 1} 页 共 20 页 任务书`);
    if (i % 7 === 6) doc.addPage();
  }
  doc.end();
  return done;
}

describe('reuseEmbeddedFonts', () => {
  it('writes the PDF pdfkit writes on its own, byte for byte (font ids and subset tags too)', async () => {
    const own = await draw();
    reuseEmbeddedFonts();
    const reused = await draw();
    expect(reused.equals(own)).toBe(true);
    expect(reused.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
  });
});
