import { renderToBuffer } from '@react-pdf/renderer';
import type { Notice } from '../../src-shared/bureau/notice';
import { unprintableChars } from '../../src-shared/text/print-glyphs';
import { prepareFonts } from './fonts';
import { NoticeDocument } from './notice-document';

/** The notice of a signed review package as an A4 PDF, and the characters no print font has. */
export async function renderNoticePdf(
  notice: Notice,
  signLines?: readonly string[],
): Promise<{ bytes: Uint8Array; missing: string[] }> {
  await prepareFonts();
  const bytes = new Uint8Array(
    await renderToBuffer(NoticeDocument({ notice, ...(signLines ? { signLines } : {}) })),
  );
  const text = [notice.title, ...notice.rows.flat(), ...notice.footer, ...(signLines ?? [])].join(
    '\n',
  );
  return { bytes, missing: unprintableChars(text) };
}
