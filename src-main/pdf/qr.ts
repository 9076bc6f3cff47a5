/**
 * A QR code as one vector path: its module matrix (the `qrcode` package, error correction M, the
 * same symbol its PNG renderer draws) with a one-module quiet zone, each run of dark modules in a
 * row a rectangle. Drawn as a path the PDF needs no PNG made, decoded again and deflated again
 * (issue 22), and prints sharp at any size.
 */
// The encoder alone (qrcode-core.d.ts): the package's main module also loads its renderers.
import { create } from 'qrcode/lib/core/qrcode.js';

export interface QrPath {
  /** Width and height of the symbol with its quiet zone, in modules (the path's view box). */
  size: number;
  /** SVG path data: one closed rectangle per run of dark modules. */
  d: string;
}

/** The quiet zone around the symbol, in modules (as the PNG was made: `margin: 1`). */
const MARGIN = 1;

export function qrPath(text: string): QrPath {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      parts.push(`M${start + MARGIN} ${row + MARGIN}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: size + 2 * MARGIN, d: parts.join('') };
}
