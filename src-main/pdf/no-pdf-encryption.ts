/**
 * Stands in for `@noble/ciphers/aes` as pdfkit imports it, in the render commands' CommonJS bundle
 * (vite.cli.config.ts, mode `renders`): pdfkit encrypts a PDF with AES only when a document has a
 * user or owner password, which no document here sets, yet the cipher's tables are built as the
 * module loads. Should it ever be called, it fails loudly rather than write an unprotected file.
 */
function noEncryption(): never {
  throw new Error('PDF encryption (AES) is not in this build: no document here sets a password');
}
export const cbc = noEncryption;
export const ecb = noEncryption;
