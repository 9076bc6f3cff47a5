import { renderToBuffer } from '@react-pdf/renderer';
import type { Notice } from '../../src-shared/bureau/notice';
import { unprintableChars } from '../../src-shared/text/print-glyphs';
import { prepareFonts } from './fonts';
import { NoticeDocument } from './notice-document';

/**
 * A notice (a signed review package's, the 立项公示, a form after the award with its `signLines`) as
 * an A4 PDF, and the characters no print font has.
 */
export async function renderNoticePdf(
  notice: Notice,
): Promise<{ bytes: Uint8Array; missing: string[] }> {
  await prepareFonts();
  const bytes = new Uint8Array(await renderToBuffer(NoticeDocument({ notice })));
  const text = [
    notice.title,
    ...notice.rows.flat(),
    ...notice.footer,
    ...(notice.signLines ?? []),
  ].join('\n');
  return { bytes, missing: unprintableChars(text) };
}
