/**
 * The board of 收集评分表 says what each counted sheet is: a transcription of a wet-signed paper
 * form says so, with who typed it, even when it is the chair's own (never 「本机评分表」).
 */
import { describe, expect, it, vi } from 'vitest';
import { samplePackage, sampleSheets } from '../../../../src-shared/sample-fixture';
import { translate, type T } from '../../i18n';
import { boardStatus } from './GatherCard';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

const t: T = (key, params) => translate('zh', key, params);
const pkg = samplePackage();
const chairId = pkg.panel.experts.find((e) => e.role === 'chair')?.id ?? '';
const sheet = sampleSheets().find((s) => s.expertId === chairId);

describe('boardStatus', () => {
  it('names a transcribed paper sheet of the chair as such, with its typists', () => {
    const paper = sheet
      ? [
          {
            record: {
              formatVersion: 1 as const,
              sheet,
              scan: { path: `paper/${chairId}.pdf`, sha256: 'a'.repeat(64) },
              transcribedBy: '秘书 陈静',
              transcribedAt: '2026-12-08T10:00:00+08:00',
              checkedBy: '秘书 王芳',
            },
          },
        ]
      : [];
    const status = boardStatus(t, { sheet, expertId: chairId, chairId, gathered: [], paper });
    expect(status).toBe('纸质评分表录入（录入 秘书 陈静，复核 秘书 王芳）');
  });

  it('names the chair’s own sheet held on this device, and a missing one', () => {
    const at = { expertId: chairId, chairId, gathered: [], paper: [] };
    expect(boardStatus(t, { ...at, sheet })).toBe('已提交（组长本人，本机评分表）');
    expect(boardStatus(t, { ...at, sheet: undefined })).toBe('未提交');
  });
});
