/**
 * A font subset's glyphs without decoding each one again on every render (issue 22).
 *
 * pdfkit embeds each face a PDF prints with as a fontkit subset of the glyphs used. fontkit's
 * TrueType subset (`TTFSubset._addGlyph`) decodes every glyph it copies — all its points — only
 * to learn whether it is a composite glyph and, if so, which glyphs it is made of and where their
 * ids sit in its bytes. A face's glyphs never change, so that answer is kept per face and glyph
 * id, for the process's life (the render worker keeps its faces loaded between jobs), and the
 * subset is built from it as fontkit builds it: the glyph's bytes read from the face, a composite
 * glyph's components included and their ids rewritten, the same metrics. The embedded subsets —
 * and so the PDF — are byte for byte what fontkit writes (test: subset-glyphs.test.ts). A face
 * with variations (none of ours) keeps fontkit's own path: it re-encodes outlines.
 */
import type { Font, Glyph } from 'fontkit';

/** fontkit's TrueType subset: the members its `_addGlyph` reads and writes. */
interface TrueTypeSubset {
  font: Font;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

function isTrueTypeSubset(subset: object): subset is TrueTypeSubset {
  // The CFF subset has neither.
  return (
    '_addGlyph' in subset &&
    typeof subset._addGlyph === 'function' &&
    'includeGlyph' in subset &&
    typeof subset.includeGlyph === 'function'
  );
}

/** A composite glyph's parts (their ids and where each id sits in its bytes); null: simple or empty. */
type Parts = readonly { readonly glyphID: number; readonly pos: number }[] | null;

const partsByFace = new WeakMap<Font, Map<number, Parts>>();

function partsOf(font: Font, gid: number, glyph: Glyph): Parts {
  let known = partsByFace.get(font);
  if (!known) {
    known = new Map();
    partsByFace.set(font, known);
  }
  const cached = known.get(gid);
  if (cached !== undefined) return cached;
  const glyf = glyph._decode();
  const parts =
    glyf && glyf.numberOfContours < 0
      ? (glyf.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos }))
      : null;
  known.set(gid, parts);
  return parts;
}

let installed = false;

/**
 * Installs the cache on fontkit's TrueType subset class, once per process.
 * @param face any TrueType face fontkit has opened (its subset's class is the one patched)
 */
export function cacheSubsetGlyphs(face: Pick<Font, 'createSubset'>): void {
  if (installed) return;
  const prototype: unknown = Object.getPrototypeOf(face.createSubset());
  if (typeof prototype !== 'object' || prototype === null || !isTrueTypeSubset(prototype)) return;
  installed = true;
  const original = prototype._addGlyph;
  prototype._addGlyph = function addGlyph(this: TrueTypeSubset, gid: number): number {
    if (this.font._variationProcessor) return original.call(this, gid);
    const glyph = this.font.getGlyph(gid);
    const parts = partsOf(this.font, gid, glyph);
    // After the decode above: the face's one stream, at the glyph table's start.
    const stream = this.font._getTableStream('glyf');
    if (!stream) return original.call(this, gid);
    const start = this.font.loca.offsets[gid] ?? 0;
    const end = this.font.loca.offsets[gid + 1] ?? start;
    stream.pos += start;
    let bytes = stream.readBuffer(end - start);
    if (parts) {
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const part of parts) view.setUint16(part.pos, this.includeGlyph(part.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({
      advance: glyph.advanceWidth,
      bearing: glyph._getMetrics().leftBearing,
    });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
