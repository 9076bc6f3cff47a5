/**
 * pdf.js set up for this app: the worker from our own origin, no eval (the CSP forbids it), the
 * character maps, standard fonts and wasm decoders shipped with the renderer (build/pdfjs-assets.ts).
 */
import {
  getDocument,
  GlobalWorkerOptions,
  PDFWorker,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
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

/**
 * Starts the shared worker now (fetching and compiling pdf.js's worker script, ≈ 1.2 MB), so the
 * first document does not wait for it: called as the screens that show PDFs mount.
 */
export function warmPdfWorker(): void {
  sharedWorker();
}

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

const texts = new WeakMap<PDFPageProxy, Promise<TextContent>>();

/** A page's text as pdf.js extracts it, fetched from the worker once per page (layer and search). */
export function textOf(page: PDFPageProxy): Promise<TextContent> {
  let text = texts.get(page);
  if (!text) {
    text = page.getTextContent();
    texts.set(page, text);
    text.catch(() => texts.delete(page));
  }
  return text;
}

/**
 * Makes page 1 of `doc` ready to show: drawn once into a one-pixel canvas, so the worker has
 * parsed its content and fonts and the page keeps its drawing instructions (pdf.js reuses them
 * for the next drawing of the page), and its text fetched. For documents opened ahead of need.
 */
export async function warmFirstPage(doc: PDFDocumentProxy): Promise<void> {
  const page = await doc.getPage(1);
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const viewport = page.getViewport({ scale: 1 });
  await Promise.all([page.render({ canvas, viewport }).promise, textOf(page)]);
}

/**
 * Plain text of one page, for search, NFKC-normalised: some PDF producers map CJK glyphs to
 * Kangxi radicals (⽥ U+2F65 for 田), which NFKC folds back to the ideographs people type.
 */
export async function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const content = await textOf(await doc.getPage(pageNumber));
  return content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join('')
    .normalize('NFKC');
}

/** How many opened documents are kept (a proposal shown, the ones prefetched around it). */
export const KEPT_DOCUMENTS = 6;
const kept = new Map<string, Promise<PDFDocumentProxy>>();

/**
 * The document of `key` (an attachment's SHA-256: the same bytes under any id) opened once and
 * kept, the least recently used closed beyond `KEPT_DOCUMENTS`; `bytes` is read only on a miss.
 * A failed read or parse is not kept, so the next call tries again. Rejects as `bytes` or pdf.js
 * reject.
 */
export function keptPdf(key: string, bytes: () => Promise<Uint8Array>): Promise<PDFDocumentProxy> {
  const known = kept.get(key);
  const opening = known ?? bytes().then(openPdf);
  kept.delete(key); // re-inserted last: the most recently used
  kept.set(key, opening);
  if (!known)
    opening.catch(() => {
      if (kept.get(key) === opening) kept.delete(key);
    });
  for (const [oldKey, old] of kept) {
    if (kept.size <= KEPT_DOCUMENTS) break;
    kept.delete(oldKey);
    void old.then(
      (d) => d.destroy(),
      () => undefined,
    );
  }
  return opening;
}

/** Closes every kept document (the session locked: nothing of a profile stays in memory). */
export function forgetKeptPdfs(): void {
  for (const opening of kept.values())
    void opening.then(
      (d) => d.destroy(),
      () => undefined,
    );
  kept.clear();
}
