import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { useT } from '../i18n';
import { openPdf, pageText } from './pdf';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface Props {
  bytes: Uint8Array;
  name: string;
  /** Called once page 1 is drawn (the benchmark measures up to here). */
  onFirstPage?: () => void;
  /** Starting zoom, one of 0.5, 0.75, 1, 1.25, 1.5, 2, 3 (default 1): 0.75 fits a side panel. */
  initialZoom?: number;
}

interface Hit {
  page: number;
  snippet: string;
}

/**
 * The proposal viewer beside the score sheet: pdf.js, offline, with page navigation (buttons,
 * PageUp/PageDown, Home/End), zoom, selectable text (text layer) and full-text search.
 */
export function PdfViewer(props: Props) {
  // A new document gets a fresh viewer (page 1, no search results), keyed by the bytes' identity.
  return <PdfDocumentView key={documentKey(props.bytes)} {...props} />;
}

const keys = new WeakMap<Uint8Array, number>();
let nextKey = 1;
function documentKey(bytes: Uint8Array): number {
  const known = keys.get(bytes);
  if (known !== undefined) return known;
  keys.set(bytes, nextKey);
  return nextKey++;
}

function PdfDocumentView({ bytes, name, onFirstPage, initialZoom = 1 }: Props) {
  const t = useT();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(Math.max(0, ZOOMS.indexOf(initialZoom)));
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const firstDrawn = useRef(false);
  const onFirstPageRef = useRef(onFirstPage);
  useEffect(() => {
    onFirstPageRef.current = onFirstPage;
  });

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(bytes).then(
      (d) => {
        opened = d;
        if (live) setDoc(d);
        else void d.destroy();
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc) return;
    let task: RenderTask | null = null;
    let textLayer: TextLayer | null = null;
    let live = true;
    void (async () => {
      const p = await doc.getPage(page);
      if (!live) return;
      const canvas = canvasRef.current;
      const textDiv = textRef.current;
      if (!canvas || !textDiv) return;
      const scale = ZOOMS[zoomIndex] ?? 1;
      const viewport = p.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      task = p.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      try {
        await task.promise;
      } catch {
        return; // cancelled by a newer render
      }
      if (!live) return;
      textDiv.replaceChildren();
      textDiv.style.setProperty('--scale-factor', String(scale));
      textDiv.style.setProperty('--total-scale-factor', String(scale));
      textLayer = new TextLayer({
        textContentSource: await p.getTextContent(),
        container: textDiv,
        viewport,
      });
      await textLayer.render();
      if (live && !firstDrawn.current) {
        firstDrawn.current = true;
        onFirstPageRef.current?.();
      }
    })();
    return () => {
      live = false;
      task?.cancel();
      textLayer?.cancel();
    };
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
      <div className="pdf-page" data-testid="pdf-page" data-page={page}>
        <canvas ref={canvasRef} data-testid="pdf-canvas" />
        <div ref={textRef} className="textLayer" data-testid="pdf-text" />
      </div>
    </div>
  );
}
