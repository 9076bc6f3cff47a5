/**
 * The sheets (and the decision) a command works from: either one panel bundle (.jbx, verified and
 * decrypted; its inner signed sheets and its transcribed paper sheets) or sheet files (JSON,
 * sheet bundles, paper-sheet CSV), plus an optional `--decision DECISION.json`. Shared by
 * `jiebang export`, `print` and `verify-print`, so each reads a panel the same way.
 */
import { extname } from 'node:path';
import { KINDS, notAnsweringText, openBundle, panelResultSources } from '../../src-shared/bundle';
import type { AgeKey } from '../../src-shared/crypto/age';
import type { SheetSource } from '../../src-shared/decision';
import type { FormRecord } from '../../src-shared/meeting';
import { capLines } from '../../src-shared/io';
import {
  PanelDecisionSchema,
  type PanelDecision,
  type ReviewPackage,
} from '../../src-shared/model';
import { DECISION_LABELS } from '../../src-shared/model/labels';
import { describeSchemaIssues } from '../../src-shared/scoring';
import { nodeCrypto } from '../crypto/node-crypto';
import { readBundleFile } from './bounded';
import { ageKeys } from './bundle-io';
import { openReviewPackage, readJsonDocument, readSheetFiles } from './io';
import { CliUsageError } from './types';

export interface PanelInputs {
  sources: SheetSource[];
  decision: PanelDecision | null;
}

export async function readPanelInputs(
  cwd: string,
  files: readonly string[],
  pkg: ReviewPackage,
  keys: readonly AgeKey[],
  decisionFile?: string,
  packageManifestSha256: string | null = null,
): Promise<PanelInputs> {
  let sources: SheetSource[];
  let decision: PanelDecision | null = null;
  const [first] = files;
  const firstBytes =
    files.length === 1 && first !== undefined && extname(first).toLowerCase() === '.jbx'
      ? await readBundleFile(cwd, first)
      : null;
  const opened = firstBytes ? await openBundle(firstBytes, { crypto: nodeCrypto, keys }) : null;
  if (opened && !opened.ok)
    throw new CliUsageError(`${first}：文件包校验失败：${opened.error.message}`);
  if (first !== undefined && opened?.ok && opened.bundle.kind === 'panel-result') {
    const b = opened.bundle;
    const other =
      packageManifestSha256 === null
        ? null
        : notAnsweringText(KINDS['panel-result'].label, b.manifest.answers, packageManifestSha256);
    if (other) throw new CliUsageError(`${first}：${other}`);
    decision = b.document;
    sources = panelResultSources(b, first);
  } else {
    sources = await readSheetFiles(cwd, files, pkg, keys, packageManifestSha256);
  }
  if (decisionFile !== undefined) {
    const parsed = PanelDecisionSchema.safeParse(
      await readJsonDocument(cwd, decisionFile, 'panel-decision'),
    );
    if (!parsed.success)
      throw new CliUsageError(
        `${decisionFile} 不是有效的专家组意见：\n  ${capLines(describeSchemaIssues(parsed.error, DECISION_LABELS)).join('\n  ')}`,
      );
    decision = parsed.data;
  }
  return { sources, decision };
}

/** The record the forms are made from: the package, the sheets (a panel bundle or files), the decision. */
export async function formRecord(
  cwd: string,
  pkgPath: string,
  files: readonly string[],
  opts: { decision?: string; identity?: string; passphraseFile?: string },
): Promise<FormRecord> {
  const { pkg, manifestSha256 } = await openReviewPackage(cwd, pkgPath);
  if (files.length === 0 && opts.decision === undefined)
    return { pkg, sources: [], decision: null };
  const keys = await ageKeys(cwd, opts.identity, opts.passphraseFile);
  const { sources, decision } = await readPanelInputs(
    cwd,
    files,
    pkg,
    keys,
    opts.decision,
    manifestSha256,
  );
  return { pkg, sources, decision };
}
