import { createElement as h, type ReactElement, type ReactNode } from 'react';
import {
  Document,
  Page,
  renderToBuffer,
  Text,
  View,
  type DocumentProps,
} from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { prepareFonts, SERIF_SC } from './fonts';
import { renderWithPageNumbers } from './page-numbers';

const WHEN = new Date(Date.UTC(2026, 11, 1, 8));
const style = { padding: 56, fontFamily: SERIF_SC, fontSize: 11 };
const lines = (n: number, word: string): ReactNode[] =>
  Array.from({ length: n }, (_, i) => h(Text, { key: i }, `${word}第${i + 1}行`));
const page = (props: { wrap?: boolean }, ...children: ReactNode[]) =>
  h(Page, { size: 'A4', style, ...props }, ...children);

/** The document printed by `renderWithPageNumbers` (no footers) and by react-pdf's own render. */
async function both(doc: () => ReactElement<DocumentProps>): Promise<[Buffer, Buffer]> {
  await prepareFonts();
  const none = (total: number) =>
    h(Document, null, ...Array.from({ length: total }, () => page({})));
  const ours = Buffer.from(await renderWithPageNumbers(doc(), none));
  return [ours, await renderToBuffer(doc())];
}

describe('layoutOnce (through renderWithPageNumbers)', () => {
  it('prints as react-pdf does: pages that fit, run over, place a child from the foot, grow, break', async () => {
    const doc = () =>
      h(
        Document,
        { creationDate: WHEN },
        // Fits: laid out once (a fixed watermark placed from the top).
        page(
          {},
          ...lines(10, '放得下'),
          h(
            Text,
            { style: { position: 'absolute', top: 320, left: 0, right: 0 }, fixed: true },
            '草稿',
          ),
        ),
        // Runs over: paginated by react-pdf (two pages).
        page({ wrap: true }, h(View, null, ...lines(90, '放不下'))),
        // A child placed from the page's foot, one that grows, a break: laid out by react-pdf.
        page(
          {},
          ...lines(3, '脚注'),
          h(Text, { style: { position: 'absolute', bottom: 20, left: 56 } }, '从页脚量起'),
        ),
        page(
          {},
          h(View, { style: { flexGrow: 1, borderWidth: 1 } }, ...lines(2, '撑满')),
          h(Text, null, '最后一行'),
        ),
        page({}, ...lines(2, '换页前'), h(Text, { break: true }, '换页后')),
        // Not wrapped: react-pdf leaves it as it is (its content's height) either way.
        page({ wrap: false }, ...lines(4, '不分页')),
      );
    const [ours, reference] = await both(doc);
    expect(ours.toString('latin1')).toMatch(/\/Count 8\b/);
    expect(ours.equals(reference)).toBe(true);
  }, 60_000);
});
