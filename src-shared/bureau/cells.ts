/**
 * What a bureau types in a list cell, normalised at the door and read as the value it means, or a
 * sentence saying why not (the caller names the file, sheet, row and column). Full-width letters
 * and digits (what a Chinese IME types in full-width mode) read as the ASCII they are; zero-width
 * characters are dropped and bidi controls refused, as everywhere (src-shared/text/normalize).
 */
import { MONEY_PATTERN, parseMoneyInput } from '../money';
import { creditCodeProblem } from '../text/credit-code';
import { readDate as readTypedDate } from '../text/date';
import { cleanText, parsePlainDecimal, toHalfWidthDigits } from '../text/normalize';
import { excelNumberText, type CellValue } from './grid';

export type CellRead<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Is the cell empty (nothing, or only spaces and invisible characters)? */
export function isBlank(cell: CellValue): boolean {
  if (cell === null) return true;
  if (typeof cell !== 'string') return false;
  const cleaned = cleanText(cell);
  return cleaned.ok ? cleaned.value.trim() === '' : false;
}

/** A number as Excel shows it (`excelNumberText`, the one reading of a number cell). */
const numberText = excelNumberText;

/** Text as typed: a number cell reads as its digits, TRUE/FALSE as 是/否. */
export function readText(cell: CellValue): CellRead<string> {
  if (cell === null) return { ok: true, value: '' };
  if (typeof cell === 'number') return { ok: true, value: numberText(cell) };
  if (typeof cell === 'boolean') return { ok: true, value: cell ? '是' : '否' };
  const cleaned = cleanText(cell);
  return cleaned.ok ? { ok: true, value: cleaned.value.trim() } : cleaned;
}

/** Half-width forms of full-width letters, digits and punctuation (Ａ０１ → A01), NFKC. */
const halfWidth = (text: string): string => text.normalize('NFKC');

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** An id (编号): letters, digits, `.`, `_`, `-`, starting with a letter or digit, at most 64. */
export function readId(cell: CellValue): CellRead<string> {
  const text = readText(cell);
  if (!text.ok) return text;
  const id = halfWidth(text.value).trim();
  if (id === '') return { ok: true, value: '' };
  return ID_PATTERN.test(id)
    ? { ok: true, value: id }
    : fail(
        `“${text.value}”不是有效的编号（只能由字母、数字、. _ - 组成，以字母或数字开头，最多 64 位）`,
      );
}

/**
 * A 统一社会信用代码 (full-width characters read as ASCII, lower case as upper), judged at its cell by
 * the one rule (`creditCodeProblem`, as the package's schema says it): so a wrong code is listed
 * with the list's other problems, not found only once they are fixed.
 */
export function readCreditCode(cell: CellValue): CellRead<string> {
  const text = readText(cell);
  if (!text.ok) return text;
  const code = halfWidth(text.value).trim().toUpperCase();
  if (code === '') return { ok: true, value: '' };
  const problem = creditCodeProblem(code);
  return problem === null ? { ok: true, value: code } : fail(problem);
}

/**
 * An amount in 万元 as officials write it: `800`, `800.5`, `1,000`, `800万元`, `８００万` — read by
 * the one reader of every door (`parseMoneyInput`); a number cell as its value. Anything in 元,
 * a misplaced thousands separator (`1,00`) or more than 6 decimals (below the fen) is refused.
 */
export function readMoney(cell: CellValue): CellRead<string> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0)
      return fail(`${cell} 不是有效金额（应为非负数，单位万元）`);
    const text = numberText(cell);
    return MONEY_PATTERN.test(text)
      ? { ok: true, value: text }
      : fail(`${text} 不是有效金额（单位万元，最多 6 位小数）`);
  }
  const read = readText(cell);
  if (!read.ok) return read;
  const amount = parseMoneyInput(read.value);
  return amount.ok ? { ok: true, value: amount.value ?? '' } : amount;
}

/** A plain decimal (a number cell, or `17.5`, `１７．５`); `0x11`, `1.7e1`, `十八` refused. */
export function readNumber(cell: CellValue): CellRead<number | null> {
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { ok: true, value: Number(numberText(cell)) } : fail('不是数字');
  const text = readText(cell);
  if (!text.ok) return text;
  const parsed = parsePlainDecimal(text.value);
  return parsed.ok ? parsed : fail(parsed.message);
}

/**
 * A whole number, refused with the form the column takes (`form`, the column's `example`: 「如 24
 * 这样的整数月数」), not the score reader's 「如 17 或 17.5」: `30个月` is no score.
 */
export function readInteger(cell: CellValue, form = '如 5 这样的整数'): CellRead<number | null> {
  const n = readNumber(cell);
  if (!n.ok) {
    const typed = readText(cell);
    return fail(`“${typed.ok ? typed.value : ''}”不是整数（只接受${form}）`);
  }
  if (n.value === null) return n;
  return Number.isInteger(n.value) ? n : fail(`${n.value} 应为整数（只接受${form}）`);
}

const YES = new Set(['是', 'y', 'yes', 'true', '√', '✓', '1', '有']);
const NO = new Set(['否', 'n', 'no', 'false', '×', '✗', '0', '无']);

/** 是/否 (also Y/N, TRUE/FALSE, √/×, 1/0, Excel's boolean cells). */
export function readBoolean(cell: CellValue): CellRead<boolean | null> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const text = readText(cell);
  if (!text.ok) return text;
  const t = halfWidth(text.value).trim().toLowerCase();
  if (t === '') return { ok: true, value: null };
  if (YES.has(t)) return { ok: true, value: true };
  if (NO.has(t)) return { ok: true, value: false };
  return fail(`“${text.value}”应填“是”或“否”`);
}

/**
 * A date that exists, as YYYY-MM-DD: `2026-12-08`, `2026/12/8`, `2026.12.8`, `2026年12月8日`
 * (a date cell arrives from the XLSX door already as YYYY-MM-DD), read by the one date reader
 * the forms use (src-shared/text/date.ts).
 */
export function readDate(cell: CellValue): CellRead<string> {
  if (typeof cell === 'number')
    return fail(`${numberText(cell)} 不是日期（请填写如 2026-12-08 的日期，或设为日期格式）`);
  const text = readText(cell);
  if (!text.ok) return text;
  if (text.value === '') return { ok: true, value: '' };
  const date = readTypedDate(text.value);
  return date.ok ? { ok: true, value: date.iso } : fail(date.message);
}

/** A choice among `choices` by its Chinese label, an alias, or its code. */
export function readChoice<C extends string>(
  cell: CellValue,
  choices: readonly { code: C; label: string; aliases?: readonly string[] }[],
): CellRead<C | null> {
  const text = readText(cell);
  if (!text.ok) return text;
  const t = halfWidth(text.value).trim();
  if (t === '') return { ok: true, value: null };
  const found = choices.find(
    (c) =>
      c.label === t ||
      c.code.toLowerCase() === t.toLowerCase() ||
      (c.aliases ?? []).some((a) => a === t),
  );
  return found
    ? { ok: true, value: found.code }
    : fail(`“${text.value}”不是可选值（可填：${choices.map((c) => c.label).join('、')}）`);
}

/** Several ids in one cell, separated by 、 , ， ; ； or spaces: `I1、I2`. */
export function readIdList(cell: CellValue): CellRead<string[]> {
  const text = readText(cell);
  if (!text.ok) return text;
  const parts = halfWidth(text.value)
    .split(/[、,，;；\s]+/)
    .filter((p) => p !== '');
  const bad = parts.find((p) => !ID_PATTERN.test(p));
  return bad === undefined ? { ok: true, value: parts } : fail(`“${bad}”不是有效的编号`);
}

/** Several items of text in one cell, separated by ； or line breaks: `中试装置；运行报告`. */
export function readTextList(cell: CellValue): CellRead<string[]> {
  const text = readText(cell);
  if (!text.ok) return text;
  return {
    ok: true,
    value: text.value
      .split(/[；;\r\n]+/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  };
}

export interface Band {
  min: number;
  max: number;
  label: string;
}

/**
 * Guidance bands of a criterion (评分档次), one per line or separated by ；:
 * `16-20 研发实力强；12-15.5 基本满足要求；0-11.5 资质条件明显不足`.
 */
export function readBands(cell: CellValue): CellRead<Band[]> {
  const items = readTextList(cell);
  if (!items.ok) return items;
  const bands: Band[] = [];
  for (const item of items.value) {
    const m =
      /^(\d+(?:\.\d+)?)\s*(?:分)?\s*[-~～—–至到]\s*(\d+(?:\.\d+)?)\s*(?:分)?\s*[:：]?\s*(.+)$/.exec(
        toHalfWidthDigits(item),
      );
    if (!m?.[1] || !m[2] || !m[3])
      return fail(`评分档次“${item}”应写成“最低分-最高分 说明”，如“16-20 研发实力强”`);
    const [min, max] = [Number(m[1]), Number(m[2])];
    if (min > max) return fail(`评分档次“${item}”的最低分大于最高分`);
    bands.push({ min, max, label: m[3].trim() });
  }
  return { ok: true, value: bands };
}

/** The cell text of guidance bands, as `readBands` reads it back. */
export const writeBands = (bands: readonly Band[]): string =>
  bands.map((b) => `${b.min}-${b.max} ${b.label}`).join('；');
