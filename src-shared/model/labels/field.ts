/**
 * A document's fields in the words its forms and the bureau's desk label them: a zod path
 * (`team.1.name`) said as 「考察组成员第 2 位 姓名」. One table per document kind (beside this file),
 * read by `describeSchemaIssues` at every door — the desk's readers, the command line — and by the
 * renderer's string tables for the labels they share (so a label is written once). No imports:
 * the first screen's string tables read these tables without pulling the schemas in.
 */

export interface FieldLabel {
  /** The field as the forms and the desk name it (「完成日期」). */
  label: string;
  /** A list: how its n-th item is said, `{n}` counted from 1 (「考察组成员第 {n} 位」). */
  item?: string;
  /** The fields of this object, or of each item of this list. */
  fields?: FieldLabels;
  /**
   * What joins this field's label to the words before it, when the form says it so (「第 4 项的说明」:
   * `'的'`); a space otherwise (「考察组第 2 位成员 姓名」).
   */
  join?: string;
}

export type FieldLabels = Readonly<Record<string, FieldLabel>>;

/** What a field says at the start of a refusal: 「完成日期：{why}」. */
export const fieldSentence = (field: string, why: string): string => `${field}：${why}`;

/**
 * The field at `path` in `labels`' words, every step of the path labelled (a list's item by its
 * number from 1); null when a step is not in the table (the caller says the path instead).
 */
export function fieldName(labels: FieldLabels, path: readonly PropertyKey[]): string | null {
  const words: string[] = [];
  const joins: string[] = [];
  let table: FieldLabels | undefined = labels;
  let list: FieldLabel | undefined;
  for (const step of path) {
    if (list !== undefined && typeof step === 'number') {
      words[words.length - 1] = itemName(list, step + 1);
      table = list.fields;
      list = undefined;
      continue;
    }
    const entry: FieldLabel | undefined =
      typeof step === 'string' && table !== undefined && Object.hasOwn(table, step)
        ? table[step]
        : undefined;
    if (entry === undefined) return null;
    words.push(entry.label);
    joins.push(entry.join ?? ' ');
    list = entry.item === undefined ? undefined : entry;
    table = entry.fields;
  }
  return words.length === 0 ? null : words.map((w, i) => (i === 0 ? w : joins[i] + w)).join('');
}

/** A list's `n`-th item (from 1) in its label's words (「考察组第 2 位成员」); the list's label if no item form. */
export const itemName = (list: FieldLabel, n: number | string): string =>
  list.item === undefined ? list.label : list.item.replace('{n}', String(n));
