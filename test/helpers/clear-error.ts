/**
 * "Is this a sentence a user can act on?" — the one check every malformed-input sweep uses (the
 * web host's routes, the CLI's commands). A clear error starts with a Chinese sentence
 * (English may follow) and carries none of the internals a user cannot act on: a stack trace, a
 * raw Node error code (ENOENT, EEXIST…), a JavaScript error class, or a library's own English
 * message passed through untranslated (JSON.parse, decodeURIComponent, zod, papaparse, Node fs).
 *
 * `unclearReasons` returns what is wrong (empty: the message is clear), so a failing test says why.
 */
import { constants } from 'node:os';

/** Every errno name Node knows on this platform (ENOENT, EEXIST, EACCES…). */
const ERRNO_NAMES = new Set(Object.keys(constants.errno));

/** English texts of libraries and the runtime that must never reach a user untranslated. */
const LIBRARY_TEXTS: readonly RegExp[] = [
  // JSON.parse (V8)
  /Unexpected token/i,
  /Unexpected end of JSON/i,
  /is not valid JSON/i,
  /Expected property name/i,
  /Bad control character/,
  /Unterminated string in JSON/,
  /Bad escaped character/,
  // decodeURIComponent, URL
  /URI malformed/i,
  /Invalid URL/i,
  // zod's default (English) messages
  /Invalid input/,
  /Invalid option/,
  /Too (small|big):/i,
  /Unrecognized key/i,
  /expected \w+, received/i,
  // node:util parseArgs
  /To specify a positional argument/i,
  /argument missing/i,
  /does not take an argument/i,
  /does not take positional arguments/i,
  /argument is ambiguous/i,
  // papaparse
  /Unable to auto-detect delimiting character/i,
  /Too (few|many) fields/i,
  /Quoted field unterminated/i,
  /Trailing quote on quoted field/i,
  /Invalid quotes/i,
  // Node's fs and net texts
  /no such file or directory/i,
  /file already exists/i,
  /permission denied/i,
  /operation not permitted/i,
  /not a directory/i,
  /illegal operation on a directory/i,
  /address already in use/i,
  // the runtime
  /Cannot read propert/i,
  /is not a function/i,
  /is not defined/i,
  /is not iterable/i,
  /Maximum call stack/i,
  /\[object \w+\]/,
  /\bundefined\b/,
  /\bNaN\b/,
];

/** A frame of a V8 stack trace, or Node's internal module paths. */
const STACK =
  /^\s*at\s+\S.*(:\d+:\d+\)?|\(native\)|<anonymous>)\s*$|\bnode:internal\b|file:\/\/\//m;

/** `TypeError`, `SyntaxError`, `URIError`, our own `KeyError`, `IpcError`… or a bare `Error:`. */
const ERROR_CLASS = /\b[A-Z]?[A-Za-z]*Error\b|\bError:/;

const HAN = /\p{Script=Han}/u;

/** Options and file names (a token with a dot or a slash) a sentence may begin with. */
const NAMES_FIRST =
  /^(?:(?:--?[a-z][\w-]*|[^\s：\p{Script=Han}]*[./\\][^\s：\p{Script=Han}]*)(?:[\s：]+|$))+/u;

/**
 * Internals in any text a user sees (an error, or the output of a command that failed): a stack
 * trace, a raw error code, an error class, a library's English. Empty when there are none.
 */
export function leakReasons(text: string): string[] {
  const reasons: string[] = [];
  if (STACK.test(text)) reasons.push('contains a stack trace');
  const codes = (text.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? []).filter(
    (word) => ERRNO_NAMES.has(word) || word.startsWith('ERR_') || word.startsWith('HPE_'),
  );
  if (codes.length > 0) reasons.push(`contains a raw error code: ${codes.join(', ')}`);
  const errorClass = ERROR_CLASS.exec(text);
  if (errorClass) reasons.push(`names an error class: ${errorClass[0]}`);
  for (const pattern of LIBRARY_TEXTS)
    if (pattern.test(text)) reasons.push(`untranslated library text: ${pattern.source}`);
  return reasons;
}

/** What makes `message` unclear to a user; empty when it is a clear sentence. */
export function unclearReasons(message: string): string[] {
  const reasons: string[] = [];
  const text = message.trim();
  if (text.length === 0) return ['empty message'];
  // Leading marks (✗ ! ✓ and spaces) may precede the sentence, and so may what it names: an
  // option or a file (`--package a.json 不是有效的评审包`, `/d/x.csv：第 2 行…`).
  const start = text
    .replace(/^[\s✗✓!！•·]+/u, '')
    .replace(NAMES_FIRST, '')
    .replace(/^[\s：:，,]+/u, '');
  if (!HAN.test(start.charAt(0))) reasons.push('does not start with a Chinese sentence');
  if ([...text].filter((ch) => HAN.test(ch)).length < 4)
    reasons.push('fewer than 4 Chinese characters: not a sentence');
  return [...reasons, ...leakReasons(text)];
}

/** Whether `message` is a clear sentence (see `unclearReasons`). */
export function isClearError(message: string): boolean {
  return unclearReasons(message).length === 0;
}

/**
 * English prose in `text` (three or more English words in a row, apart by spaces), for the texts
 * that must be in Chinese alone (a name such as `bureau:export-xlsx` is one word): what is quoted in backticks, and the `commands` given, are names, not prose.
 */
export function englishIn(text: string, commands: readonly string[] = []): string[] {
  let prose = text.replace(/`[^`]*`/g, ' ');
  for (const command of commands) prose = prose.split(command).join(' ');
  return prose.match(/\b[A-Za-z]{2,}(?:[,.;:'’]?\s+[A-Za-z]{2,}\b){2,}/g) ?? [];
}
