/**
 * A table whose body draws only the rows in view (issue 22: DOM nodes bounded by what is on
 * screen, however many applicants). A real <table> — header, columns and keyboard order as
 * before — inside a scrolling box of a given height at most; rows above and below the view are two spacer
 * rows of the right height, so the scroll bar and Page Up/Down behave as for the whole table.
 * `aria-rowcount` and each row's `aria-rowindex` tell assistive technology the full size.
 * Windowing by @tanstack/react-virtual.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode, type RefObject } from 'react';

export interface VirtualTableProps<R> {
  rows: readonly R[];
  /** A stable key per row (the applicant's id). */
  rowKey: (row: R) => string;
  /** The header row(s): the <tr> elements of the <thead>. */
  head: ReactNode;
  /** One row's cells: the <td> elements of its <tr>. */
  cells: (row: R) => ReactNode;
  /** Extra attributes of a row's <tr> (e.g. `data-applicant`). */
  rowAttributes?: (row: R) => Record<`data-${string}`, string>;
  /** Number of columns (the spacer rows span them). */
  columns: number;
  /** Estimated height of one row in CSS pixels; rows are measured as they are drawn. */
  rowHeight: number;
  /** Height of the scrolling box in CSS pixels (at most: fewer rows take only their height). */
  height: number;
  /** Rows drawn beyond each edge of the view. Default 8. */
  overscan?: number;
  /** The table's `data-testid`. */
  testId?: string;
  className?: string;
  /** The scrolling box, for a caller that measures it (the chair's ranking folds columns to fit). */
  boxRef?: RefObject<HTMLDivElement | null>;
}

export function VirtualTable<R>({
  rows,
  rowKey,
  head,
  cells,
  rowAttributes,
  columns,
  rowHeight,
  height,
  overscan = 8,
  testId,
  className,
  boxRef,
}: VirtualTableProps<R>) {
  const ownBox = useRef<HTMLDivElement>(null);
  const box = boxRef ?? ownBox;
  // The virtualizer's functions change as it scrolls; this component is left unmemoised on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
    overscan,
    initialRect: { width: 0, height },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const last = items[items.length - 1];
  const bottom = last ? virtualizer.getTotalSize() - last.end : 0;
  return (
    <div
      ref={box}
      className={['table-wrap', className].filter(Boolean).join(' ')}
      style={{ maxHeight: height, overflow: 'auto' }}
    >
      <table data-testid={testId} aria-rowcount={rows.length + 1}>
        <thead style={{ position: 'sticky', top: 0, zIndex: 1 }}>{head}</thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={columns} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                {...rowAttributes?.(row)}
              >
                {cells(row)}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={columns} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
