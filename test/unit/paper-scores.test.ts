/**
 * Paper scores in (issue 19): the secretary's GB18030 transcription read through the one reader
 * (readSheetsCsv), typed twice with one differing cell (double entry shows the cell until the
 * two agree), then carried in the panel bundle beside the signed sheets with its scan — and
 * `jiebang verify` lists it as a transcribed sheet with the scan's hash.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { sha256HexWith } from '../../src-shared/crypto/provider';
import { sampleDecision, samplePackage } from '../../src-shared/sample-fixture';
import { compareTranscriptions, readSheetsCsv } from '../../src-shared/scoring';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { runForTest } from '../../src-main/cli/run-for-test';
import { buildPanelBundle, paperSheet } from '../../src-renderer/src/workflows/desk';

const gb18030 = (text: string): Uint8Array =>
  new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));

describe('paper scores in', () => {
  it('compares two GB18030 transcriptions cell by cell, then carries the agreed one with its scan', async () => {
    const pkg = samplePackage();
    const csv = await readFile('resources/sample/paper-sheets.csv', 'utf8');
    const only = (text: string) =>
      text
        .split('\n')
        .filter((l, i) => i === 0 || l.startsWith('E05,'))
        .join('\n');
    const first = readSheetsCsv(gb18030(only(csv)), 'first.csv', pkg);
    // The second typist read E05's C2 for A02 as 33.5.
    const typo = only(csv).replace(/^(E05,A02,,,[^,]*,)([^,]*)/m, '$133.5');
    const second = readSheetsCsv(gb18030(typo), 'second.csv', pkg);
    if (!first.ok || !second.ok) throw new Error('csv');
    const diffs = compareTranscriptions(pkg, first.sheets, second.sheets);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ expertId: 'E05', applicantId: 'A02', second: '33.5' });
    expect(diffs[0]?.cell).toMatch(/^C2 /);
    const fixed = readSheetsCsv(gb18030(only(csv)), 'second.csv', pkg);
    if (!fixed.ok) throw new Error('csv');
    expect(compareTranscriptions(pkg, first.sheets, fixed.sheets)).toEqual([]);

    const [sheet] = first.sheets;
    if (!sheet) throw new Error('E05');
    const scan = new TextEncoder().encode('%PDF-1.4 scan of E05 wet-signed sheet');
    const paper = paperSheet({
      sheet,
      scan: { bytes: scan, extension: 'PDF' },
      transcribedBy: '秘书 陈静',
      transcribedAt: '2026-12-08T12:30:00+08:00',
      checkedBy: '秘书 王芳',
      crypto: nodeCrypto,
    });
    const bytes = await buildPanelBundle({
      crypto: nodeCrypto,
      decision: sampleDecision(),
      pkg,
      chair: { id: 'E01', name: '张志远', secretKey: generateSigningKey().secretKey },
      counter: 1,
      sheetBundles: [],
      transcribed: [paper],
      audit: { head: EMPTY_HEAD, bytes: new TextEncoder().encode('[]') },
    });
    const dir = await mkdtemp(join(tmpdir(), 'jb-paper-'));
    await writeFile(join(dir, 'panel.jbx'), bytes);
    const r = await runForTest(
      'verify',
      join(dir, 'panel.jbx'),
      '--identity',
      'resources/sample/keys/bureau.agekey',
    );
    expect(r.out).toContain(
      `E05（纸质评分表转录，录入 秘书 陈静，复核 秘书 王芳；扫描件 paper/E05.pdf SHA-256 ${sha256HexWith(nodeCrypto, scan)}）`,
    );
  });
});
