/**
 * One page of an open PDF drawn into the viewer: the canvas at the device's pixel ratio and the
 * selectable text layer, the two made side by side (the text is fetched from the worker while the
 * canvas is drawn). pdf.js only: the viewer component (PdfView) owns the state.
 */
import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { textOf } from './pdf';

export interface PageDrawing {
  /** True once canvas and text layer are both done; false when cancelled first. */
  done: Promise<boolean>;
  /** Stops the drawing (a newer page or zoom, or the viewer closed). */
  cancel: () => void;
}

/** Draws page `pageNumber` (from 1) of `doc` at `scale` (1 = 72 dpi CSS pixels). */
export function drawPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  scale: number,
  canvas: HTMLCanvasElement,
  textDiv: HTMLDivElement,
): PageDrawing {
  let live = true;
  let task: RenderTask | null = null;
  let textLayer: TextLayer | null = null;
  const draw = async (): Promise<boolean> => {
    const page = await doc.getPage(pageNumber);
    if (!live) return false;
    const viewport = page.getViewport({ scale });
    const text = textOf(page);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    task = page.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    const layer = async (): Promise<void> => {
      const content = await text;
      if (!live) return;
      textDiv.replaceChildren();
      textDiv.style.setProperty('--scale-factor', String(scale));
      textDiv.style.setProperty('--total-scale-factor', String(scale));
      textLayer = new TextLayer({ textContentSource: content, container: textDiv, viewport });
      await textLayer.render();
    };
    await Promise.all([task.promise, layer()]);
    return live;
  };
  return {
    // A cancelled render rejects: that is "not drawn", not an error to show.
    done: draw().catch((e: unknown) => {
      if (!live) return false;
      throw e;
    }),
    cancel: () => {
      live = false;
      task?.cancel();
      textLayer?.cancel();
    },
  };
}
