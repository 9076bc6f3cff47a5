/**
 * Stands in for `brotli/decompress.js` in the render commands' CommonJS bundle
 * (vite.cli.config.ts, mode `renders`): fontkit imports brotli's decoder, whose dictionary is
 * built as it loads, for WOFF2 faces only; every face here is a TTF (fonts.ts), so it is never
 * called. Should it ever be, it fails loudly rather than misreading a face.
 */
export default function decompress(): never {
  throw new Error('WOFF2 (brotli) faces are not in this build: print faces are TTF files');
}
