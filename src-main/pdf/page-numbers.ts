/**
 * A document rendered with its page numbers (第 N 页 共 M 页) laid out once, not its pages twice
 * (issue 22).
 *
 * react-pdf prints a page number through a `render` prop, and a page holding one is laid out
 * again whole — its styles, its yoga tree — once as it is paginated and once more when the total
 * is known: about a quarter of a warm task book's CPU time. Here the document is laid out without
 * its page numbers, then a second document of as many pages, each holding only its footer (the
 * same style on the same page, so the same box, line and glyphs), is laid out, and each footer
 * joins its page as the page's last child — where react-pdf's own fixed footer stands — before
 * the pages are drawn. The PDF is the one react-pdf writes with the `render` prop, byte for byte
 * (page-numbers.test.ts): the same pipeline (react-pdf's layout, its renderer, pdfkit with the
 * options react-pdf gives it), with the footers resolved by hand. The document's pages that need
 * no cut are laid out once, not again as react-pdf paginates (layout-once.ts).
 */
import type { ReactElement } from 'react';
import { Font, pdf, type DocumentProps } from '@react-pdf/renderer';
import layoutDocument, { type DocumentNode, type SafeDocumentNode } from '@react-pdf/layout';
import renderDocument from '@react-pdf/render';
import PDFDocument from 'pdfkit';
import { layoutOnce } from './layout-once';

/** react-pdf's layout, with the font store its own render passes (its types omit the argument). */
const layout: (doc: DocumentNode, fonts: typeof Font) => Promise<SafeDocumentNode> = layoutDocument;

/** What react-pdf's renderer draws on: a pdfkit document (its types name the class, not an instance). */
type DrawingContext = Parameters<typeof renderDocument>[0];
const isDrawingContext = (doc: unknown): doc is DrawingContext => doc instanceof PDFDocument;

/** The reconciled node tree of a <Document> element, as react-pdf's own render lays it out. */
function documentNode(element: ReactElement<DocumentProps>): DocumentNode {
  const node: DocumentNode = pdf(element).container.document;
  return node;
}

/**
 * @param document the <Document> without its page numbers
 * @param footers a <Document> of `total` pages, each holding only page n's fixed footer, in the
 *   page style of `document` (page n of it is drawn on page n of `document`)
 * @returns the PDF's bytes
 */
export async function renderWithPageNumbers(
  document: ReactElement<DocumentProps>,
  footers: (total: number) => ReactElement<DocumentProps>,
): Promise<Uint8Array> {
  const root = documentNode(document);
  const pages = await layoutOnce(root, Font);
  const feet = await layout(documentNode(footers(pages.children.length)), Font);
  pages.children.forEach((page, i) => {
    page.children = [...(page.children ?? []), ...(feet.children[i]?.children ?? [])];
  });
  // The options react-pdf's own render gives pdfkit for a document with these props.
  const { title, author, subject, keywords, creator, producer, creationDate, modificationDate } =
    root.props;
  const info = Object.fromEntries(
    Object.entries({
      Title: title,
      Author: author,
      Subject: subject,
      Keywords: keywords,
      Creator: creator ?? 'react-pdf',
      Producer: producer ?? 'react-pdf',
      CreationDate: creationDate ?? new Date(),
      ModificationDate: modificationDate,
    }).filter((entry): entry is [string, string | Date] => entry[1] !== undefined),
  );
  const ctx = new PDFDocument({ compress: true, displayTitle: true, autoFirstPage: false, info });
  const chunks: Buffer[] = [];
  ctx.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => ctx.on('end', resolve));
  if (!isDrawingContext(ctx)) throw new Error('pdfkit did not make a PDF document');
  renderDocument(ctx, pages);
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
