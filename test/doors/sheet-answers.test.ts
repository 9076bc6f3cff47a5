/**
 * A sheet bundle made for another review package file of the same 评审包编号 (another issue,
 * another bureau key): the chair's import refuses it (`checkImport`, the one policy every app door
 * calls), and `jiebang score` / `export` given the package's signed file refuse it in the same
 * words (`notAnsweringText`); given the package as JSON, where nothing can be checked, they say so.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANSWERS_UNCHECKED_TEXT,
  applyImport,
  checkImport,
  emptyTrust,
  openBundle,
  type TrustState,
} from '../../src-shared/bundle';
import { ScoreSheetSchema } from '../../src-shared/model';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { sheetBundleFor } from '../fixtures/bundles';

const PKG_JBX = 'resources/sample/review-package.jbx';
const PKG_JSON = 'resources/sample/review-package.json';
let dir = '';
let trust: TrustState = emptyTrust();
let reason = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jb-answers-'));
  const rp = await openBundle(new Uint8Array(await readFile(PKG_JBX)), { crypto: nodeCrypto });
  if (!rp.ok) throw new Error(rp.error.message);
  const verdict = checkImport(rp.bundle, emptyTrust());
  trust = applyImport(emptyTrust(), rp.bundle, verdict);
  const sheets = await Promise.all(
    ['E01', 'E02'].map(async (id) =>
      ScoreSheetSchema.parse(
        JSON.parse(await readFile(`resources/sample/sheets/${id}.json`, 'utf8')),
      ),
    ),
  );
  const [e01, e02] = sheets;
  if (!e01 || !e02) throw new Error('sample sheets missing');
  await writeFile(
    join(dir, 'E01.jbx'),
    await sheetBundleFor(e01, { answers: rp.bundle.manifestSha256 }),
  );
  // E02's sheet as made for another file of KLMY-2026-JB-001: its answers cite that file.
  const other = await sheetBundleFor(e02, { answers: 'ab'.repeat(32) });
  await writeFile(join(dir, 'E02.jbx'), other);
  const opened = await openBundle(other, { crypto: nodeCrypto });
  if (!opened.ok) throw new Error(opened.error.message);
  const app = checkImport(opened.bundle, trust);
  reason = app.action === 'refuse' ? app.reason : '';
});

describe('a sheet bundle for another package file, at every door', () => {
  it('the chair’s import refuses it, naming both files', () => {
    expect(reason).toBe(
      `此专家评分表不是针对当前评审包文件作出的：它所回应的评审包文件（清单摘要 abababababababab…）不是当前评审包文件（${trust.packageManifestSha256?.slice(0, 16) ?? ''}…）`,
    );
  });
  it('jiebang score and export given the signed package refuse it in the same words, nothing written', async () => {
    const sheet = join(dir, 'E02.jbx');
    const score = await run('score', '--package', PKG_JBX, join(dir, 'E01.jbx'), sheet);
    expect(score.code).toBe(2);
    expect(score.err).toContain(`${sheet}：${reason}`);
    const out = join(dir, 'out.csv');
    const exported = await run('export', '--csv', out, '--package', PKG_JBX, sheet);
    expect(exported.code).toBe(2);
    expect(exported.err).toContain(`${sheet}：${reason}`);
    expect(existsSync(out)).toBe(false);
  });
  it('the sheet answering the signed package is counted; given JSON, score says what it could not check', async () => {
    const good = join(dir, 'E01.jbx');
    const signed = await run('score', '--package', PKG_JBX, good, '--json');
    expect(signed.code).toBe(0);
    expect(signed.err).not.toContain(ANSWERS_UNCHECKED_TEXT);
    const plain = await run('score', '--package', PKG_JSON, join(dir, 'E02.jbx'), '--json');
    expect(plain.code).toBe(0);
    expect(plain.err).toContain(`! ${ANSWERS_UNCHECKED_TEXT}`);
  });
});
