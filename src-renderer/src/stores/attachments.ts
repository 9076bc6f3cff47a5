/**
 * A package's attachments (the proposal PDFs) for the viewer, kept open (bounded, by SHA-256) and
 * opened ahead of need: the proposal shown and the applicants after it in the list are read from
 * the database (checked against their hash), parsed by pdf.js and their first page fetched while
 * the expert reads, so moving to the next applicant shows its proposal at once (issue 22).
 * Locking the session closes them all.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { AttachmentRef } from '../../../src-shared/model';
import type { KeptPdf } from '../components/PdfViewer';
import { dbText } from '../i18n/db';
import { preloadInTurn } from '../preload';
import { loadAttachment } from '../workflows/expert';
import { currentDeps } from './deps';
import { useSession } from './session';

type PdfModule = typeof import('../components/pdf');
/** pdf.js's module once loaded (the review screen loads it as it mounts). */
let loaded: PdfModule | null = null;
const pdf = (): Promise<PdfModule> =>
  loaded ? Promise.resolve(loaded) : import('../components/pdf').then((m) => (loaded = m));
let opened = false;

/**
 * The open document of `ref`, kept; rejects when it is missing, fails its hash or does not parse.
 * With pdf.js loaded, a document not kept starts being read from the database in this very call
 * (a click's handler: before React renders what the click changed).
 */
export function openAttachment(ref: AttachmentRef): Promise<PDFDocumentProxy> {
  opened = true;
  const open = (m: PdfModule) =>
    m.keptPdf(ref.sha256, async () => {
      const found = await loadAttachment(currentDeps().db, ref.id);
      if (!found) throw new Error(dbText.attachmentMissing(ref.name));
      return found.bytes;
    });
  return loaded ? open(loaded) : pdf().then(open);
}

/** `ref` as the viewer takes it: the same object for the same attachment (a stable `open`). */
const sources = new WeakMap<AttachmentRef, KeptPdf>();
export function keptAttachment(ref: AttachmentRef): KeptPdf {
  let source = sources.get(ref);
  if (!source) {
    source = { key: ref.sha256, open: () => openAttachment(ref) };
    sources.set(ref, source);
  }
  return source;
}

/** Opens `ref` and makes its first page ready (parsed, fonts loaded, text fetched). */
const openReady = (ref: AttachmentRef): Promise<void> =>
  Promise.all([openAttachment(ref), pdf()]).then(([d, m]) => m.warmFirstPage(d));

/**
 * Starts opening `ref` now, with its first page: called at the click that chooses an applicant, so
 * reading, checking and parsing the proposal run while the screen renders the sheet (the viewer
 * then finds it kept). A failure is left for the viewer to report.
 */
export function openAttachmentNow(ref: AttachmentRef): void {
  openReady(ref).catch(() => undefined);
}

/**
 * Opens `refs` one after another while the page is idle, each with its first page made ready (fewer
 * than the documents kept, so the one shown stays open). Returns a cancel for those not begun.
 */
export function prefetchAttachments(refs: readonly AttachmentRef[]): () => void {
  return preloadInTurn(refs.map((ref) => () => openReady(ref)));
}

useSession.subscribe((state, before) => {
  if (opened && before.status === 'unlocked' && state.status !== 'unlocked') {
    opened = false;
    void pdf().then((m) => m.forgetKeptPdfs());
  }
});
