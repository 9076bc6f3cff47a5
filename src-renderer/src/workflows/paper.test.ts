/**
 * Paper scores in (issue 19) against a sealed fake-indexeddb database: a transcription refused
 * for want of a typist, a scan or a readable CSV writes nothing; a double entry with one differing
 * cell returns that cell and writes nothing; once the two agree the sheet is kept sealed with an
 * audit entry naming the typist, the desk counts it, and the signed panel result carries it with
 * its scan's hash.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import paperCsv from '../../../resources/sample/paper-sheets.csv?raw';
import bureauKeyFile from '../../../resources/sample/keys/bureau.agekey?raw';
import { openBundle } from '../../../src-shared/bundle';
import type { WorkbookReader } from '../../../src-shared/bureau';
import { sheetBundle } from '../../../src-shared/bundle/test-helpers';
import { ageDecrypt } from '../../../src-shared/crypto/age';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { sha256HexWith } from '../../../src-shared/crypto/provider';
import { wholePdf } from '../../../src-shared/io/pdf-fixture';
import { sampleDecision, sampleSheets } from '../../../src-shared/sample-fixture';
import { auditLog, getMeta } from '../db/repo';
import { say } from '../i18n/strings';
import { importSheets, signDecision } from './chair';
import type { SaveFile } from './deps';
import { deskSheets } from './desk';
import { enrol, importPackage, submitSheet, verifyPackage } from './expert';
import { importPaperTranscription, loadPaperSheets } from './paper';
import { freshDeps, samplePackageBundle } from './test-db';

async function chairWithPackage() {
  const deps = freshDeps();
  const { bytes } = await samplePackageBundle();
  const verified = await verifyPackage(deps, bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  return { deps, pkg: verified.bundle.document, manifest: verified.bundle.manifestSha256 };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** The sample transcription's header and E05's rows. */
const e05 = paperCsv
  .split('\n')
  .filter((l, i) => i === 0 || l.startsWith('E05,'))
  .join('\n');
const csv = (text: string, name = 'E05.csv') => ({ name, bytes: utf8(text) });
/** No workbook is read in these tests: the XLSX door is main's (test/doors/paper-transcription). */
const noWorkbooks: WorkbookReader = async () => ({ ok: false, message: 'no workbook here' });
const scan = { name: 'E05-signed.pdf', bytes: wholePdf('scan of E05 wet-signed sheet') };

describe('importPaperTranscription', () => {
  it('refuses without typist or scan, a scan that is no PDF or image, a bad CSV: nothing written', async () => {
    const { deps, pkg } = await chairWithPackage();
    const before = (await auditLog(deps.db)).length;

    const none = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: csv(e05),
        typist: ' \u200b ',
        scan: null,
      },
      noWorkbooks,
    );
    expect(none.kind === 'refused' && none.problems).toEqual([
      { key: 'paper.noTypist' },
      { key: 'paper.noScan' },
    ]);
    const badScan = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: csv(e05.replace(/^(E05,A01,,,)[^,]*/m, '$1abc'), 'typed.csv'),
        typist: '秘书 陈静',
        scan: { name: 'notes.txt', bytes: utf8('not a scan') },
      },
      noWorkbooks,
    );
    if (badScan.kind !== 'refused') throw new Error(badScan.kind);
    expect(badScan.problems[0]).toEqual({
      text: 'notes.txt 是文字文件（如 CSV 或 JSON），不是扫描件：签字原件的扫描件须为 PDF、PNG 或 JPEG（32 MiB 以内）',
    });
    expect(badScan.problems.slice(1)).toEqual([
      expect.objectContaining({
        key: 'paper.csvProblem',
        params: expect.objectContaining({ file: 'typed.csv' }),
      }),
    ]);

    // An empty file or one past the bound names itself once (before: 「empty.csv：empty.csv：…」).
    for (const [name, bytes, said] of [
      [
        'empty.csv',
        new Uint8Array(0),
        'empty.csv：文件是空的（0 字节），请从U盘或原发送方重新复制该文件',
      ],
      [
        'million.csv',
        new Uint8Array(9 * 1024 * 1024).fill(0x31),
        'million.csv 过大（9 MiB），超过此类文件的上限 8 MiB，未读取',
      ],
    ] as const) {
      const refused = await importPaperTranscription(
        deps,
        'E01',
        {
          pkg,
          csv: { name, bytes },
          typist: '秘书 陈静',
          scan: { name: 'scan.pdf', bytes: utf8('%PDF-1.7\n') },
        },
        noWorkbooks,
      );
      if (refused.kind !== 'refused') throw new Error(refused.kind);
      expect(refused.problems).toContainEqual({ text: said });
    }

    expect(await getMeta(deps.db, 'paperSheets')).toBeUndefined();
    expect(await auditLog(deps.db)).toHaveLength(before);
  });

  it('double entry: returns the differing cell and writes nothing, then keeps the agreed sheet sealed', async () => {
    const { deps, pkg } = await chairWithPackage();
    const before = (await auditLog(deps.db)).length;
    // The second typist read E05's C2 for A02 as 33.5.
    const typo = e05.replace(/^(E05,A02,,,[^,]*,)([^,]*)/m, '$133.5');
    const differ = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: csv(e05),
        typist: '秘书 陈静',
        scan,
        second: { csv: csv(typo, 'E05-second.csv'), typist: '秘书 王芳' },
      },
      noWorkbooks,
    );
    if (differ.kind !== 'differ') throw new Error(differ.kind);
    expect(differ.differences).toHaveLength(1);
    expect(differ.differences[0]).toMatchObject({
      expertId: 'E05',
      applicantId: 'A02',
      second: '33.5',
    });
    expect(differ.differences[0]?.cell).toMatch(/^C2 /);
    expect(await getMeta(deps.db, 'paperSheets')).toBeUndefined();
    expect(await auditLog(deps.db)).toHaveLength(before);

    const same = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: csv(e05),
        typist: '秘书 陈静',
        scan,
        second: { csv: csv(e05, 'E05-second.csv'), typist: '秘书 陈静' },
      },
      noWorkbooks,
    );
    expect(same).toEqual({
      kind: 'refused',
      problems: [{ key: 'paper.sameTypist', params: { name: '秘书 陈静' } }],
    });

    const agreed = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: csv(e05),
        typist: '秘书 陈静',
        scan,
        second: { csv: csv(e05, 'E05-second.csv'), typist: '秘书 王芳' },
      },
      noWorkbooks,
    );
    if (agreed.kind !== 'imported') throw new Error(agreed.kind);
    expect(agreed.experts).toEqual(['E05']);
    const [kept] = await loadPaperSheets(deps.db, pkg.packageId);
    expect(kept?.record).toMatchObject({
      transcribedBy: '秘书 陈静',
      checkedBy: '秘书 王芳',
      scan: { path: 'paper/E05.pdf', sha256: sha256HexWith(deps.crypto, scan.bytes) },
    });
    expect(kept?.scan).toEqual(scan.bytes);
    expect((await auditLog(deps.db)).at(-1)).toMatchObject({
      actor: 'E01',
      action: 'paper.import',
      details: { typist: '秘书 陈静', checkedBy: '秘书 王芳' },
    });
    expect(deskSheets(pkg, [], null, [kept ?? never()]).map((s) => s.expertId)).toEqual(['E05']);
  });

  it('refuses a transcription of an expert whose signed sheet bundle is gathered', async () => {
    const { deps, pkg, manifest } = await chairWithPackage();
    const e05Sheet = sampleSheets().find((s) => s.expertId === 'E05') ?? never();
    await importSheets(deps, 'E01', pkg, [
      { name: 'E05.jbx', bytes: await sheetBundle(e05Sheet, generateSigningKey(), manifest) },
    ]);
    const r = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: csv(e05),
        typist: '秘书 陈静',
        scan,
      },
      noWorkbooks,
    );
    expect(r).toEqual({
      kind: 'refused',
      problems: [
        {
          key: 'paper.setAside',
          params: {
            file: 'E05.csv',
            sentence: {
              items: [
                '专家 E05 已有签名的电子评分表，纸质评分表转录不予采用（签名的电子评分表优先）',
              ],
              sep: 'clause',
            },
            experts: { items: ['E05'], sep: 'list' },
          },
        },
      ],
    });
  });

  it('refuses a transcription of the chair whose own sheet is submitted on this device, nothing kept', async () => {
    const { deps, pkg } = await chairWithPackage();
    const { enrolment } = await enrol(deps, pkg, 'E01');
    const e01 = sampleSheets().find((s) => s.expertId === 'E01') ?? never();
    await submitSheet(deps, pkg, { ...e01, status: 'draft' }, enrolment);
    const before = (await auditLog(deps.db)).length;
    const rows = paperCsv
      .split('\n')
      .filter((l, i) => i === 0 || l.startsWith('E01,') || l.startsWith('E05,'))
      .join('\n');
    const r = await importPaperTranscription(
      deps,
      'E01',
      { pkg, csv: csv(rows, 'paper.csv'), typist: '李秘书', scan },
      noWorkbooks,
    );
    expect(r.kind === 'refused' && r.problems.map((p) => say('zh', p))).toEqual([
      'paper.csv：专家 E01 已有签名的电子评分表，纸质评分表转录不予采用（签名的电子评分表优先）；本次转录未导入，请从文件中删去专家 E01 的行（其签名的电子评分表已计入）后重新导入。',
    ]);
    // All or nothing: E05's rows are not kept either.
    expect(await getMeta(deps.db, 'paperSheets')).toBeUndefined();
    expect(await auditLog(deps.db)).toHaveLength(before);
  });
});

function never(): never {
  throw new Error('missing');
}

const bureauIdentity = () =>
  bureauKeyFile
    .split('\n')
    .filter((l) => l.startsWith('AGE-SECRET-KEY-'))
    .join('');

describe('signDecision with paper sheets', () => {
  it('carries the stored transcription and its scan in the signed panel result', async () => {
    const { deps, pkg, manifest } = await chairWithPackage();
    const [own, e02] = sampleSheets();
    if (!own || !e02) throw new Error('sample sheets');
    const { enrolment } = await enrol(deps, pkg, 'E01');
    const { gathered } = await importSheets(deps, 'E01', pkg, [
      { name: 'E02.jbx', bytes: await sheetBundle(e02, generateSigningKey(), manifest) },
    ]);
    const imported = await importPaperTranscription(
      deps,
      'E01',
      {
        pkg,
        csv: csv(e05),
        typist: '秘书 陈静',
        scan,
      },
      noWorkbooks,
    );
    expect(imported.kind).toBe('imported');
    const save = vi.fn<SaveFile>(async (file) => ({ saved: true, name: file.name }));

    const outcome = await signDecision(
      { ...deps, save },
      { pkg, decision: sampleDecision(), own, gathered, enrolment },
    );

    const zip = await ageDecrypt(outcome.file.bytes, [{ identity: bureauIdentity() }], deps.crypto);
    const opened = await openBundle(zip, { crypto: deps.crypto });
    if (!opened.ok) throw new Error(opened.error.message);
    if (opened.bundle.kind !== 'panel-result') throw new Error(opened.bundle.kind);
    expect(opened.bundle.extra.transcribed).toEqual([
      expect.objectContaining({
        transcribedBy: '秘书 陈静',
        scan: { path: 'paper/E05.pdf', sha256: sha256HexWith(deps.crypto, scan.bytes) },
        sheet: expect.objectContaining({ expertId: 'E05' }),
      }),
    ]);
    expect(opened.bundle.inner).toHaveLength(2);
  });
});
