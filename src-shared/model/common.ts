import { z } from 'zod';
import { creditCodeProblem } from '../text/credit-code';
import { normaliseDate, readDate } from '../text/date';
import { nameProblem, PROFILE_LABEL_MAX, sameNameKey, tooLongText } from '../text/name';
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

/**
 * `WHOLE_SENTENCE` naming the rule that said it: a reader that says the rule another way (the
 * assignment's reader finds a repeated member before the schema) sets the schema's issue aside by
 * its rule (`issueRule`), never by comparing its text.
 */
export const ruleSentence = <R extends string>(rule: R) => ({ sentence: true, rule }) as const;

const RuleParams = z.object({ rule: z.string() });

/** The rule a zod issue's `params` name (`ruleSentence`), or null. */
export function issueRule(issue: { message: string; params?: unknown }): string | null {
  const p = RuleParams.safeParse(issue.params);
  return p.success ? p.data.rule : null;
}

/** Ids are short, printable and path-safe (they name files inside bundles). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const IdSchema = z.string().regex(ID_PATTERN, 'id 只能由字母、数字、. _ - 组成');

export { DATE_YEARS, isCalendarDate } from '../text/date';

/**
 * A calendar date that exists, in `DATE_YEARS`, kept as YYYY-MM-DD — the one date rule of every
 * door (issue 14, point 5). Normalised first as the forms read a date (`normaliseDate`: full-width
 * digits, / or . between the parts, 2026年2月3日, a single-digit month or day), so a JSON file
 * the CLI reads, an IPC message and a form field are judged alike and kept alike; then judged by
 * `readDate`, whose one sentence each refusal is (「缺少此项（必填）」 for nothing typed). A date
 * already YYYY-MM-DD is kept as it is (signed bytes do not change).
 */
export const DateSchema = z
  .string()
  .overwrite(normaliseDate)
  .superRefine((text, ctx) => {
    const read = readDate(text);
    // No other check compares a day that is not one (a due date before the day of issue).
    if (!read.ok)
      ctx.addIssue({ code: 'custom', message: read.message, input: text, continue: false });
  });
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
    .max(max, tooLongText(max))
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
/**
 * A person's name as typed into the app (a profile's 姓名, an enrolled signer's 签名人姓名):
 * `nameProblem`'s rule (text/name.ts) as a schema — normalised as `plainText`, trimmed, 1–`max`
 * characters, a bidi control refused naming its code point. The form checks the field with
 * `nameProblem`, the workflow before anything is written, main at the IPC door (profiles).
 */
export const personName = (max: number) =>
  z
    .string()
    .overwrite(normaliseText)
    .superRefine((value, ctx) => {
      const problem = nameProblem(value, max);
      if (problem === 'missing')
        ctx.addIssue({
          code: 'too_small',
          origin: 'string',
          minimum: 1,
          inclusive: true,
          message: '不能为空',
          input: value,
        });
      else if (problem !== null)
        ctx.addIssue({ code: 'custom', message: problem.message, input: value });
    })
    .trim();
export { nameProblem, PROFILE_LABEL_MAX };
export const ProfileLabelSchema = personName(PROFILE_LABEL_MAX);
export { sameNameKey };
export const TEXT_MAX = 20_000;
export const TextSchema = plainText(TEXT_MAX);
/** A written reason: trimmed, at least 2 characters. */
export const reasonText = (max: number) =>
  plainText(max).trim().min(2, '请写明理由（至少 2 个字）');
/** 统一社会信用代码: 18 characters, said as `creditCodeProblem` says it (the one rule). */
export const CreditCodeSchema = z.string().superRefine((code, ctx) => {
  const problem = creditCodeProblem(code);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const FORMAT_VERSION = 1 as const;
export const FormatVersionSchema = z.literal(FORMAT_VERSION);
