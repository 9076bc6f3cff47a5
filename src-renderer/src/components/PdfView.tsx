import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useT } from '../i18n';
import { openPdf, pageText } from './pdf';
import { drawPage } from './pdf-page';
import type { PdfViewerProps } from './PdfViewer';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface Hit {
  page: number;
  snippet: string;
}

/**
 * The viewer itself (pdf.js, loaded with this module when a PDF is first shown; `PdfViewer` is
 * the light wrapper the screens import): page navigation (buttons, PageUp/PageDown, Home/End),
 * zoom, selectable text (text layer) and full-text search. A kept document (`props.kept`) stays
 * open when the viewer closes; bytes are opened for this viewer and closed with it.
 */
export function PdfView(props: PdfViewerProps) {
  const { name, onFirstPage, initialZoom = 1, fit = false } = props;
  const t = useT();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(Math.max(0, ZOOMS.indexOf(initialZoom)));
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const viewerRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const firstDrawn = useRef(false);
  const onFirstPageRef = useRef(onFirstPage);
  useEffect(() => {
    onFirstPageRef.current = onFirstPage;
  });

  const bytes = 'bytes' in props ? props.bytes : null;
  const open = 'kept' in props ? props.kept.open : null;
  useEffect(() => {
    let live = true;
    let owned: PDFDocumentProxy | null = null;
    const opening = bytes ? openPdf(bytes).then((d) => (owned = d)) : open ? open() : null;
    opening?.then(
      async (d) => {
        // Fitted: the largest zoom step up to the one asked for whose page 1 is no wider than the
        // viewer, chosen before the first page is drawn (a proposal's title is read whole in a
        // narrow pane, 1280 px wide windows included); the user zooms in from there.
        const width = fit ? (viewerRef.current?.clientWidth ?? 0) : 0;
        if (width > 0) {
          const pageWidth = (await d.getPage(1)).getViewport({ scale: 1 }).width;
          const asked = Math.max(0, ZOOMS.indexOf(initialZoom));
          const fits = ZOOMS.findLastIndex((z, i) => i <= asked && z * pageWidth <= width);
          if (live) setZoomIndex(Math.max(0, fits));
        }
        if (live) setDoc(d);
        else void owned?.destroy();
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      void owned?.destroy();
    };
    // The zoom asked for and `fit` are read when a document opens (both fixed for a viewer).
  }, [bytes, open, fit, initialZoom]);

  useEffect(() => {
    const pageDiv = pageRef.current;
    const canvas = canvasRef.current;
    const textDiv = textRef.current;
    if (!doc || !pageDiv || !canvas || !textDiv) return;
    // data-drawn: the page number once canvas and text layer are both done (tests, the bench).
    delete pageDiv.dataset['drawn'];
    const drawing = drawPage(doc, page, ZOOMS[zoomIndex] ?? 1, canvas, textDiv);
    drawing.done.then(
      (drawn) => {
        if (drawn) pageDiv.dataset['drawn'] = String(page);
        if (drawn && !firstDrawn.current) {
          firstDrawn.current = true;
          onFirstPageRef.current?.();
        }
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return drawing.cancel;
  }, [doc, page, zoomIndex]);

  const pageCount = doc?.numPages ?? 0;
  const go = useCallback(
    (n: number) => setPage(Math.min(Math.max(1, n), Math.max(1, pageCount))),
    [pageCount],
  );

  const search = async () => {
    if (!doc || query.trim() === '') {
      setHits(null);
      return;
    }
    setSearching(true);
    const needle = query.trim().normalize('NFKC').toLowerCase();
    const found: Hit[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const text = await pageText(doc, n);
      const at = text.toLowerCase().indexOf(needle);
      if (at >= 0)
        found.push({ page: n, snippet: text.slice(Math.max(0, at - 12), at + needle.length + 12) });
    }
    setHits(found);
    setSearching(false);
    const first = found[0];
    if (first) go(first.page);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement) return;
    if (e.key === 'PageDown' || e.key === 'ArrowRight') go(page + 1);
    else if (e.key === 'PageUp' || e.key === 'ArrowLeft') go(page - 1);
    else if (e.key === 'Home') go(1);
    else if (e.key === 'End') go(pageCount);
    else if (e.key === '+' || e.key === '=') setZoomIndex((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (e.key === '-') setZoomIndex((z) => Math.max(0, z - 1));
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="pdf-viewer"
      ref={viewerRef}
      tabIndex={0}
      onKeyDown={onKey}
      aria-label={t('pdf.label', { name })}
    >
      <div className="pdf-toolbar row">
        <button type="button" onClick={() => go(page - 1)} disabled={page <= 1} title="PageUp">
          {t('pdf.prev')}
        </button>
        <label className="row">
          <input
            type="number"
            min={1}
            max={pageCount}
            value={page}
            aria-label={t('pdf.page')}
            onChange={(e) => go(Number(e.target.value))}
            style={{ width: '4.5em' }}
          />
          <span data-testid="pdf-page-count">{t('pdf.of', { n: pageCount })}</span>
        </label>
        <button
          type="button"
          onClick={() => go(page + 1)}
          disabled={page >= pageCount}
          title="PageDown"
        >
          {t('pdf.next')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => setZoomIndex((z) => Math.max(0, z - 1))}
          aria-label={t('pdf.zoomOut')}
        >
          −
        </button>
        <span data-testid="pdf-zoom">{Math.round((ZOOMS[zoomIndex] ?? 1) * 100)}%</span>
        <button
          type="button"
          onClick={() => setZoomIndex((z) => Math.min(ZOOMS.length - 1, z + 1))}
          aria-label={t('pdf.zoomIn')}
        >
          +
        </button>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
        >
          <input
            type="search"
            value={query}
            placeholder={t('pdf.search')}
            aria-label={t('pdf.search')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </form>
      </div>
      {hits !== null && (
        <div className="pdf-hits" role="status">
          {searching
            ? t('pdf.searching')
            : hits.length === 0
              ? t('pdf.noHits')
              : t('pdf.hits', {
                  n: hits.length,
                  pages: hits.map((h) => h.page).join(t('common.listSep')),
                })}
        </div>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {t('pdf.error', { message: error })}
        </p>
      )}
      {doc === null && error === null && <p aria-busy="true">{t('pdf.loading')}</p>}
      <div className="pdf-page" data-testid="pdf-page" data-page={page} ref={pageRef}>
        <canvas ref={canvasRef} data-testid="pdf-canvas" />
        <div ref={textRef} className="textLayer" data-testid="pdf-text" />
      </div>
    </div>
  );
}
