/**
 * An amount field mounted again with the text it held (after an idle lock: `fieldHolds`'s `text`)
 * shows that text and its reader's sentence, not the amount the document holds.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AmountInput } from './AmountInput';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

describe('AmountInput', () => {
  it('shows the text it held, with its sentence', () => {
    const markup = renderToString(
      <AmountInput label="建议经费（万元）" value="300" held="二百" onCommit={() => undefined} />,
    );
    expect(markup).toContain('value="二百"');
    expect(markup).toContain('role="alert"');
    expect(markup).not.toContain('value="300"');
  });
});
