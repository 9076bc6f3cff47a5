import { readFile } from 'node:fs/promises';
import {
  Children,
  cloneElement,
  createElement,
  isValidElement,
  type ReactElement,
  type ReactNode,
} from 'react';
import { renderToBuffer, Text, type DocumentProps } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { taskBookCode, taskBookQrText } from '../../src-shared/taskbook';
import { prepareFonts } from './fonts';
import { renderWithPageNumbers } from './page-numbers';
import { qrPath } from './qr';
import { FOOTER_STYLE, TaskBookDocument, TaskBookPageNumbers } from './taskbook-document';

const WHEN = new Date(Date.UTC(2026, 11, 1, 8));

/** The task book as react-pdf prints it with a `render` prop footer on every page (the reference). */
function withRenderPropFooters(
  doc: ReactElement<DocumentProps & { children?: ReactNode }>,
): ReactElement<DocumentProps> {
  const pages = Children.map(doc.props.children, (page) =>
    isValidElement<{ children?: ReactNode }>(page)
      ? cloneElement(
          page,
          undefined,
          page.props.children,
          createElement(Text, {
            style: FOOTER_STYLE,
            fixed: true,
            render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
              `第 ${pageNumber} 页 共 ${totalPages} 页`,
          }),
        )
      : page,
  );
  return cloneElement(doc, { creationDate: WHEN }, pages);
}

async function both(tb: TaskBook): Promise<[Buffer, Buffer]> {
  await prepareFonts();
  const doc = () =>
    TaskBookDocument({ tb, hash: taskBookCode(tb), qr: qrPath(taskBookQrText(tb)) });
  const reference = await renderToBuffer(withRenderPropFooters(doc()));
  const ours = await renderWithPageNumbers(cloneElement(doc(), { creationDate: WHEN }), (total) =>
    TaskBookPageNumbers({ tb, total }),
  );
  return [Buffer.from(ours), reference];
}

async function sample(): Promise<TaskBook> {
  return TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
}

describe('renderWithPageNumbers', () => {
  it('prints the task book as react-pdf does with a render-prop footer, byte for byte: final, draft, a name only the fallback face has', async () => {
    const tb = await sample();
    const cases: TaskBook[] = [
      tb,
      { ...tb, status: 'draft' },
      { ...tb, title: `${tb.title}（𠮷）` },
    ];
    for (const c of cases) {
      const [ours, reference] = await both(c);
      expect(ours.equals(reference)).toBe(true);
    }
  });

  it('and at 320 milestones (a table block that runs over a page)', async () => {
    const tb = await sample();
    const big: TaskBook = {
      ...tb,
      milestones: Array.from({ length: 320 }, (_, i) => ({
        id: `M${i}`,
        title: `第${i + 1}个里程碑`,
        due: '2028-01-01',
        deliverables: ['阶段报告与中试运行记录'],
        indicators: ['出水含油量 ≤ 5 mg/L'],
        tranche: '2.5',
      })),
    };
    const [ours, reference] = await both(big);
    expect(ours.toString('latin1')).toMatch(/\/Count 2\d/);
    expect(ours.equals(reference)).toBe(true);
  }, 120_000);
});
