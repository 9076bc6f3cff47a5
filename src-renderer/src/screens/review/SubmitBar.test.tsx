/**
 * The expert's signed sheet file can be saved again whenever it was exported — after a reload too
 * (the store's `unsaved` is then false), not only straight after a cancelled save: it is the same
 * file, kept byte for byte (meta.exportedBundle), as the chair's panel file is.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { samplePackage, sampleSheets } from '../../../../src-shared/sample-fixture';
import { SubmitBar } from './SubmitBar';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

// The review store as a reload leaves it for an exported sheet: nothing waiting to be saved.
const pkg = samplePackage();
vi.mock('../../stores/review', () => ({
  useReview: () => ({
    enrolment: {
      packageId: pkg.packageId,
      expertId: 'E01',
      pledgeAt: '2026-09-10T09:00:00+08:00',
      secretKey: new Uint8Array(32),
      fingerprint: 'ab'.repeat(32),
      counter: 1,
      exportedAt: '2026-09-12T09:00:00+08:00',
    },
    notice: null,
    unsaved: false,
    submit: async () => undefined,
    reopen: async () => undefined,
    exportSheet: async () => undefined,
    saveAgain: async () => undefined,
    paperSheet: async () => undefined,
  }),
}));

describe('SubmitBar', () => {
  it('offers the exported sheet file again after a reload', () => {
    const [first] = sampleSheets();
    if (!first) throw new Error('the sample has sheets');
    const sheet = { ...first, status: 'submitted' as const };
    const markup = renderToString(<SubmitBar pkg={pkg} sheet={sheet} onGoTo={() => undefined} />);
    expect(markup).toContain('评分表已导出，不能再修改。');
    expect(markup).toContain('再次保存已签名的评分表文件…');
  });
});
