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

export const dec = (value: string | number | Dec): Dec => new D(value);

/** An amount in 万元 as kept: a canonical decimal string (MONEY_PATTERN). */
export type Money = string;

/**
 * Why an amount is refused: `unit-free` reasons (a minus, scientific notation, a misplaced
 * thousands separator) are said alike of any amount, 万元 or 元 (a fee reads through this reader
 * and keeps these sentences); the others speak of 万元.
 */
export type MoneyRefusal = 'unit-free' | 'wan-yuan';

export type MoneyInput =
  { ok: true; value: Money | null } | { ok: false; message: string; reason: MoneyRefusal };

/** An integer part grouped by thousands as an official writes it: 1,000 / 12，500 / 1,000,000. */
const GROUPED = /^\d{1,3}([,，]\d{3})+$/u;

/**
 * An amount in 万元 as people write it — the one reader of every door (the forms, the CLI's and
 * the app's schemas through `MoneySchema`, the bureau's cells): invisible characters and
 * surrounding spaces dropped, full-width digits and point (`２４０`, `４００．５`, from a Chinese IME)
 * read as the digits they are, thousands separators written as officials write them (`1,000`,
 * `1，000`, `12,500.5`) taken when every group has three digits, the unit 万元 (or 万) after the
 * number taken as given. Then the amount is kept canonical (`400.50` → `400.5`). What is refused
 * is said for what it is: a minus (`-5`), scientific notation (`4e2`), a misplaced separator
 * (`1,00`), 元 for 万元, more than 6 decimals (below the fen), more than 10 digits, or no number
 * at all (`四百`, `12.`). Nothing refused is ever read as 0.
 * `''` is "not entered".
 */
export function parseMoneyInput(raw: string): MoneyInput {
  const shown = raw.trim();
  const fail = (why: string, reason: MoneyRefusal = 'wan-yuan'): MoneyInput => ({
    ok: false,
    message: `“${shown}”${why}`,
    reason,
  });
  const text = toHalfWidthDigits(stripInvisible(raw)).trim();
  if (text === '') return { ok: true, value: null };
  if (/^[-−－]/u.test(text)) return fail('是负数：金额不能为负', 'unit-free');
  if (/^\+?(\d+\.?\d*|\.\d+)[eEｅＥ][-+－＋]?\d+(\s*万元?)?$/u.test(text))
    return fail('是科学计数法：金额须直接写出数字（如 400，不写 4e2）', 'unit-free');
  const bare = text.replace(/\s*万元?$/u, '');
  if (bare === text && /元$/u.test(text)) return fail('的单位应为万元（如 800 或 800万元）');
  const [int = '', frac, extra] = bare.split('.');
  if (
    extra !== undefined ||
    !/^[\d,，]+$/u.test(int) ||
    (frac !== undefined && !/^\d+$/u.test(frac))
  )
    return /[,，]/u.test(frac ?? '') && extra === undefined
      ? fail('的千位分隔符位置不对：小数部分不分节', 'unit-free')
      : fail('不是金额（单位万元，只填数字，如 400、1,000 或 12.5）');
  if (/[,，]/u.test(int) && !GROUPED.test(int))
    return fail('的千位分隔符位置不对：应每三位一个，如 1,000 或 12,500.5', 'unit-free');
  const digits = int.replace(/[,，]/gu, '').replace(/^0+(?=\d)/u, '');
  const decimals = (frac ?? '').replace(/0+$/u, '');
  if (decimals.length > 6) return fail('超过 6 位小数：金额以万元计，最多到分（6 位小数）');
  if (digits.length > 10) return fail('过大：整数部分最多 10 位（万元）');
  return { ok: true, value: decimals === '' ? digits : `${digits}.${decimals}` };
}

/**
 * An amount in 万元, e.g. "850", "1000", "12.5": read as typed by `parseMoneyInput` (so a JSON file
 * the CLI checks and a form are judged alike, and the sentence says what is wrong); an amount
 * already canonical (MONEY_PATTERN) is kept exactly as it is (signed bytes do not change).
 */
export const MoneySchema: z.ZodType<Money, string> = z
  .string()
  .overwrite((text) => {
    if (MONEY_PATTERN.test(text)) return text;
    const read = parseMoneyInput(text);
    return read.ok && read.value !== null ? read.value : text;
  })
  .superRefine((text, ctx) => {
    if (MONEY_PATTERN.test(text)) return;
    const read = parseMoneyInput(text);
    const message = read.ok ? '缺少此项（必填，单位万元）' : read.message;
    ctx.addIssue({ code: 'custom', message, input: text });
  });

export const ZERO: Dec = new D(0);

export function sum(values: readonly (string | number | Dec)[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(dec(v)), ZERO);
}

/** Display with two decimals, half-up: 85.125 → "85.13". */
export function fmt2(value: Dec | number | string): string {
  return dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * Money for display, the one money formatter: thousands grouped, half-up. A budget in 万元 (the
 * default) without trailing zeros, "1,000.5 万元"; a fee in 元 as receipts and 签收表 write it,
 * to the fen with two decimals: `fmtMoney('6000.5', YUAN)` → "6,000.50 元".
 */
export function fmtMoney(
  value: Dec | string,
  { unit, decimals }: { unit: '万元' | '元'; decimals?: 2 } = { unit: '万元' },
): string {
  const d = dec(value).toDecimalPlaces(decimals ?? 6, Decimal.ROUND_HALF_UP);
  const [int = '0', frac] = (decimals === undefined ? d.toFixed() : d.toFixed(decimals)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${frac ? `.${frac}` : ''} ${unit}`;
}

/** `fmtMoney`'s options for an amount in 元 (a fee): "1,500.00 元". */
export const YUAN = { unit: '元', decimals: 2 } as const;

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
 * 壹仟万元整, "800" → 捌佰万元整, "12.5" → 壹拾贰万伍仟元整, "0.000123" → 壹元贰角叁分,
 * "0.00001" → 壹角整. The amount is converted exactly (decimal.js) to 元 and spelled as an amount
 * in 元 is (`yuanCapitals`: 整 after 元 or 角).
 */
export function moneyCapitals(value: Dec | string): string {
  return yuanCapitals(dec(value).times(10000));
}

/**
 * An amount in 万元 as official forms and the task book print it: figures and capitals,
 * "800" → 800 万元（大写：捌佰万元整）.
 */
export const officialAmount = (amount: Dec | string): string =>
  `${fmtMoney(amount)}（大写：${moneyCapitals(amount)}）`;

/**
 * An amount in 元 (a fee, not a budget) in capitals as receipts write it: "1500" → 壹仟伍佰元整,
 * "6000.5" → 陆仟元伍角整, "6000.05" → 陆仟元零伍分. 整 after 元 or 角, never after 分 (the
 * People's Bank's rule for writing amounts: 「正确填写票据和结算凭证的基本规定」); `nzh` leaves it
 * off after 角, so it is added here.
 */
export function yuanCapitals(value: Dec | string): string {
  const text = Nzh.cn.toMoney(dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(), {
    outSymbol: false,
  });
  return text.endsWith('角') ? `${text}整` : text;
}
