/**
 * The transcribed paper sheets of a panel bundle as two doors report them (issue 19): `jiebang
 * verify` (the bundle's own check) and the bureau's ingest (`jiebang ingest`, the same
 * src-shared/bureau/ingest the desk calls) give the one sentence — typist, checker, the scan's path
 * and hash — and the ingest record keeps them beside the electronic sheets.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openBundle } from '../../src-shared/bundle';
import { auditChain } from '../../src-shared/audit/sample-chain';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { sha256HexWith } from '../../src-shared/crypto/provider';
import { PanelDecisionSchema, ReviewPackageSchema, ScoreSheetSchema } from '../../src-shared/model';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { buildPanelBundle, paperSheet } from '../../src-renderer/src/workflows/desk';
import { sheetBundleFor } from '../fixtures/bundles';

const IDENTITY = 'resources/sample/keys/bureau.agekey';
const json = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

/** The sample's panel bundle with E05's sheet typed in from paper (double entry) and its scan. */
async function panelWithPaper(dir: string) {
  const rp = await openBundle(
    new Uint8Array(await readFile('resources/sample/review-package.jbx')),
    {
      crypto: nodeCrypto,
    },
  );
  if (!rp.ok) throw new Error(rp.error.message);
  const pkg = ReviewPackageSchema.parse(rp.bundle.document);
  const sheetBundles = [];
  for (const id of ['E01', 'E02', 'E03', 'E04', 'E06', 'E07']) {
    const sheet = ScoreSheetSchema.parse(await json(`resources/sample/sheets/${id}.json`));
    const bytes = await sheetBundleFor(sheet, { answers: rp.bundle.manifestSha256 });
    const opened = await openBundle(bytes, { crypto: nodeCrypto });
    if (!opened.ok) throw new Error(opened.error.message);
    sheetBundles.push({ expertId: id, manifestSha256: opened.bundle.manifestSha256, bytes });
  }
  const scan = new TextEncoder().encode('%PDF-1.4 scan of E05 wet-signed sheet');
  const paper = paperSheet({
    sheet: ScoreSheetSchema.parse(await json('resources/sample/sheets/E05.json')),
    scan: { bytes: scan, extension: 'pdf' },
    transcribedBy: '秘书 陈静',
    transcribedAt: '2026-12-08T12:30:00+08:00',
    checkedBy: '秘书 王芳',
    crypto: nodeCrypto,
  });
  const audit = auditChain('E01', 4);
  const bytes = await buildPanelBundle({
    crypto: nodeCrypto,
    decision: PanelDecisionSchema.parse(await json('resources/sample/decision.json')),
    pkg,
    chair: { id: 'E01', name: '张志远', secretKey: generateSigningKey().secretKey },
    counter: 2,
    packageManifestSha256: rp.bundle.manifestSha256,
    sheetBundles,
    transcribed: [paper],
    audit: { head: audit.head, bytes: audit.bytes },
  });
  const path = join(dir, 'panel.jbx');
  await writeFile(path, bytes);
  return { path, scanSha: sha256HexWith(nodeCrypto, scan) };
}

const IngestJson = z.array(
  z.object({
    ok: z.boolean(),
    notes: z.array(z.string()),
    /** The record's file in the data folder. */
    record: z.string(),
  }),
);
const RecordSheets = z.object({
  sheets: z.array(
    z.object({
      expertId: z.string(),
      source: z.string(),
      scanSha256: z.string().optional(),
      scanPath: z.string().optional(),
      transcribedBy: z.string().optional(),
      checkedBy: z.string().optional(),
    }),
  ),
});

describe(
  'transcribed paper sheets through verify and the bureau’s ingest',
  { timeout: 180_000 },
  () => {
    it('list them in the same sentence, with typist, checker and the scan’s hash', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'jb-paper-doors-'));
      const { path, scanSha } = await panelWithPaper(dir);
      const line = `1 份转录评分表，各附签字原件扫描件（哈希一致）：E05（纸质评分表转录，录入 秘书 陈静，复核 秘书 王芳；扫描件 paper/E05.pdf SHA-256 ${scanSha}）`;

      const verified = await run('verify', path, '--identity', IDENTITY);
      expect(verified.err).toBe('');
      expect(verified.out).toContain(`纸质评分表：${line}`);

      const ingest = (...more: string[]) =>
        run(
          'ingest',
          path,
          '--identity',
          IDENTITY,
          '--package',
          'resources/sample/review-package.jbx',
          '--bureau-key',
          'resources/sample/keys/bureau-signing.pub',
          '--data',
          join(dir, `data${more.length}`),
          ...more,
        );
      const text = await ingest();
      expect(text.err).toBe('');
      expect(text.out).toContain(`纸质评分表：${line}`);
      expect(text.out).toContain('评分表 6 份电子、1 份纸质转录');

      const [record] = IngestJson.parse(JSON.parse((await ingest('--json')).out));
      expect(record?.notes).toContain(`纸质评分表：${line}`);
      const kept = RecordSheets.parse(await json(record?.record ?? ''));
      expect(kept.sheets.find((s) => s.expertId === 'E05')).toEqual({
        expertId: 'E05',
        source: 'paper',
        scanSha256: scanSha,
        scanPath: 'paper/E05.pdf',
        transcribedBy: '秘书 陈静',
        checkedBy: '秘书 王芳',
      });
    });
  },
);
