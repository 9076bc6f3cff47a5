/**
 * A person's name as typed into the app (a profile's 姓名, an enrolled signer's 签名人姓名) — the
 * one rule, without zod, so the first screen (the profile gate) can check its field without
 * loading the schemas. `personName(max)` (model/common.ts) is this rule as a zod schema.
 *
 * The name is read as every text field is (`normaliseText`: invisible characters dropped, line
 * ends made LF), then: at most `max` UTF-16 units as typed, no bidi control or control character
 * (`textProblem`, naming the code point, so a U+202E cannot make 「王建国」 of another name),
 * and something left once trimmed.
 */
import { normaliseText, textProblem } from './normalize';

/** A profile's 姓名: at most 100 characters (the profile file's limit). */
export const PROFILE_LABEL_MAX = 100;

/** The sentence of a name longer than `max`. */
export const tooLongText = (max: number): string => `不得超过 ${max} 字`;

/**
 * Why `value` is no name: 'missing' when nothing is left once normalised and trimmed (each door
 * says so in its own words), `{ message }` with the rule's sentence otherwise; null when taken.
 */
export function nameProblem(value: string, max: number): 'missing' | { message: string } | null {
  const text = normaliseText(value);
  if (text.length > max) return { message: tooLongText(max) };
  const problem = textProblem(text);
  if (problem !== null) return { message: problem };
  return text.trim().length === 0 ? 'missing' : null;
}

/**
 * The key by which two typed names are the same person's: NFKC (full-width letters as ASCII) and
 * no whitespace (「王 建国」 is 「王建国」), after `personName`'s normalisation.
 */
export const sameNameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '');
