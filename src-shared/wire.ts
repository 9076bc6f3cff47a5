/**
 * JSON with bytes, for the web host's HTTP transport: a Uint8Array travels as
 * `{ "$bytes": "<base64>" }`. Electron's IPC needs none of this (structured clone keeps bytes).
 */
import { base64 } from '@scure/base';

const TAG = '$bytes';

/** Whether `value` holds bytes anywhere (deep structures answer yes: the slow path is safe). */
export function hasBytes(value: unknown, depth = 0): boolean {
  if (value instanceof Uint8Array) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (depth > 64) return true;
  if (Array.isArray(value)) return value.some((v) => hasBytes(v, depth + 1));
  for (const k in value) if (hasBytes(Reflect.get(value, k), depth + 1)) return true;
  return false;
}

export function encodeWire(value: unknown): string {
  // The replacer costs a call per value: skip it when there are no bytes (most records).
  if (!hasBytes(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { [TAG]: base64.encode(v) } : v,
  );
}

function isTagged(v: unknown): v is { [TAG]: string } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === TAG && typeof Reflect.get(v, TAG) === 'string';
}

/** Whether wire JSON may hold bytes (false: it holds none; true may be a text that looks so). */
export const hasWireBytes = (text: string): boolean => text.includes(`"${TAG}"`);

/** Parses wire JSON; throws SyntaxError on malformed JSON or base64. */
export function decodeWire(text: string): unknown {
  // The reviver costs a call per value: skip it when no bytes were encoded (most records).
  if (!hasWireBytes(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => (isTagged(v) ? base64.decode(v[TAG]) : v));
}
