import { z } from 'zod';
import { isCleanText, normaliseText, textProblem } from '../text/normalize';

/**
 * What a list names more than once, by `key`, as issues at the path of each repeat: a document
 * that lists an expert, an applicant or a criterion twice says two things at once, and no reader
 * can tell which was meant (two experts E06, funding for A01 given twice). For `superRefine`.
 */
export function repeatIssues<T>(
  path: readonly (string | number)[],
  label: string,
  items: readonly T[],
  key: (item: T) => string,
): { path: (string | number)[]; message: string }[] {
  const count = new Map<string, number>();
  for (const item of items) count.set(key(item), (count.get(key(item)) ?? 0) + 1);
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const k = key(item);
    const again = seen.has(k);
    seen.add(k);
    return again
      ? [
          {
            path: [...path, index],
            message: `${label}中 ${k} 出现 ${count.get(k) ?? 2} 次，每项只能列一次`,
          },
        ]
      : [];
  });
}

/**
 * The `params` of a custom zod issue whose message is a whole sentence in the measures' words
 * (「完成日期 2026-09-01 早于签发日期 2026-09-02」): `describeSchemaIssues` says it without its
 * field path, at every command.
 */
export const WHOLE_SENTENCE = { sentence: true } as const;

const WholeSentenceParams = z.object({ sentence: z.literal(true) });

/** Whether a zod issue's `params` mark its message as a whole sentence (`WHOLE_SENTENCE`). */
export function isWholeSentence(issue: { message: string; params?: unknown }): boolean {
  return WholeSentenceParams.safeParse(issue.params).success;
}

/** Ids are short, printable and path-safe (they name files inside bundles). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const IdSchema = z.string().regex(ID_PATTERN, 'id 只能由字母、数字、. _ - 组成');

/** Is `iso` (YYYY-MM-DD) a day that exists (no 2027-02-30, no 2026-13-01)? */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/**
 * The years a date typed into this app can have: a review, a milestone, a visit or a calendar
 * year. 0000, 0202 or 20266 cut to 2026… are typing slips, refused by name rather than read as a
 * day two thousand years ago.
 */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;

/**
 * A calendar date that exists, YYYY-MM-DD, in `DATE_YEARS` (issue 14, point 5: refused by field
 * name otherwise; the date reader of the forms, src-shared/text/date.ts, says the same).
 */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(
    (iso) => Number(iso.slice(0, 4)) >= DATE_YEARS.min && Number(iso.slice(0, 4)) <= DATE_YEARS.max,
    {
      error: (issue) =>
        `年份 ${String(issue.input).slice(0, 4)} 不在 ${DATE_YEARS.min}—${DATE_YEARS.max} 年之间`,
      abort: true,
    },
  )
  .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} 不是实际存在的日期` });
export const DateTimeSchema = z.string().datetime({ offset: true });

/**
 * Text as people enter it, normalised at the door (`cleanText`'s rule): invisible characters
 * dropped, line ends made LF, bidi controls and control characters refused naming the code point
 * (issue 14, point 3); at most `max` characters.
 */
export const plainText = (max: number) =>
  z
    .string()
    .overwrite(normaliseText)
    .max(max, `不得超过 ${max} 字`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
/**
 * Whether `plainText(max)` takes `value` as it is (a string already normalised, at most `max`
 * characters, no refused character: `isCleanText`): its output is then `value` itself. For a
 * hand-written fast check of a large document (model/sheet-read.ts).
 */
export const isPlainText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max && isCleanText(value);
/** A name or title: trimmed, 1–200 characters. */
export const NameSchema = plainText(200).trim().min(1, '不能为空');
export const TEXT_MAX = 20_000;
export const TextSchema = plainText(TEXT_MAX);
/** A written reason: trimmed, at least 2 characters. */
export const reasonText = (max: number) =>
  plainText(max).trim().min(2, '请写明理由（至少 2 个字）');
/** 统一社会信用代码: 18 characters. */
export const CreditCodeSchema = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位');
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const FORMAT_VERSION = 1 as const;
export const FormatVersionSchema = z.literal(FORMAT_VERSION);
