/**
 * A screen whose read failed says why — the store's notice, as an alert (NoticeLine) — instead of
 * nothing: the review screen (its review not read) and the task book screen (its task book not
 * read, or the review it needs). Before, both rendered null while their store held the failure.
 */
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { samplePackage } from '../../../src-shared/sample-fixture';
import type { Notice } from '../stores/notice';
import { ReviewScreen } from './review/ReviewScreen';
import { TaskBookScreen } from './taskbook/TaskBookScreen';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

/** The stores as the screens read them (a test sets what it needs), hook or selector. */
const { state, fromStore } = vi.hoisted(() => {
  type Shown = Record<string, unknown>;
  const state: { review: Shown; taskbook: Shown } = { review: {}, taskbook: {} };
  const fromStore =
    (of: () => Shown) =>
    (select?: (s: Shown) => unknown): unknown =>
      select ? select(of()) : of();
  return { state, fromStore };
});
vi.mock('../stores/review', () => ({
  useReview: fromStore(() => state.review),
  releaseReviewFields: () => undefined,
}));
vi.mock('../stores/taskbook', () => ({
  useTaskBook: fromStore(() => state.taskbook),
  releaseTaskBookFields: () => undefined,
}));

const failure: Notice = { tone: 'error', message: { text: '数据库读取失败：磁盘已满' } };
const load = async () => undefined;
const REVIEW = { loaded: false, pkg: null, enrolment: null, sheet: null, notice: null, load };
const TASKBOOK = { loaded: false, decision: null, draft: null, notice: null, load };

afterEach(() => {
  state.review = {};
  state.taskbook = {};
});

describe('a screen whose read failed', () => {
  it('review: says why as an alert; still reading, it shows nothing', () => {
    state.review = { ...REVIEW, notice: failure };
    const markup = renderToString(<ReviewScreen />);
    expect(markup).toContain('专家评审');
    expect(markup).toMatch(
      /<p role="alert" class="error" data-testid="review-load-error">数据库读取失败：磁盘已满<\/p>/,
    );
    state.review = REVIEW;
    expect(renderToString(<ReviewScreen />)).toBe('');
  });

  it('task book: says why its task book, or the review it needs, was not read', () => {
    state.review = { ...REVIEW, loaded: true, pkg: samplePackage() };
    state.taskbook = { ...TASKBOOK, notice: failure };
    expect(renderToString(<TaskBookScreen />)).toMatch(
      /data-testid="tb-load-error">数据库读取失败：磁盘已满</,
    );
    state.taskbook = TASKBOOK;
    expect(renderToString(<TaskBookScreen />)).toBe('');
    // The review not read: its failure, not 「请先在“专家评审”中导入评审包并报到」.
    state.review = { ...REVIEW, notice: failure };
    const markup = renderToString(<TaskBookScreen />);
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('数据库读取失败：磁盘已满');
    expect(markup).not.toContain('请先在');
  });
});
