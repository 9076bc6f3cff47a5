/**
 * The fold of a box whose content is wider than it (the chair's ranking): one step more while the
 * content is wider than the box, one step less only when the box has room for what that step was
 * measured to need, plus a margin — never back and forth between two steps at one width.
 */
import { describe, expect, it } from 'vitest';
import { UNFOLD_MARGIN, firstFold, nextFold } from './useFoldToFit';

describe('nextFold', () => {
  it('folds one step more while the content is wider than the box, noting its width', () => {
    const needs = [400, 300];
    expect(nextFold(0, 2, 1300, 1012, needs)).toBe(1);
    expect(needs).toEqual([1300, 300]);
    expect(nextFold(1, 2, 1100, 1012, needs)).toBe(2);
    expect(needs).toEqual([1300, 1100]);
    // Folded all the way: the box scrolls, as before.
    expect(nextFold(2, 2, 1050, 1012, needs)).toBe(2);
  });

  it('unfolds a step when the box has room for what it measured, plus the margin', () => {
    const needs = [1100, 800];
    expect(nextFold(1, 2, 900, 1100 + UNFOLD_MARGIN - 1, needs)).toBe(1);
    expect(nextFold(1, 2, 900, 1100 + UNFOLD_MARGIN, needs)).toBe(0);
    expect(nextFold(0, 2, 1012, 1012, needs)).toBe(0);
  });

  it('settles at one width: unfolded, too wide, folded again with the width measured', () => {
    // Only a least width known (500): the box of 1012 px tries the table unfolded…
    const needs = [500];
    let fold = nextFold(1, 1, 700, 1012, needs);
    expect(fold).toBe(0);
    // …which is 1250 px wide: folded again, and it stays folded at this width.
    fold = nextFold(fold, 1, 1250, 1012, needs);
    expect(fold).toBe(1);
    for (let i = 0; i < 3; i++) fold = nextFold(fold, 1, 700, 1012, needs);
    expect(fold).toBe(1);
    // A wider window (1440: 1172 px) is still too narrow; a far wider one unfolds it.
    expect(nextFold(fold, 1, 700, 1172, needs)).toBe(1);
    expect(nextFold(fold, 1, 700, 1250 + UNFOLD_MARGIN, needs)).toBe(0);
  });
});

describe('firstFold', () => {
  it('starts folded only where the least width cannot fit the window', () => {
    // 50 experts, 10 criteria: at least 36 px a column.
    expect(firstFold(2, [36 * 67, 36 * 18], 1280)).toBe(1);
    expect(firstFold(2, [36 * 67, 36 * 40], 1280)).toBe(2);
    // The sample (7 experts, 4 criteria): drawn unfolded first.
    expect(firstFold(2, [36 * 18, 36 * 12], 1280)).toBe(0);
  });
});
