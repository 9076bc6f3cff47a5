/**
 * The chair's import of sheet bundles against a sealed fake-indexeddb database: each file judged
 * on its own (a tampered or non-submitted one refused by name, the others imported), every
 * accepted bundle kept as a row of its own with its exact bytes, a second import a duplicate.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sheetBundle } from '../../../src-shared/bundle/test-helpers';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { sampleSheets } from '../../../src-shared/sample-fixture';
import { auditLog, getSheet } from '../db/repo';
import { importSheets, loadGathered } from './chair';
import { importPackage, verifyPackage } from './expert';
import { flipByte, freshDeps, samplePackageBundle } from './test-db';

async function chairWithPackage() {
  const deps = freshDeps();
  const { bytes } = await samplePackageBundle();
  const verified = await verifyPackage(deps, bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  return { deps, pkg: verified.bundle.document, manifest: verified.bundle.manifestSha256 };
}

describe('importSheets', () => {
  it('imports the good files, refuses a tampered one and a draft by name, keeps the exact bytes', async () => {
    const { deps, pkg, manifest } = await chairWithPackage();
    const [, e02, e03, e04] = sampleSheets();
    if (!e02 || !e03 || !e04) throw new Error('sample sheets');
    const good2 = await sheetBundle(e02, generateSigningKey(), manifest);
    const good3 = await sheetBundle(e03, generateSigningKey(), manifest);
    const tampered = await sheetBundle(e04, generateSigningKey(), manifest);
    flipByte(tampered);
    const draft = await sheetBundle({ ...e04, status: 'draft' }, generateSigningKey(), manifest);

    const { gathered, outcomes } = await importSheets(deps, 'E01 张志远', pkg, [
      { name: 'E02.jbx', bytes: good2 },
      { name: 'E04-tampered.jbx', bytes: tampered },
      { name: 'E03.jbx', bytes: good3 },
      { name: 'E04-draft.jbx', bytes: draft },
    ]);

    expect(outcomes.map((o) => [o.file, o.ok])).toEqual([
      ['E02.jbx', true],
      ['E04-tampered.jbx', false],
      ['E03.jbx', true],
      ['E04-draft.jbx', false],
    ]);
    expect(outcomes[3]?.message).toMatchObject({ key: 'chair.notSubmitted' });
    expect(gathered.map((g) => g.expertId)).toEqual(['E02', 'E03']);
    expect(gathered.map((g) => g.bytes)).toEqual([good2, good3]);
    // Rows of their own: the chair's own sheet table is untouched.
    expect(await getSheet(deps.db, pkg.packageId, 'E02')).toBeUndefined();
    const last = (await auditLog(deps.db)).at(-1);
    expect(last).toMatchObject({ action: 'sheets.import', target: '2/4', details: { refused: 2 } });

    // The same file again: a duplicate, nothing changed.
    const again = await importSheets(deps, 'E01 张志远', pkg, [{ name: 'E02.jbx', bytes: good2 }]);
    expect(again.outcomes[0]?.message).toMatchObject({ key: 'chair.duplicate' });
    expect((await loadGathered(deps.db, pkg.packageId)).map((g) => g.bytes)).toEqual([
      good2,
      good3,
    ]);
  });
});
