/**
 * One decision through both doors (issue 14): the chair's desk (the renderer's workflow the
 * screen renders) and `jiebang check` — given the decision and its sheets as files, and given the
 * panel bundle the desk signs — report the same findings.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildBundle, buildSheetBundle, openBundle } from '../../src-shared/bundle';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { initialChoices, analysePanel, type DecisionChoices } from '../../src-shared/decision';
import type { ScoreSheet } from '../../src-shared/model';
import { samplePackage, sampleSheets } from '../../src-shared/sample-fixture';
import {
  buildPanelBundle,
  chairDesk,
  deskSheets,
  type ImportedSheet,
} from '../../src-renderer/src/workflows/desk';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { sha256HexWith } from '../../src-shared/crypto/provider';
import { runForTest } from '../../src-main/cli/run-for-test';

const PKG = 'resources/sample/review-package.json';
const BUREAU_KEY = 'resources/sample/keys/bureau.agekey';
const FindingsSchema = z.object({ findings: z.array(z.unknown()) });
const audit = { head: EMPTY_HEAD, bytes: new TextEncoder().encode('[]') };

async function packageManifest(): Promise<string> {
  const opened = await openBundle(
    new Uint8Array(await readFile('resources/sample/review-package.jbx')),
    { crypto: nodeCrypto },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.bundle.manifestSha256;
}

/** A sheet signed as its expert exports it (a fresh key), answering the sample package. */
async function signedSheet(
  sheet: ScoreSheet,
  manifest: string,
  role: 'expert' | 'chair' = 'expert',
): Promise<ImportedSheet> {
  const bytes = await buildSheetBundle({
    crypto: nodeCrypto,
    sheet,
    signer: {
      role,
      name: sheet.expertId,
      secretKey: generateSigningKey().secretKey,
      counter: 1,
      audit: audit.head,
    },
    answers: manifest,
    files: new Map([['audit.json', audit.bytes]]),
  });
  const opened = await openBundle(bytes, { crypto: nodeCrypto });
  if (!opened.ok) throw new Error(opened.error.message);
  return { expertId: sheet.expertId, manifestSha256: opened.bundle.manifestSha256, bytes, sheet };
}

describe('the chair’s desk and jiebang check judge one decision alike', () => {
  it('4 of 7 sheets (the chair’s own among them), absences recorded, no reason for the thin evidence yet', async () => {
    const pkg = samplePackage();
    const manifest = await packageManifest();
    const [own, e02, e03, e04] = sampleSheets();
    if (!own || !e02 || !e03 || !e04) throw new Error('sample sheets');
    const imported: ImportedSheet[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'jb-doors-'));
    for (const sheet of [e02, e03, e04]) {
      const signed = await signedSheet(sheet, manifest);
      imported.push(signed);
      await writeFile(join(dir, `${sheet.expertId}.jbx`), signed.bytes);
    }
    await writeFile(join(dir, 'E01.json'), JSON.stringify(own));

    // The desk: the chair's own sheet joins without export or import.
    const sheets = deskSheets(pkg, imported, own);
    expect(sheets.map((s) => s.expertId)).toEqual(['E01', 'E02', 'E03', 'E04']);
    const choices: DecisionChoices = {
      ...initialChoices(analysePanel(pkg, sheets).proposal),
      raceStageShare: '0.3',
      funding: { A01: '400', A02: '400' },
      absences: { E05: '因病请假', E06: '航班延误', E07: '临时公务' },
    };
    const desk = chairDesk(pkg, sheets, choices, 'E01', '2026-12-08T16:00:00+08:00');
    expect(desk.canSign).toBe(false);
    expect(desk.findings.filter((f) => f.severity === 'blocking').map((f) => f.rule)).toEqual([
      'aggregation.minValidSheets',
      'aggregation.minValidSheets',
      'aggregation.minValidSheets',
      'aggregation.minValidSheets',
    ]);
    expect(desk.decision.opinion).toContain(
      '按算术平均汇总（评审包规定去掉一个最高分和一个最低分后平均',
    );

    // The same decision and sheets as files, through jiebang check.
    await writeFile(join(dir, 'decision.json'), JSON.stringify(desk.decision));
    const files = ['E01.json', 'E02.jbx', 'E03.jbx', 'E04.jbx'].map((f) => join(dir, f));
    const viaFiles = await runForTest(
      'check',
      join(dir, 'decision.json'),
      '--package',
      PKG,
      ...files,
      '--json',
    );
    expect(viaFiles.code).toBe(1);
    expect(FindingsSchema.parse(JSON.parse(viaFiles.out)).findings).toEqual(desk.findings);

    // The panel bundle as the desk signs it (the chair's own sheet as a sheet bundle inside).
    const chair = { id: 'E01', name: '张志远', secretKey: generateSigningKey().secretKey };
    const ownBytes = await buildSheetBundle({
      crypto: nodeCrypto,
      sheet: own,
      signer: {
        role: 'chair',
        name: chair.name,
        secretKey: chair.secretKey,
        counter: 1,
        audit: audit.head,
      },
      answers: manifest,
      files: new Map([['audit.json', audit.bytes]]),
    });
    const ownOpened = await openBundle(ownBytes, { crypto: nodeCrypto });
    if (!ownOpened.ok) throw new Error(ownOpened.error.message);
    const panel = await buildPanelBundle({
      crypto: nodeCrypto,
      decision: desk.decision,
      pkg,
      chair,
      counter: 2,
      packageManifestSha256: manifest,
      sheetBundles: [
        { expertId: 'E01', manifestSha256: ownOpened.bundle.manifestSha256, bytes: ownBytes },
        ...imported,
      ],
      audit,
    });
    await writeFile(join(dir, 'panel.jbx'), panel);
    const viaBundle = await runForTest(
      'check',
      join(dir, 'panel.jbx'),
      '--package',
      PKG,
      '--identity',
      BUREAU_KEY,
      '--json',
    );
    expect(viaBundle.code).toBe(1);
    expect(FindingsSchema.parse(JSON.parse(viaBundle.out)).findings).toEqual(desk.findings);

    // With the reason recorded, both doors let it pass.
    const signed = chairDesk(
      pkg,
      sheets,
      { ...choices, belowMinValidSheetsReason: '三位专家缺席，经发榜方同意按到会专家评分形成意见' },
      'E01',
      '2026-12-08T16:00:00+08:00',
    );
    expect(signed.canSign).toBe(true);
    await writeFile(join(dir, 'decision.json'), JSON.stringify(signed.decision));
    const passes = await runForTest(
      'check',
      join(dir, 'decision.json'),
      '--package',
      PKG,
      ...files,
    );
    expect(passes.code).toBe(0);
  });

  it('a panel bundle holding a transcribed paper sheet: check counts it, as the decision did (it once read only the electronic sheets)', async () => {
    const pkg = samplePackage();
    const manifest = await packageManifest();
    const sheets = sampleSheets();
    const paper = sheets.find((s) => s.expertId === 'E05');
    if (!paper) throw new Error('E05');
    const choices: DecisionChoices = {
      ...initialChoices(analysePanel(pkg, sheets).proposal),
      raceStageShare: '0.3',
      funding: { A01: '400', A02: '400' },
    };
    const desk = chairDesk(pkg, sheets, choices, 'E01', '2026-12-08T16:00:00+08:00');
    expect(desk.findings).toEqual([]);
    const files = new Map<string, Uint8Array>();
    const answers: { kind: 'review-package' | 'expert-sheets'; manifestSha256: string }[] = [
      { kind: 'review-package', manifestSha256: manifest },
    ];
    for (const sheet of sheets.filter((s) => s !== paper)) {
      const signed = await signedSheet(
        sheet,
        manifest,
        sheet.expertId === 'E01' ? 'chair' : 'expert',
      );
      files.set(`sheets/${sheet.expertId}.jbx`, signed.bytes);
      answers.push({ kind: 'expert-sheets', manifestSha256: signed.manifestSha256 });
    }
    // E05 scored on paper: the secretary's transcription beside the scan of the signed original.
    const scan = new TextEncoder().encode('%PDF-1.4 scan of the wet-signed paper sheet');
    files.set('paper/E05.pdf', scan);
    files.set(
      'paper/E05.json',
      new TextEncoder().encode(
        JSON.stringify({
          formatVersion: 1,
          sheet: paper,
          scan: { path: 'paper/E05.pdf', sha256: sha256HexWith(nodeCrypto, scan) },
          transcribedBy: '秘书 陈静',
          transcribedAt: '2026-12-08T12:30:00+08:00',
        }),
      ),
    );
    files.set('audit.json', audit.bytes);
    const panel = await buildBundle({
      crypto: nodeCrypto,
      kind: 'panel-result',
      bundleId: 'PR-PAPER-1',
      subject: { type: 'package', id: pkg.packageId },
      signers: [
        {
          role: 'chair',
          id: 'E01',
          name: '张志远',
          secretKey: generateSigningKey().secretKey,
          counter: 2,
          audit: audit.head,
        },
      ],
      answers,
      document: desk.decision,
      files,
    });
    const dir = await mkdtemp(join(tmpdir(), 'jb-doors-'));
    await writeFile(join(dir, 'panel.jbx'), panel);
    const viaBundle = await runForTest('check', join(dir, 'panel.jbx'), '--package', PKG, '--json');
    expect(FindingsSchema.parse(JSON.parse(viaBundle.out)).findings).toEqual(desk.findings);
    expect(viaBundle.code).toBe(0);
  });
});
