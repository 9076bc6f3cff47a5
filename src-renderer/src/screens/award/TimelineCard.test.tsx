/**
 * The project timeline on the user's day (项目实施与验收): before the implementation period starts,
 * its start is 待办 and the next thing, never 已完成; once the day has come it is 已完成.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { buildTimeline } from '../../../../src-shared/award';
import { sampleTaskBook } from '../../../../src-shared/bundle/test-helpers';
import type { TaskBook } from '../../../../src-shared/model';
import { TimelineCard } from './TimelineCard';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

const signed = (): TaskBook => ({ ...sampleTaskBook(), status: 'final' });
/** Each row's text: date, state, what (the cells' text joined by a space). */
const rows = (markup: string) =>
  [...markup.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<td>(?:<span[^>]*>)?([^<]*)/g)]
      .slice(0, 3)
      .map((c) => c[1])
      .join(' '),
  );

describe('TimelineCard', () => {
  it('shows a start still to come as 待办 and next, not 已完成 (today 2026-12-02)', () => {
    const tb = signed();
    expect(tb.period.start).toBe('2027-01-01');
    const markup = renderToString(<TimelineCard timeline={buildTimeline(tb, [], '2026-12-02')} />);
    expect(rows(markup)[0]).toBe('2027年1月1日 待办 实施周期开始');
    expect(rows(markup).filter((r) => r.includes('已完成'))).toEqual([]);
    expect(markup).toContain('2027年1月1日 实施周期开始');
  });
  it('shows it 已完成 from its day on', () => {
    for (const today of ['2027-01-01', '2027-03-15']) {
      const markup = renderToString(<TimelineCard timeline={buildTimeline(signed(), [], today)} />);
      expect(rows(markup)[0]).toBe('2027年1月1日 已完成 实施周期开始');
    }
  });
});
