/**
 * Checking a printed task book against the signed record (`jiebang verify-print` and the 核验打印件
 * screen): the code printed on the last page (or read from its QR code) is the SHA-256 of the
 * canonical task-book JSON (RFC 8785).
 */
import { notKindText, openBundle, type BundleSigner } from '../bundle';
import { canonicalHash } from '../canonical';
import type { AgeKey } from '../crypto/age';
import type { CryptoProvider } from '../crypto/provider';
import { readJson } from '../io';
import { compactCode, normaliseId } from '../text/normalize';
import { TaskBookSchema, type TaskBook } from '../model';
import { TASKBOOK_LABELS } from '../model/labels';
import { describeSchemaIssues } from '../scoring/sheet';

/** The verification code of a task book: SHA-256 of its canonical JSON. */
export const taskBookCode = (tb: TaskBook): string => canonicalHash(tb);

/** What the QR code holds: `jiebang:taskbook:<id>:<code>`. */
export const taskBookQrText = (tb: TaskBook): string =>
  `jiebang:taskbook:${tb.taskBookId}:${taskBookCode(tb)}`;

/**
 * Reads a code as typed from paper or scanned from the QR code: spaces, line breaks, hyphens,
 * case, full-width forms and invisible characters do not matter (`compactCode`); null when it is
 * not 64 hex digits.
 */
export function parsePrintedCode(input: string): { code: string; taskBookId?: string } | null {
  const text = normaliseId(input);
  const qr = /^jiebang:taskbook:([^:\s]+):([0-9a-fA-F\s-]+)$/.exec(text);
  const code = compactCode(qr?.[2] ?? text);
  if (!/^[0-9a-f]{64}$/.test(code)) return null;
  return qr?.[1] ? { code, taskBookId: qr[1] } : { code };
}

export type PrintCheck =
  | { match: true; taskBookId: string; status: TaskBook['status'] }
  | { match: false; taskBookId: string; expected: string; printed: string; reason: string };

export function comparePrinted(
  printed: { code: string; taskBookId?: string },
  tb: TaskBook,
): PrintCheck {
  const expected = taskBookCode(tb);
  if (printed.taskBookId !== undefined && printed.taskBookId !== tb.taskBookId)
    return {
      match: false,
      taskBookId: tb.taskBookId,
      expected,
      printed: printed.code,
      reason: `打印件属于任务书 ${printed.taskBookId}，不是 ${tb.taskBookId}`,
    };
  if (printed.code === expected)
    return { match: true, taskBookId: tb.taskBookId, status: tb.status };
  return {
    match: false,
    taskBookId: tb.taskBookId,
    expected,
    printed: printed.code,
    reason: '打印件与此任务书不符（内容被改动，或不是同一版本）',
  };
}

/** JSON text (`{`, after an optional UTF-8 BOM and whitespace), as opposed to a bundle. */
export function isJsonText(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09) i++;
  return bytes[i] === 0x7b;
}

export type TaskBookFile =
  | { ok: true; tb: TaskBook; signer?: BundleSigner }
  | { ok: false; needsKey: boolean; message: string };

/**
 * A task book from a file: a task-book bundle (verified in full first with `crypto`; `keys` open
 * an encrypted one) or the task book's JSON itself. `signer` is the bundle's author.
 */
export async function readTaskBookFile(
  bytes: Uint8Array,
  crypto: CryptoProvider,
  keys?: readonly AgeKey[],
): Promise<TaskBookFile> {
  if (isJsonText(bytes)) {
    const raw = readJson(bytes, '任务书文件');
    if (!raw.ok) return { ok: false, needsKey: false, message: raw.message };
    const parsed = TaskBookSchema.safeParse(raw.value);
    return parsed.success
      ? { ok: true, tb: parsed.data }
      : {
          ok: false,
          needsKey: false,
          message: `不是有效的任务书（${describeSchemaIssues(parsed.error, TASKBOOK_LABELS).slice(0, 3).join('；')}）`,
        };
  }
  const opened = await openBundle(bytes, keys ? { crypto, keys } : { crypto });
  if (!opened.ok)
    return {
      ok: false,
      needsKey: opened.error.code === 'needs-key',
      message: `文件包校验失败：${opened.error.message}`,
    };
  if (opened.bundle.kind !== 'task-book')
    return {
      ok: false,
      needsKey: false,
      message: notKindText('task-book', opened.bundle.kind),
    };
  return { ok: true, tb: opened.bundle.document, signer: opened.bundle.manifest.signers[0] };
}
