/**
 * The task-book form keeps every free-text field findable by its label once text is in it. A
 * `<label>` wrapped round a `<textarea>` reads, as text, the label followed by what was typed (a
 * textarea's text is its content): 「利益分配按 7:3 分配。」. A reader of the label's text (the
 * e2e's getByLabel, some assistive technology) then loses the field the moment it is filled —
 * the viewport e2e waited for 「利益分配」 until its timeout, which looked like a frozen page.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { sampleTaskBook } from '../../../../src-shared/bundle/test-helpers';
import { sampleDecision } from '../../../../src-shared/sample-fixture';
import { Editor } from './Editor';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

describe('task-book editor', () => {
  it('names every text area by its label alone, whatever is typed in it', () => {
    const filled = sampleTaskBook();
    const draft = {
      ...filled,
      intellectualProperty: { ...filled.intellectualProperty, benefitSharing: '按 7:3 分配。' },
    };
    const markup = renderToString(<Editor decision={sampleDecision()} draft={draft} />);
    const areas = [...markup.matchAll(/<textarea([^>]*)>([^<]*)<\/textarea>/g)];
    // Objectives, IP ownership and sharing, each milestone's deliverables and indicators.
    expect(areas.length).toBeGreaterThanOrEqual(5);
    for (const [, attributes = '', text] of areas) {
      const name = /aria-label="([^"]+)"/.exec(attributes)?.[1];
      expect(name, `a text area holding “${text}” has no name of its own`).toBeTruthy();
      if (text) expect(name).not.toContain(text);
    }
    const sharing = areas.find(([, , text]) => text === '按 7:3 分配。');
    expect(sharing?.[1]).toContain('aria-label="利益分配"');
  });
});
