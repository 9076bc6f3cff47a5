/**
 * Characters a document holds that no print font has (issue F10): one warning per field, naming
 * the field as the forms label it and each character by its code point. Not a rule of the
 * measures — the print shows such a character as its code point, [U+1F600] — so the finding cites
 * no article. Which characters print is `unprintableChars`' one rule (src-shared/text/print-glyphs.ts),
 * the one the PDF documents print by.
 */
import { fieldName, fieldSentence, type FieldLabels } from '../model/labels';
import { describeCodePoint, invisibleChars, stripInvisible } from '../text/normalize';
import { unprintableChars } from '../text/print-glyphs';
import type { Finding } from './finding';

/** What the warning says of the characters (the field is said before it). */
export const unprintableMessage = (chars: readonly string[]): string =>
  `以下字符字库中没有，打印件上以其码位代替，请改用通行写法：${chars.map(describeCodePoint).join('、')}`;

/** Every string inside `value` with its path, in the document's order. */
function* stringsOf(
  value: unknown,
  path: (string | number)[] = [],
): Generator<{ path: (string | number)[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* stringsOf(v, [...path, i]);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, [...path, k]);
}

/**
 * A warning for each field of `doc` holding a character no print font has. Invisible characters
 * are not among them: they are removed as the document is read (`invisibleRemoved` says so).
 */
export function checkPrintable(doc: object, labels: FieldLabels): Finding[] {
  return printableFindings(doc, labels, (text) => unprintableChars(stripInvisible(text)));
}

/** What the note says of the invisible characters removed from a field (the field said before it). */
export const invisibleRemovedMessage = (chars: readonly string[]): string =>
  `已删除不可见字符 ${chars.map(describeCodePoint).join('、')}（不可见字符不显示、不打印，删除后内容不变）`;

/**
 * A note for each field of `raw` (a file as read, before its schema drops them) holding invisible
 * characters (U+200B, U+2060, …, `stripInvisible`'s): removed, said by code point — whether the
 * rest of the file is refused or taken, the same sentence (`jiebang check`, `render-taskbook`).
 */
export function invisibleRemoved(raw: unknown, labels: FieldLabels): Finding[] {
  const out: Finding[] = [];
  for (const { path, text } of stringsOf(raw)) {
    const chars = invisibleChars(text);
    if (chars.length === 0) continue;
    out.push({
      rule: 'text.invisible',
      article: '',
      severity: 'info',
      message: fieldSentence(
        fieldName(labels, path) ?? path.join('.'),
        invisibleRemovedMessage(chars),
      ),
      path,
    });
  }
  return out;
}

function printableFindings(
  doc: object,
  labels: FieldLabels,
  charsOf: (text: string) => string[],
): Finding[] {
  const out: Finding[] = [];
  for (const { path, text } of stringsOf(doc)) {
    const chars = charsOf(text);
    if (chars.length === 0) continue;
    out.push({
      rule: 'print.glyphs',
      article: '',
      severity: 'warning',
      message: fieldSentence(fieldName(labels, path) ?? path.join('.'), unprintableMessage(chars)),
      path,
    });
  }
  return out;
}

/**
 * The characters a rendered PDF could not print (`missing`, what main's renderer reports) said as
 * `checkPrintable` says them, field by field of the documents the PDF was made from (the inspection
 * report's preview, the meeting's forms from the package and the decision): each field holding one
 * of them, in its label's words; a character found in none of them (a text the PDF adds) in one
 * sentence without a field.
 */
export function unprintableSentences(
  missing: readonly string[],
  sources: readonly { doc: object; labels: FieldLabels }[],
): string[] {
  if (missing.length === 0) return [];
  const wanted = new Set(missing);
  const placed = new Set<string>();
  const lines: string[] = [];
  for (const { doc, labels } of sources)
    for (const f of printableFindings(doc, labels, (text) => {
      const chars = unprintableChars(text).filter((c) => wanted.has(c));
      for (const c of chars) placed.add(c);
      return chars;
    }))
      lines.push(f.message);
  const rest = missing.filter((c) => !placed.has(c));
  return rest.length > 0 ? [...lines, unprintableMessage(rest)] : lines;
}
