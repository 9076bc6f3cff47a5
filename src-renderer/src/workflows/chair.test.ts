/**
 * The chair's import of sheet bundles against a sealed fake-indexeddb database: each file judged
 * on its own (a tampered or non-submitted one refused by name, the others imported), every
 * accepted bundle kept as a row of its own with its exact bytes, a second import a duplicate.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openBundle } from '../../../src-shared/bundle';
import { ageDecrypt } from '../../../src-shared/crypto/age';
import bureauKeyFile from '../../../resources/sample/keys/bureau.agekey?raw';
import { sheetBundle } from '../../../src-shared/bundle/test-helpers';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { sampleDecision, sampleSheets } from '../../../src-shared/sample-fixture';
import { auditLog, getEnrolment, getSheet } from '../db/repo';
import type { SaveFile } from './deps';
import { importSheets, loadGathered, signDecision } from './chair';
import { enrol, importPackage, verifyPackage } from './expert';
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

/** The sample bureau's age identity (a sample key, in the repository for tests). */
const bureauIdentity = () =>
  bureauKeyFile
    .split('\n')
    .filter((l) => l.startsWith('AGE-SECRET-KEY-'))
    .join('');

describe('signDecision', () => {
  it('signs the panel result with the chair’s own sheet inside, encrypted to the bureau, on the record', async () => {
    const { deps, pkg, manifest } = await chairWithPackage();
    const [own, e02, e03] = sampleSheets();
    if (!own || !e02 || !e03) throw new Error('sample sheets');
    const { enrolment } = await enrol(deps, pkg, 'E01');
    const { gathered } = await importSheets(deps, 'E01', pkg, [
      { name: 'E02.jbx', bytes: await sheetBundle(e02, generateSigningKey(), manifest) },
      { name: 'E03.jbx', bytes: await sheetBundle(e03, generateSigningKey(), manifest) },
    ]);
    const save = vi.fn<SaveFile>(async (file) => ({ saved: true, name: file.name }));

    const outcome = await signDecision(
      { ...deps, save },
      { pkg, decision: sampleDecision(), own, gathered, enrolment },
    );

    expect(outcome.saved).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    const zip = await ageDecrypt(outcome.file.bytes, [{ identity: bureauIdentity() }], deps.crypto);
    const opened = await openBundle(zip, { crypto: deps.crypto });
    if (!opened.ok) throw new Error(opened.error.message);
    if (opened.bundle.kind !== 'panel-result') throw new Error(opened.bundle.kind);
    // The chair's own sheet signed first (counter 1), the panel result next (counter 2).
    expect(opened.bundle.manifest.signers[0]).toMatchObject({
      fingerprint: enrolment.fingerprint,
      counter: 2,
    });
    expect(opened.bundle.inner.map((b) => b.manifest.signers[0]?.counter)).toContain(1);
    expect(opened.bundle.inner).toHaveLength(3);
    expect((await getEnrolment(deps.db))?.counter).toBe(2);
    expect((await auditLog(deps.db)).at(-1)).toMatchObject({
      action: 'decision.sign',
      details: { counter: 2 },
    });
  });
});
