/**
 * `exportSigned`, the one order of every signed export, driven through the expert's sheet export
 * against a sealed fake-indexeddb database: the counter, the audit entry and the kept bytes are
 * committed before the file is offered; a save that fails loses nothing; a commit that fails
 * half-way writes nothing and offers nothing; a bundle that fails its own check offers nothing.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openBundle } from '../../../src-shared/bundle';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { samplePackage, sampleSheets } from '../../../src-shared/sample-fixture';
import { buildSheetBundle } from '../../../src-shared/bundle';
import type { JiebangDB } from '../db/database';
import { auditLog, commitChange, getEnrolment, getMeta, getSheet } from '../db/repo';
import { WorkflowError, type FileToSave, type SaveFile } from './deps';
import { exportSheet, saveExportedAgain } from './expert';
import { exportSigned } from './signing';
import { AT, flipByte, freshDeps, freshEnrolment, samplePackageBundle } from './test-db';

/** A profile enrolled as E01 on the sample package, its sheet submitted, nothing exported. */
async function enrolledExpert() {
  const deps = freshDeps();
  const { db } = deps;
  const { bytes } = await samplePackageBundle();
  const bundle = await openBundle(bytes, { crypto: nobleCrypto });
  if (!bundle.ok) throw new Error(bundle.error.message);
  const pkg = samplePackage();
  const [sheet] = sampleSheets();
  if (!sheet) throw new Error('no sample sheet');
  const enrolment = freshEnrolment(pkg.packageId, 'E01');
  await commitChange(
    db,
    { pkg: { pkg, manifestSha256: bundle.bundle.manifestSha256 }, enrolment, sheet: { sheet } },
    { actor: 'E01', action: 'enrol', target: pkg.packageId, at: AT.toISOString() },
  );
  const review = { pkg, manifestSha256: bundle.bundle.manifestSha256, sheet, enrolment };
  return { db, deps, review };
}

/** What the database holds of an export: nothing of it, or all of it. */
async function exportState(db: JiebangDB) {
  const enrolment = await getEnrolment(db);
  const sheet = await db.sheets.get('KLMY-2026-JB-001/E01');
  return {
    counter: enrolment?.counter,
    exportedAt: enrolment?.exportedAt,
    sheetStatus: sheet?.['status'],
    kept: (await getMeta(db, 'exportedBundle'))?.bytes,
    headSigned: await getMeta(db, 'auditHeadLastSigned'),
    actions: (await auditLog(db)).map((e) => e.action),
  };
}

const NOTHING_EXPORTED = {
  counter: 0,
  exportedAt: undefined,
  sheetStatus: 'submitted',
  kept: undefined,
  headSigned: undefined,
  actions: ['enrol'],
};

describe('exportSigned: one order for every signed export', () => {
  it('commits the counter, the audit entry and the kept bytes, then offers the file, last', async () => {
    const { db, deps, review } = await enrolledExpert();
    let atSave: Awaited<ReturnType<typeof exportState>> | undefined;
    const save = vi.fn<SaveFile>(async (file) => {
      atSave = await exportState(db);
      return { saved: true, name: `/media/usb/${file.name}` };
    });
    const { outcome } = await exportSheet({ ...deps, save }, review);

    expect(outcome).toMatchObject({ saved: true, savedAs: '/media/usb/KLMY-2026-JB-001-E01.jbx' });
    expect(save).toHaveBeenCalledTimes(1);
    // Everything was on the record before the file was offered.
    expect(atSave).toMatchObject({
      counter: 1,
      exportedAt: AT.toISOString(),
      sheetStatus: 'exported',
      actions: ['enrol', 'sheet.export'],
      headSigned: { length: 1 },
    });
    expect(atSave?.kept).toEqual(outcome.file.bytes);
    // The file is the sheet bundle the chair will open: signed by this key, counter 1.
    const opened = await openBundle(outcome.file.bytes, { crypto: nobleCrypto });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.bundle.kind).toBe('expert-sheets');
    expect(opened.bundle.manifest.signers[0]).toMatchObject({
      fingerprint: review.enrolment.fingerprint,
      counter: 1,
    });
  });

  it('a save that fails loses nothing: the signed bytes are kept and offered again, byte for byte', async () => {
    const { db, deps, review } = await enrolledExpert();
    const failing = vi.fn<SaveFile>(() => Promise.reject(new Error('设备已满 no space left')));
    const { outcome } = await exportSheet({ ...deps, save: failing }, review);

    expect(outcome).toMatchObject({ saved: false, error: '设备已满 no space left' });
    const state = await exportState(db);
    expect(state.counter).toBe(1);
    expect(state.kept).toEqual(outcome.file.bytes);

    const offered: FileToSave[] = [];
    const again = await saveExportedAgain({
      ...deps,
      save: async (file) => {
        offered.push(file);
        return { saved: true, name: file.name };
      },
    });
    expect(again.saved).toBe(true);
    expect(offered.map((f) => f.bytes)).toEqual([outcome.file.bytes]);
    // The counter was spent once: no second file carries it.
    expect((await exportState(db)).counter).toBe(1);
  });

  it('a commit that fails half-way writes nothing and offers nothing', async () => {
    const { db, deps, review } = await enrolledExpert();
    // The disk gives out at the last write of the transaction: the audit entry.
    db.audit.hook('creating', () => {
      throw new Error('磁盘写入失败 disk write failed');
    });
    const save = vi.fn<SaveFile>();
    await expect(exportSheet({ ...deps, save }, review)).rejects.toThrow('disk write failed');

    expect(save).not.toHaveBeenCalled();
    expect(await exportState(db)).toEqual(NOTHING_EXPORTED);
    expect((await getSheet(db, 'KLMY-2026-JB-001', 'E01'))?.status).toBe('submitted');
  });

  it.each([
    ['signed by another key', 'signing.selfCheckSigner'],
    ['with a byte changed after signing', 'signing.selfCheck'],
  ])('a bundle %s fails its own check: nothing offered, nothing written', async (how, key) => {
    const { db, deps, review } = await enrolledExpert();
    const save = vi.fn<SaveFile>();
    const other = generateSigningKey();
    const run = exportSigned({ ...deps, save }, review.enrolment, {
      kind: 'expert-sheets',
      build: async ({ counter, audit }) => {
        const zip = await buildSheetBundle({
          crypto: nobleCrypto,
          sheet: review.sheet,
          signer: {
            name: 'E01',
            secretKey: how.startsWith('signed') ? other.secretKey : review.enrolment.secretKey,
            counter,
            audit: audit.head,
          },
          answers: review.manifestSha256,
          files: new Map([['audit.json', audit.bytes]]),
        });
        if (!how.startsWith('signed')) flipByte(zip);
        return { name: 'E01.jbx', counter, zip };
      },
      record: ({ file, counter, at }) => ({
        change: { meta: { exportedBundle: { name: file.name, bytes: file.bytes } } },
        audit: { actor: 'E01', action: 'sheet.export', target: 'x', details: { counter }, at },
      }),
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowError);
    if (error instanceof WorkflowError) expect(error.reason).toMatchObject({ key });
    expect(save).not.toHaveBeenCalled();
    expect(await exportState(db)).toEqual(NOTHING_EXPORTED);
  });
});
