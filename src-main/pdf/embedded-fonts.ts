/**
 * One embedded font per face and document, found again without building it anew (issue 22).
 *
 * react-pdf hands pdfkit the fontkit font object for every run of text it draws
 * (`ctx.font(font, size)`). For an object, pdfkit has no cache key: each call builds a new
 * embedded-font wrapper (a font subset, the face's metrics), then finds that the face is already
 * embedded under its PostScript name and compares the two faces' name tables as JSON before
 * keeping the first — about a tenth of a warm task book's CPU time. The first call for a face in
 * a document is pdfkit's own; every later call with the same font object returns what that call
 * chose, which is what pdfkit would choose again (its choice by name is made once per document).
 * The font id counter still counts every call, as pdfkit's does, so the fonts' ids — and the
 * subset tags made from them — are the same: the PDF is byte for byte what it was.
 */
import PDFDocument from 'pdfkit';

const chosen = new WeakMap<PDFDocument, WeakMap<object, unknown>>();
let installed = false;

export function reuseEmbeddedFonts(): void {
  if (installed) return;
  installed = true;
  const original = PDFDocument.prototype.font;
  PDFDocument.prototype.font = function font(
    this: PDFDocument,
    src: unknown,
    family?: unknown,
    size?: unknown,
  ) {
    // react-pdf's call: a fontkit font object and a size (pdfkit reads a number as the size).
    if (typeof src !== 'object' || src === null || (family != null && typeof family !== 'number'))
      return original.call(this, src, family, size);
    const known = chosen.get(this)?.get(src);
    if (known === undefined) {
      original.call(this, src, family, size);
      const fonts = chosen.get(this) ?? new WeakMap<object, unknown>();
      fonts.set(src, this._font);
      chosen.set(this, fonts);
      return this;
    }
    // What pdfkit's own path does before it finds the face embedded: an id drawn, the source
    // and family noted, the size set.
    this._fontCount += 1;
    this._fontSource = src;
    this._fontFamily = typeof family === 'number' ? null : family;
    const points = typeof family === 'number' ? family : size;
    if (points != null) this.fontSize(points);
    this._font = known;
    return this;
  };
}
