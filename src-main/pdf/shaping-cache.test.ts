import { readFile } from 'node:fs/promises';
import { Font } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { prepareFonts } from './fonts';
import { renderTaskBookPdf } from './render';
import { withoutShapingCache } from './shaping-cache';

/** A PDF without what only the moment of its render sets (its creation date and the id made from it). */
const timeless = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> ?<[0-9a-f]+>\]/, '/ID []');

const sample = async (): Promise<TaskBook> =>
  TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));

describe('shaping kept per face and string', () => {
  it('prints the task book byte for byte as fontkit shaping every run anew does: first render, again, another book, a draft', async () => {
    const tb = await sample();
    const cases: TaskBook[] = [
      tb,
      tb,
      { ...tb, title: '𠮷野家 Ångström 试验线：ﬁ fi ffi 1/2', status: 'draft' },
      tb,
    ];
    for (const c of cases) {
      const reference = timeless(await withoutShapingCache(() => renderTaskBookPdf(c)));
      expect(timeless(await renderTaskBookPdf(c))).toBe(reference);
    }
  }, 120_000);

  it('hands every caller its own run: changing one leaves the next as shaped', async () => {
    await prepareFonts();
    const face = Font.getFont({ fontFamily: 'Noto Serif SC', fontWeight: 400 }).data;
    if (!face) throw new Error('the body face is read');
    const first = face.layout('地址：克拉玛依市', undefined, undefined, undefined, 'ltr');
    const shaped = JSON.stringify(first.positions);
    const ids = first.glyphs.map((g) => g.id);
    first.positions.forEach((p) => (p.xAdvance += 1000));
    first.glyphs.reverse();
    first.features['kern'] = false;
    const again = face.layout('地址：克拉玛依市', undefined, undefined, undefined, 'ltr');
    expect(again).not.toBe(first);
    expect(JSON.stringify(again.positions)).toBe(shaped);
    expect(again.glyphs.map((g) => g.id)).toEqual(ids);
    expect(again.features['kern']).not.toBe(false);
    // The same glyph objects fontkit hands out (their code points are what pdfkit writes).
    expect(again.glyphs[0]).toBe(face.glyphForCodePoint('地'.codePointAt(0) ?? 0));
  });
});
