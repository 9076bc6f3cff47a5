/**
 * The CLI's JSON documents, as `jiebang pack` reads its package: the file read within its bound,
 * strict JSON, a bundle or a document of another kind named as such, and the review package's
 * schema. Apart from ./io.ts (which re-exports them) so that `pack` does not load the score
 * sheets' readers (CSV, papaparse) it never uses (issue 22: every module is loaded at each start).
 */
import { KINDS, openBundle } from '../../src-shared/bundle';
import {
  bundleInsteadOfText,
  capLines,
  jsonWanted,
  looksLikeZip,
  readJson,
  READ_LIMITS,
} from '../../src-shared/io';
import {
  documentLabel,
  otherDocumentText,
  ReviewPackageSchema,
  type DocumentKind,
  type ReviewPackage,
} from '../../src-shared/model';
import { PACKAGE_LABELS } from '../../src-shared/model/labels';
import { describeSchemaIssues } from '../../src-shared/model/labels/describe';
import { nodeCrypto } from '../crypto/node-crypto';
import { readBounded } from './bounded';
import { CliUsageError } from './types';

/**
 * Reads and parses a JSON file (size bound, UTF-8 / BOM / GB18030, `parseJsonText`); `what` names
 * the document read (「任务书」) when a bundle is given instead.
 */
export async function readJsonFile(cwd: string, path: string, what?: string): Promise<unknown> {
  const bytes = await readBounded(cwd, path, READ_LIMITS.jsonBytes);
  const read = readJson(bytes, path, undefined, what);
  if (read.ok) return read.value;
  if (looksLikeZip(bytes)) {
    // A bundle given for a JSON: named by its kind when it opens without keys.
    const opened = await openBundle(bytes, { crypto: nodeCrypto });
    if (opened.ok)
      throw new CliUsageError(
        bundleInsteadOfText(path, jsonWanted(what), KINDS[opened.bundle.kind].label),
      );
  }
  throw new CliUsageError(read.message);
}

/**
 * A JSON document of one kind (a task book, an assignment…): read as `readJsonFile` reads it, a
 * bundle given instead named by its kind, and a document of another kind named as that kind
 * (「这是评审包，不是任务书」, `otherDocumentText`) before the door's schema lists its fields.
 */
export async function readJsonDocument(
  cwd: string,
  path: string,
  kind: DocumentKind,
): Promise<unknown> {
  const raw = await readJsonFile(cwd, path, documentLabel(kind));
  const other = otherDocumentText(raw, kind);
  if (other) throw new CliUsageError(`${path}：${other}`);
  return raw;
}

/**
 * A review package's JSON value by its schema, or refused naming each field in the package's
 * words (`describeSchemaIssues`, `PACKAGE_LABELS`) — the one refusal of every command that reads a
 * package (pack, score, check's --package, export). `name` is how the file was given.
 */
export function parseReviewPackage(raw: unknown, name: string): ReviewPackage {
  const parsed = ReviewPackageSchema.safeParse(raw);
  if (!parsed.success)
    throw new CliUsageError(
      `${name} 不是有效的评审包：\n  ${capLines(describeSchemaIssues(parsed.error, PACKAGE_LABELS)).join('\n  ')}`,
    );
  return parsed.data;
}
