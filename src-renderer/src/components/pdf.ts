/**
 * pdf.js set up for this app: the worker from our own origin, no eval (the CSP forbids it), the
 * character maps, standard fonts and wasm decoders shipped with the renderer (build/pdfjs-assets.ts).
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const assetBase = (): string => new URL('pdfjs/', document.baseURI).href;

/**
 * One worker for every document of the session: a document closed while it loads (a preview
 * replaced by the next) no longer takes its worker with it, aborting the worker script's load.
 */
let worker: PDFWorker | null = null;
const sharedWorker = (): PDFWorker => {
  if (!worker || worker.destroyed) worker = new PDFWorker();
  return worker;
};

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes stay intact.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  return getDocument({
    data,
    worker: sharedWorker(),
    cMapUrl: `${assetBase()}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${assetBase()}standard_fonts/`,
    wasmUrl: `${assetBase()}wasm/`,
    isEvalSupported: false,
    enableXfa: false,
  }).promise;
}

/**
 * Plain text of one page, for search, NFKC-normalised: some PDF producers map CJK glyphs to
 * Kangxi radicals (⽥ U+2F65 for 田), which NFKC folds back to the ideographs people type.
 */
export async function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  return content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join('')
    .normalize('NFKC');
}
