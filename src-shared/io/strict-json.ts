/**
 * JSON as RFC 8259 defines it, read strictly: an object that names the same key twice is
 * refused, wherever it is. `JSON.parse` keeps the last value and other parsers keep the first, so
 * a signed document with a duplicate key would read as two different documents; every JSON text
 * the product reads (bundles first of all) goes through here.
 *
 * Otherwise it accepts exactly what `JSON.parse` accepts and returns the same value (a property
 * test compares the two), with one bound: nesting deeper than {@link MAX_JSON_DEPTH} is refused
 * by name instead of overflowing the stack.
 *
 * Fast path (issue 22: a sheet bundle's 250 KB sheet read by hand was the desk worker's largest
 * cost): `JSON.parse` reads the text and the value's own keys are counted (its nesting bounded as
 * they are); the text names at least as many members as the value has keys (a duplicate keeps
 * one), and at most as many as it has `:` characters (each member has one outside its strings;
 * a string may hold more). So when the keys equal the `:` counted by the engine's own search
 * (`indexOf`), or else the members counted outside strings by a pass over the text, no key was
 * named twice and that value is the answer. Anything else — a text `JSON.parse` refuses, a
 * duplicate, nesting past the bound — is read again by hand ({@link readStrictJson}), which
 * refuses it with its path. A property test holds both to the same answers.
 */

export const MAX_JSON_DEPTH = 256;

export class StrictJsonError extends Error {
  override name = 'StrictJsonError';
  constructor(
    message: string,
    /** Where it went wrong: a key path such as `signers[1].role`, or `/` for the top level. */
    readonly path: string,
    /** Offset in the text (UTF-16 code units). */
    readonly offset: number,
  ) {
    super(message);
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

type Segment = string | number;

function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '/' : out;
}

/** The `:` characters of the text, inside strings or not (at least its members, in valid JSON). */
function colonsIn(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) count++;
  return count;
}

/** The members of the JSON text (`:` outside strings; valid JSON assumed, `JSON.parse` read it). */
function membersOf(text: string): number {
  let members = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: to its closing quote, stepping over escapes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x3a) members++;
  }
  return members;
}

/**
 * The own keys of every object in `value` (an object or array `JSON.parse` made, at nesting
 * `depth`), or -1 when some object or array in it lies deeper than {@link MAX_JSON_DEPTH}.
 */
function keysIn(value: object, depth: number): number {
  if (depth > MAX_JSON_DEPTH) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const inner = keysIn(item, depth + 1);
      if (inner < 0) return -1;
      count += inner;
    }
    return count;
  }
  for (const key of Object.keys(value)) {
    count++;
    const item: unknown = Reflect.get(value, key);
    if (typeof item !== 'object' || item === null) continue;
    const inner = keysIn(item, depth + 1);
    if (inner < 0) return -1;
    count += inner;
  }
  return count;
}

/**
 * Parses JSON text, refusing duplicate keys in any object (the fast path above, else
 * {@link readStrictJson}).
 * @throws {StrictJsonError} naming the key path, e.g. `重复的键 "role"（位置 signers[1].role，…）`.
 */
export function parseStrictJson(text: string): unknown {
  let value: unknown;
  let parsed = true;
  try {
    value = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (parsed) {
    if (typeof value !== 'object' || value === null) return value;
    const keys = keysIn(value, 1);
    if (keys >= 0 && (keys === colonsIn(text) || keys === membersOf(text))) return value;
  }
  return readStrictJson(text);
}

/**
 * Parses JSON text by hand, refusing duplicate keys in any object: the definition the fast path
 * of {@link parseStrictJson} is held to (exported for that test).
 * @throws {StrictJsonError} naming the key path, e.g. `重复的键 "role"（位置 signers[1].role，…）`.
 */
export function readStrictJson(text: string): unknown {
  let i = 0;
  const path: Segment[] = [];

  const fail = (message: string, at = i): never => {
    const where = formatPath(path);
    throw new StrictJsonError(`${message}（位置 ${where}，第 ${at} 个字符）`, where, at);
  };
  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const describe = (at: number) =>
    at >= text.length ? '文本意外结束' : `意外的字符 ${JSON.stringify(text[at])}`;

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let simple = true;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail('字符串未结束', start);
      if (c === 0x22) break;
      if (c < 0x20) fail('字符串中有未转义的控制字符');
      if (c === 0x5c) {
        simple = false;
        i += 2;
        continue;
      }
      i++;
    }
    i++; // closing quote
    if (simple) return text.slice(start + 1, i - 1);
    try {
      // The token's bounds are known; JSON.parse decodes its escapes exactly as the standard says.
      const decoded: unknown = JSON.parse(text.slice(start, i));
      if (typeof decoded === 'string') return decoded;
    } catch {
      // fall through
    }
    return fail('字符串中有无效的转义', start);
  };

  const parseValue = (depth: number): unknown => {
    skipWhitespace();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_JSON_DEPTH) fail(`嵌套超过 ${MAX_JSON_DEPTH} 层`);
      return c === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) return ((i += 4), true);
    if (text.startsWith('false', i)) return ((i += 5), false);
    if (text.startsWith('null', i)) return ((i += 4), null);
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return Number(m[0]);
    }
    return fail(describe(i));
  };

  const parseArray = (depth: number): unknown[] => {
    i++;
    const out: unknown[] = [];
    skipWhitespace();
    if (text[i] === ']') return (i++, out);
    for (;;) {
      path.push(out.length);
      out.push(parseValue(depth));
      path.pop();
      skipWhitespace();
      if (text[i] === ',') i++;
      else if (text[i] === ']') return (i++, out);
      else fail(describe(i));
    }
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    i++;
    const entries: [string, unknown][] = [];
    const seen = new Set<string>();
    skipWhitespace();
    if (text[i] === '}') return (i++, {});
    for (;;) {
      skipWhitespace();
      if (text[i] !== '"') fail(`应为键名：${describe(i)}`);
      const keyAt = i;
      const key = parseString();
      path.push(key);
      if (seen.has(key)) fail(`重复的键 ${JSON.stringify(key)}`, keyAt);
      seen.add(key);
      skipWhitespace();
      if (text[i] !== ':') fail(`应为冒号“:”：${describe(i)}`);
      i++;
      entries.push([key, parseValue(depth)]);
      path.pop();
      skipWhitespace();
      if (text[i] === ',') i++;
      else if (text[i] === '}') break;
      else fail(describe(i));
    }
    i++;
    // Object.fromEntries defines own properties, as JSON.parse does (a "__proto__" key included).
    return Object.fromEntries(entries);
  };

  const value = parseValue(0);
  skipWhitespace();
  if (i < text.length) fail(`JSON 之后还有内容：${describe(i)}`);
  return value;
}
