/**
 * What people type, normalised at the door (issue 14, point 3): full-width digits read as the
 * digits they are, invisible characters dropped, bidi controls refused. Pure; used by the schemas
 * (every file), the CSV reader and the forms alike.
 */

/**
 * Invisible characters that carry no meaning in names and text and can hide a difference: every
 * default-ignorable code point (Unicode's Default_Ignorable_Code_Point: U+200B ZERO WIDTH SPACE,
 * U+200C/U+200D joiners, U+2060 WORD JOINER, U+FEFF, U+00AD SOFT HYPHEN, U+180E, the Hangul fillers
 * U+3164/U+FFA0, the invisible operators U+2061–U+2064, variation selectors, the tag characters
 * U+E0000–U+E007F…) except the bidi controls, which are refused instead (BIDI).
 */
const INVISIBLE = /(?!\p{Bidi_Control})\p{Default_Ignorable_Code_Point}/gu;

/**
 * Bidirectional controls (Unicode's Bidi_Control: U+202A–U+202E embeddings and overrides,
 * U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks): a U+202E in a name can make it read as
 * another name, so they are refused, never silently kept.
 */
const BIDI = /\p{Bidi_Control}/u;

/**
 * Control characters other than tab and line feed (C0, DEL, C1: U+0000–U+001F, U+007F–U+009F): an
 * ESC or a carriage return in a name rewrites what a terminal shows (`jiebang check` and `verify`
 * print names), a NUL cuts a string short in other tools. Carriage returns of CRLF line ends are
 * turned into line feeds first (normaliseText); whatever remains is refused.
 */
const CONTROL = /[^\P{Cc}\t\n]/u;

/**
 * Any character `normaliseText` changes or `textProblem` refuses: an invisible one, a bidi
 * control, a control character (a carriage return included), half of a UTF-16 pair alone.
 */
const SUSPECT = /[^\P{Cc}\t\n]|[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Cs}]/u;

/**
 * Whether `text` is already as stored and taken: `normaliseText(text) === text` and
 * `textProblem(text) === null`, in one pass (a sheet's 2,000 comments are checked each time a
 * bundle is opened). `normalize.test.ts` holds it to those two.
 */
export const isCleanText = (text: string): boolean => !SUSPECT.test(text);

/** The invisible characters (see INVISIBLE) in `text`, each once, in order of first occurrence. */
export function invisibleChars(text: string): string[] {
  return [...new Set(text.match(INVISIBLE) ?? [])];
}

/** Drops invisible characters (see INVISIBLE) from text. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Text as stored: invisible characters dropped, CRLF and lone CR line ends made LF. */
export function normaliseText(text: string): string {
  return stripInvisible(text).replace(/\r\n?/g, '\n');
}

/** "U+1F600 😀": a character named by its code point (and shown, when it is visible at all). */
export function describeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const visible = !/[\p{Cc}\p{Cf}\p{Z}\p{Cs}]/u.test(ch);
  return visible ? `U+${hex} ${ch}` : `U+${hex}`;
}

/** The first bidi control in `text`, named by its code point, or null. */
export function findBidiControl(text: string): string | null {
  const m = BIDI.exec(text);
  return m ? describeCodePoint(m[0]) : null;
}

/**
 * Every bidi control in `text`, each named once by its code point, in the order they first occur
 * (a U+202E … U+202C pair is named at once, not one per run).
 */
export function findBidiControls(text: string): string[] {
  const all = text.match(new RegExp(BIDI.source, 'gu')) ?? [];
  return [...new Set(all)].map(describeCodePoint);
}

/**
 * The message for refused bidi controls, naming every code point (the caller names the field):
 * 「含有双向控制字符 U+202E、U+202C，它们可改变…」.
 */
export const bidiMessage = (codePoints: string | readonly string[]): string => {
  const list = typeof codePoints === 'string' ? [codePoints] : codePoints;
  return `含有双向控制字符 ${list.join('、')}，${list.length > 1 ? '它们' : '它'}可改变文字显示顺序、掩盖真实内容，请删除后重新输入`;
};

/**
 * Why `text` (normalised) cannot be taken, or null: a bidi control or a control character, named
 * by its code point (the caller names the field). The one rule for every text field and file.
 */
export function textProblem(text: string): string | null {
  const bidi = findBidiControls(text);
  if (bidi.length > 0) return bidiMessage(bidi);
  const control = CONTROL.exec(text);
  if (control)
    return `含有控制字符 ${describeCodePoint(control[0])}，它不可见，且可改变终端或其他程序显示的内容，请删除后重新输入`;
  // Half of a UTF-16 pair alone is no character: saved as UTF-8 it becomes U+FFFD, another text.
  const lone = /\p{Cs}/u.exec(text);
  return lone
    ? `含有无效的字符 ${describeCodePoint(lone[0])}（不成对的代理项），请删除后重新输入`
    : null;
}

export type CleanText = { ok: true; value: string } | { ok: false; message: string };

/**
 * Text as typed into a field or a cell: invisible characters dropped, line ends made LF; bidi
 * controls and control characters refused by name (`textProblem`).
 */
export function cleanText(raw: string): CleanText {
  const value = normaliseText(raw);
  const problem = textProblem(value);
  return problem === null ? { ok: true, value } : { ok: false, message: problem };
}

/**
 * An id as typed into a cell (`E01`, `A03`): invisible characters and surrounding spaces dropped,
 * full-width letters and digits (`Ｅ０１`, typed with a Chinese IME in full-width mode) read as the
 * ASCII they stand for (NFKC). Whatever remains is matched against the roster as it is.
 */
export function normaliseId(raw: string): string {
  return stripInvisible(raw).normalize('NFKC').trim();
}

/**
 * A verification code as typed from paper or pasted from a PDF (the task book's, a form's):
 * invisible characters dropped, full-width letters and digits read as ASCII (NFKC), the spaces,
 * line breaks and hyphens between its groups removed, lower case. What remains is the code, or not.
 */
export function compactCode(typed: string): string {
  return stripInvisible(typed)
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toLowerCase();
}

/**
 * Why a verification code as typed is not one (核验打印件, `jiebang verify-print`): 64 hex digits
 * are wanted; says how many were given, or the first character that is no hex digit, as read
 * by `compactCode` (spaces, hyphens, case and full-width forms do not count). `qr`: what the
 * code's QR text may start with (「jiebang:taskbook:…」), one or more.
 */
export function printedCodeRefusal(typed: string, ...qr: readonly string[]): string {
  const code = compactCode(typed);
  const stray = /[^0-9a-f]/u.exec(code)?.[0];
  const given =
    stray !== undefined ? `所给的含非十六进制字符“${stray}”` : `所给的是 ${String(code.length)} 位`;
  return `核验码应为 64 位十六进制数字，${given}（或二维码内容 ${qr.join(' 或 ')}）`;
}

/**
 * Full-width forms a Chinese IME produces in full-width mode, read as ASCII: digits ０–９, the
 * full-width point ．, ＋, and the minus signs － and −. Nothing else is mapped (the Chinese comma
 * ， separates, it is no decimal point), so `十八分` stays what it is and the parser refuses it.
 */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF0B\uFF0D\u2212]/gu, (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff10 && cp <= 0xff19) return String.fromCodePoint(cp - 0xff10 + 0x30);
    if (ch === '\uFF0E') return '.';
    if (ch === '\uFF0B') return '+';
    return '-';
  });
}

/**
 * A plain decimal as people write scores: digits, then at most one point with digits after it;
 * a minus sign may lead. Not `.5`, `17.`, `+17` (a point with no digit on one side, a plus sign:
 * what a slip of the finger makes of 17.5 or 17, never guessed).
 */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** The form a score is read in, said by every refusal of the reader. */
const PLAIN_FORM = '只接受如 17 或 17.5 这样的十进制数';

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a score as typed (a form field, a CSV cell): full-width digits and points normalised,
 * surrounding spaces and zero-width characters dropped; then only a plain decimal is a number
 * (`17`, `17.5`) — `0x11`, `1.7e1`, `十八分`, `17,5`, `Infinity`, `.5`, `17.`, `+17` are refused
 * with the form it takes, never guessed. A minus sign is kept (so −3 is a number, and out of
 * range), never silently removed; `-0` is refused (a zero has no sign: 0 分 is written 0). `''` is
 * "not entered". THE reader of a typed score at every door (the expert's form by
 * `readTypedPoints`, the paper transcription, `jiebang score`, the bureau's number cells).
 */
export function parsePlainDecimal(raw: string): ParsedNumber | { ok: true; value: null } {
  const text = toHalfWidthDigits(stripInvisible(raw)).trim();
  if (text === '') return { ok: true, value: null };
  if (!PLAIN_DECIMAL.test(text))
    return { ok: false, message: `“${raw.trim()}”不是数字（${PLAIN_FORM}）` };
  const value = Number(text);
  if (Object.is(value, -0))
    return { ok: false, message: `“${raw.trim()}”带有负号（${PLAIN_FORM}；0 分请填 0）` };
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, message: `“${raw.trim()}”超出可表示的范围` };
}
