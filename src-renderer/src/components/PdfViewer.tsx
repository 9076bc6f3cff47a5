import { lazy, Suspense } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
// The viewer's strings, with the viewer (it and the lazy PdfView show them).
import '../i18n/pdf';
import { useT } from '../i18n';

/** A document kept open by its owner (`stores/proposals.ts`), found again by `key`. */
export interface KeptPdf {
  /** The bytes' SHA-256: the viewer starts afresh (page 1, no search) when it changes. */
  key: string;
  /** Resolves with the open document (the same one for the same key while it is kept). */
  open: () => Promise<PDFDocumentProxy>;
}

export type PdfViewerProps = {
  name: string;
  /** Called once page 1 is drawn, canvas and text layer (the benchmark measures up to here). */
  onFirstPage?: () => void;
  /** Starting zoom, one of 0.5, 0.75, 1, 1.25, 1.5, 2, 3 (default 1): 0.75 fits a side panel. */
  initialZoom?: number;
  /** Start at the largest zoom up to `initialZoom` whose page fits the viewer's width. */
  fit?: boolean;
} & ({ bytes: Uint8Array } | { kept: KeptPdf });

const loadView = () => import('./PdfView');
const PdfView = lazy(() => loadView().then((m) => ({ default: m.PdfView })));

/**
 * Fetches the viewer's code (pdf.js) and starts pdf.js's worker, before any document is asked
 * for: the screens that show PDFs call it as they mount (issue 22: the expert's open ≤ 300 ms).
 */
export function warmPdfViewer(): void {
  void loadView();
  void import('./pdf').then((m) => m.warmPdfWorker());
}

/**
 * The PDF viewer beside the score sheet (and the drafts' previews): pdf.js, offline, loaded with
 * the first PDF shown, not with the app. Given bytes or a kept document; a new document gets a
 * fresh viewer (page 1, no search results).
 */
export function PdfViewer(props: PdfViewerProps) {
  const t = useT();
  return (
    <Suspense fallback={<p aria-busy="true">{t('pdf.loading')}</p>}>
      <PdfView key={'bytes' in props ? documentKey(props.bytes) : props.kept.key} {...props} />
    </Suspense>
  );
}

const keys = new WeakMap<Uint8Array, string>();
let nextKey = 1;
function documentKey(bytes: Uint8Array): string {
  const known = keys.get(bytes);
  if (known !== undefined) return known;
  const key = `bytes-${nextKey++}`;
  keys.set(bytes, key);
  return key;
}
