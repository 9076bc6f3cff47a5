/**
 * Exact decimal arithmetic for money and displayed scores (no `0.1 + 0.2` artefacts).
 * Money is written as a decimal string in 万元 (ten-thousand yuan, as the measures write
 * budgets: "1000万元"), at most 6 decimal places (to the fen). Scores are numbers on the rubric's
 * step; aggregates are computed with decimal.js and rounded half-up (ROUND_HALF_UP, as Chinese
 * forms round: 四舍五入) to 2 decimal places for display.
 */
import Decimal from 'decimal.js';
import Nzh from 'nzh';
import { z } from 'zod';
import { stripInvisible, toHalfWidthDigits } from './text/normalize';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const MONEY_PATTERN = /^(0|[1-9]\d{0,9})(\.\d{1,6})?$/;

/** An amount in 万元, e.g. "850", "1000", "12.5". */
export const MoneySchema = z
  .string()
  .regex(MONEY_PATTERN, '金额须为非负数，单位万元，最多 6 位小数');
export type Money = z.infer<typeof MoneySchema>;

export const dec = (value: string | number | Dec): Dec => new D(value);

export type MoneyInput = { ok: true; value: Money | null } | { ok: false; message: string };

/**
 * An amount in 万元 as typed into a field: full-width digits and point (`４００．５`, from a Chinese
 * IME) read as the digits they are, invisible characters and surrounding spaces dropped; then only
 * a plain amount (MONEY_PATTERN) — `四百`, `400万元`, `1,000`, `-5` are refused, never read as 0.
 * `''` is "not entered".
 */
export function parseMoneyInput(raw: string): MoneyInput {
  const text = toHalfWidthDigits(stripInvisible(raw)).trim();
  if (text === '') return { ok: true, value: null };
  return MONEY_PATTERN.test(text)
    ? { ok: true, value: dec(text).toFixed() }
    : {
        ok: false,
        message: `“${raw.trim()}”不是金额（单位万元，只填数字，如 400 或 12.5，最多 6 位小数）`,
      };
}

export const ZERO: Dec = new D(0);

export function sum(values: readonly (string | number | Dec)[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(dec(v)), ZERO);
}

/** Display with two decimals, half-up: 85.125 → "85.13". */
export function fmt2(value: Dec | number | string): string {
  return dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Money for display: "1,000.5 万元" style without trailing zeros. */
export function fmtMoney(value: Dec | string): string {
  const d = dec(value).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
  const [int = '0', frac] = d.toFixed().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${frac ? `.${frac}` : ''} 万元`;
}

/** Canonical money string (no trailing zeros). */
export function money(value: Dec): Money {
  return value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
}

/** Percentage of `part` in `whole`, as a Dec (0 when whole is 0). */
export function ratio(part: Dec | string, whole: Dec | string): Dec {
  const w = dec(whole);
  return w.isZero() ? ZERO : dec(part).div(w);
}

/** Is `points` a multiple of `step` (exactly, in decimals)? */
export function onStep(points: number, step: number): boolean {
  return dec(points).mod(dec(step)).isZero();
}

/**
 * An amount in 万元 in capitals as official forms write it (金额大写, in 元): "1000" →
 * 壹仟万元整, "800" → 捌佰万元整, "12.5" → 壹拾贰万伍仟元整, "0.000123" → 壹元贰角叁分.
 * The amount is converted exactly (decimal.js) to 元 and spelled by `nzh` (Nzh.cn.toMoney).
 */
export function moneyCapitals(value: Dec | string): string {
  const yuan = dec(value).times(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return Nzh.cn.toMoney(yuan.toFixed(), { outSymbol: false });
}

/**
 * An amount in 万元 as official forms and the task book print it: figures and capitals,
 * "800" → 800 万元（大写：捌佰万元整）.
 */
export const officialAmount = (amount: Dec | string): string =>
  `${fmtMoney(amount)}（大写：${moneyCapitals(amount)}）`;

/** An amount in 元 (a fee, not a budget) in capitals: "1500" → 壹仟伍佰元整. */
export function yuanCapitals(value: Dec | string): string {
  return Nzh.cn.toMoney(dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(), {
    outSymbol: false,
  });
}
