/**
 * A document after the award read from its card: the schema's issues in the card's words (the
 * label tables of src-shared/model/labels/award.ts, read by `describeSchemaIssues` as
 * `jiebang check` and `jiebang print-award` read them), each kept with its field, so the card says
 * a field's issue once that field was edited, and every issue once signing was tried — never on a
 * form nobody has touched yet.
 */
import type { z } from 'zod';
import type { FieldLabels } from '../../../../src-shared/model/labels';
import { describeSchemaIssues } from '../../../../src-shared/scoring';
// zod's own messages in Chinese, as at every door (the bridge loads it too; a card must not depend
// on that order).
import '../../../../src-shared/validation-messages';

/** A field of a document, by its path as zod names it (`solvers.0.score`). */
export type FieldPath = readonly (string | number)[];

/** A field whose text could not be read as its value (a score that is no number), with why. */
export interface Unread {
  path: FieldPath;
  message: string;
}

/** One issue: its field (`solvers.0.score`; '' for the whole document) and its sentence. */
export interface FormIssue {
  field: string;
  text: string;
}

export type ParsedForm<T> = { ok: true; value: T } | { ok: false; issues: readonly FormIssue[] };

/** A path as the key a card marks its fields with (`data-field`). */
export const fieldKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * The document parsed by its schema: the value, or every issue named in `labels`' words. A field
 * in `unread` is said with its reader's sentence instead of the schema's, and no value is made.
 */
export function parseForm<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  labels: FieldLabels,
  unread: readonly Unread[] = [],
): ParsedForm<T> {
  const r = schema.safeParse(raw);
  if (r.success && unread.length === 0) return { ok: true, value: r.data };
  const said = new Set(unread.map((u) => fieldKey(u.path)));
  const issues = [
    ...unread,
    ...(r.success ? [] : r.error.issues.filter((i) => !said.has(fieldKey(i.path)))),
  ];
  const texts = describeSchemaIssues({ issues }, labels);
  return {
    ok: false,
    issues: issues.map((i, n) => ({ field: fieldKey(i.path), text: texts[n] ?? i.message })),
  };
}

/** Whether an issue of `field` belongs to one of the fields `edited` (the field or inside it). */
const within = (field: string, edited: ReadonlySet<string>): boolean =>
  [...edited].some((e) => e !== '' && (field === e || field.startsWith(`${e}.`)));

/**
 * The sentences a card says now: every issue once signing was tried (`attempted`), else only
 * those of the fields edited; `hidden` counts the rest (the form is not complete yet).
 */
export function shownIssues(
  issues: readonly FormIssue[],
  edited: ReadonlySet<string>,
  attempted: boolean,
): { shown: string[]; hidden: number } {
  const shown = issues.filter((i) => attempted || within(i.field, edited));
  return { shown: shown.map((i) => i.text), hidden: issues.length - shown.length };
}
