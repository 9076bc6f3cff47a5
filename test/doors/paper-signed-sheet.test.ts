/**
 * A paper transcription of an expert who has a signed electronic sheet (README 纸质评分录入): the
 * one rule (`whichSheetCounts`, src-shared/decision/gather.ts) through the chair's paper import and
 * desk and through `jiebang score`/`export`/`check`, the same files at each door. The chair (E01)
 * has submitted E01's own sheet on the device and imported E05's signed sheet bundle; the
 * secretary's transcriptions of E01's paper (A01's C1 typed 10: a total of 80.5, not 88) and of
 * E05's are refused by the app by name, nothing kept, and the CLI given the signed bundles and the
 * same CSV sets the transcriptions aside with the same sentence and ranks on the signed sheets —
 * the desk's ranking.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSWERS_UNCHECKED_TEXT } from '../../src-shared/bundle';
import { describe, expect, it } from 'vitest';
import paperCsv from '../../resources/sample/paper-sheets.csv?raw';
import { sheetBundle } from '../../src-shared/bundle/test-helpers';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { analysePanel, whichSheetCounts } from '../../src-shared/decision';
import { fmt2 } from '../../src-shared/money';
import { wholePdf } from '../../src-shared/io/pdf-fixture';
import { sampleSheets } from '../../src-shared/sample-fixture';
import { runForTestIn } from '../../src-main/cli/run-for-test';
import { auditLog, getMeta } from '../../src-renderer/src/db/repo';
import { say } from '../../src-renderer/src/i18n/strings';
import { importSheets, loadGathered } from '../../src-renderer/src/workflows/chair';
import { deskSheets } from '../../src-renderer/src/workflows/desk';
import {
  enrol,
  importPackage,
  submitSheet,
  verifyPackage,
} from '../../src-renderer/src/workflows/expert';
import { importPaperTranscription, loadPaperSheets } from '../../src-renderer/src/workflows/paper';
import { freshDeps, samplePackageBundle } from '../../src-renderer/src/workflows/test-db';

const PKG = join(process.cwd(), 'resources/sample/review-package.json');
const sheetOf = (id: string) => {
  const s = sampleSheets().find((x) => x.expertId === id);
  if (!s) throw new Error(`no sample sheet ${id}`);
  return s;
};
/** E01's four rows as the tester typed them (A01's C1 10 instead of 17.5) and E05's rows. */
const E01_DIFF = [
  '专家编号,揭榜方编号,回避类型,回避理由,C1,C2,C3,C4,总体意见,偏离理由',
  'E01,A01,,,10,35,17.5,18,方案先进可行，建议支持。,',
  'E01,A02,,,17,34.5,17,17.5,方案先进可行，建议支持。,',
  'E01,A03,,,17,34,17,17,方案先进可行，建议支持。,',
  'E01,A04,,,14.5,29,14.5,14,方案基本可行，建议补充论证。,',
].join('\n');
const E05_ROWS = paperCsv
  .split('\n')
  .filter((l, i) => i === 0 || l.startsWith('E05,'))
  .join('\n');
const SENTENCE = (id: string) =>
  whichSheetCounts(
    { origin: `${id}.jbx`, standing: 'signed' },
    { origin: 'paper.csv', standing: 'paper' },
    id,
  ).sentence;
const utf8 = (text: string) => new TextEncoder().encode(text);
const scan = { name: 'signed.pdf', bytes: wholePdf('scan of the wet-signed sheets') };

/** The chair's device: E01's own sheet submitted, E05's signed bundle imported. */
async function chairDevice() {
  const deps = freshDeps();
  const { bytes } = await samplePackageBundle();
  const verified = await verifyPackage(deps, bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  const pkg = verified.bundle.document;
  await importPackage(deps, 'E01', verified.bundle);
  const { enrolment } = await enrol(deps, pkg, 'E01');
  const own = await submitSheet(deps, pkg, { ...sheetOf('E01'), status: 'draft' }, enrolment);
  const e05 = await sheetBundle(
    sheetOf('E05'),
    generateSigningKey(),
    verified.bundle.manifestSha256,
  );
  await importSheets(deps, 'E01', pkg, [{ name: 'E05.jbx', bytes: e05 }]);
  return { deps, pkg, own, e05, manifest: verified.bundle.manifestSha256 };
}

describe('a transcription of an expert with a signed sheet, at the app and the CLI', () => {
  it('the app refuses it by name and keeps nothing; the CLI sets it aside with the same sentence; both rank on the signed sheets', async () => {
    const { deps, pkg, own, e05, manifest } = await chairDevice();
    const before = (await auditLog(deps.db)).length;
    const refused = async (name: string, text: string) => {
      const r = await importPaperTranscription(
        deps,
        'E01',
        { pkg, csv: { name, bytes: utf8(text) }, typist: '李秘书', scan },
        async () => ({ ok: false, message: 'no workbook here' }),
      );
      return r.kind === 'refused' ? r.problems.map((p) => say('zh', p)) : r.kind;
    };
    const redo = (ids: string) =>
      `本次转录未导入，请从文件中删去专家 ${ids} 的行（其签名的电子评分表已计入）后重新导入。`;
    expect(await refused('e01-diff.csv', E01_DIFF)).toEqual([
      `e01-diff.csv：${SENTENCE('E01')}；${redo('E01')}`,
    ]);
    expect(await refused('e05.csv', E05_ROWS)).toEqual([
      `e05.csv：${SENTENCE('E05')}；${redo('E05')}`,
    ]);
    // Both in one file: one refusal naming both, saying whose rows to remove.
    const both = [E01_DIFF, ...E05_ROWS.split('\n').slice(1)].join('\n');
    expect(await refused('both.csv', both)).toEqual([
      `both.csv：${SENTENCE('E01')}；${SENTENCE('E05')}；${redo('E01、E05')}`,
    ]);
    expect(await getMeta(deps.db, 'paperSheets')).toBeUndefined();
    expect(await auditLog(deps.db)).toHaveLength(before);
    expect(SENTENCE('E01')).toBe(
      '专家 E01 已有签名的电子评分表，纸质评分表转录不予采用（签名的电子评分表优先）',
    );

    // The desk: E01's own sheet (88 for A01), E05's bundle, no transcription.
    const gathered = await loadGathered(deps.db, pkg.packageId);
    const paper = await loadPaperSheets(deps.db, pkg.packageId);
    const deskRanking = analysePanel(pkg, deskSheets(pkg, gathered, own, paper)).agg.results.map(
      (r) => ({
        applicantId: r.applicantId,
        final: r.final === null ? null : fmt2(r.final),
        experts: r.experts.map((e) => [e.expertId, fmt2(e.total)]),
      }),
    );
    expect(deskRanking.find((r) => r.applicantId === 'A01')?.experts).toContainEqual([
      'E01',
      '88.00',
    ]);

    // The CLI with the signed sheets and the same transcriptions, in either order.
    const dir = await mkdtemp(join(tmpdir(), 'jb-paper-signed-'));
    await writeFile(join(dir, 'E01.jbx'), await sheetBundle(own, generateSigningKey(), manifest));
    await writeFile(join(dir, 'E05.jbx'), e05);
    await writeFile(join(dir, 'e01-diff.csv'), E01_DIFF);
    await writeFile(join(dir, 'e05.csv'), E05_ROWS);
    const set = [
      `! e01-diff.csv不予计入：${SENTENCE('E01')}`,
      `! e05.csv不予计入：${SENTENCE('E05')}`,
      // The package given as JSON: the sheet bundles' answers cannot be checked, and it says so.
      `! ${ANSWERS_UNCHECKED_TEXT}`,
    ];
    for (const files of [
      ['E01.jbx', 'E05.jbx', 'e01-diff.csv', 'e05.csv'],
      ['e01-diff.csv', 'e05.csv', 'E01.jbx', 'E05.jbx'],
    ]) {
      const score = await runForTestIn(dir, 'score', '--package', PKG, ...files, '--json');
      expect(score.code).toBe(0);
      expect(score.err.trim().split('\n').sort()).toEqual(set);
      const ranking: unknown = JSON.parse(score.out).ranking.map(
        (r: {
          applicantId: string;
          final: string | null;
          experts: { expertId: string; total: string }[];
        }) => ({
          applicantId: r.applicantId,
          final: r.final,
          experts: r.experts.map((e) => [e.expertId, e.total]),
        }),
      );
      expect(ranking).toEqual(deskRanking);
    }
    const exported = await runForTestIn(
      dir,
      'export',
      '--package',
      PKG,
      'E01.jbx',
      'e01-diff.csv',
      '--csv',
      'out.csv',
    );
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(`${set[2]}\n${set[0]}\n`);
  });

  it('two unsigned sheets of one expert: the later given counts, said once, at the CLI as the app’s re-import replaces', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-paper-unsigned-'));
    await writeFile(join(dir, 'E01.json'), JSON.stringify(sheetOf('E01')));
    await writeFile(join(dir, 'e01-diff.csv'), E01_DIFF);
    const score = await runForTestIn(
      dir,
      'score',
      '--package',
      PKG,
      'E01.json',
      'e01-diff.csv',
      '--json',
    );
    expect(score.err).toBe(
      '! E01.json不予计入：专家 E01 的评分表给出两次（E01.json、e01-diff.csv），以后者为准\n',
    );
    const a01 = JSON.parse(score.out).ranking.find(
      (r: { applicantId: string }) => r.applicantId === 'A01',
    );
    expect(a01.experts.find((e: { expertId: string }) => e.expertId === 'E01').total).toBe('80.50');
  });
});
