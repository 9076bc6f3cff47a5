/**
 * The lists as read, before signing: the count and the first five names of each list with their
 * codes — a name read in the wrong encoding shows here (the tester's GB18030 lists).
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { samplePackage } from '../../../../src-shared/sample-fixture';
import { ListsPreview } from './ListsPreview';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ')
    .trim();

describe('ListsPreview', () => {
  it('shows each list’s count and its first names with codes', () => {
    const text = textOf(renderToString(<ListsPreview pkg={samplePackage()} />));
    expect(text).toContain('揭榜方 共 4 家（前 4 家）');
    expect(text).toContain('A01 新疆水处理技术研究院（示例）');
    expect(text).toContain('A04 天山新材料研究所（示例）');
    expect(text).toContain('专家 共 7 名（前 5 名）');
    expect(text).toContain('E01 张志远');
    expect(text).toContain('E05 吴敏');
    // Only the first five experts.
    expect(text).not.toContain('E06');
  });
  it('shows the names as read, a mis-decoded one as it is', () => {
    const pkg = samplePackage();
    const garbled = {
      ...pkg,
      applicants: pkg.applicants.map((a, i) => (i === 0 ? { ...a, name: '鏂扮枂姘村鐞' } : a)),
    };
    expect(textOf(renderToString(<ListsPreview pkg={garbled} />))).toContain('A01 鏂扮枂姘村鐞');
  });
});
