/**
 * The expert's workflows against a sealed fake-indexeddb database: import the bureau's package
 * (pinned on first import, a second import a duplicate), enrol, edit, submit and reopen — each
 * refusal leaving nothing written.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { auditLog, getEnrolment, getMeta, getSheet } from '../db/repo';
import { WorkflowError } from './deps';
import {
  enrol,
  importPackage,
  loadReview,
  saveSheetEdit,
  submitSheet,
  verifyPackage,
} from './expert';
import { AT, freshDeps, samplePackageBundle } from './test-db';

const actions = async (deps: ReturnType<typeof freshDeps>) =>
  (await auditLog(deps.db)).map((e) => e.action);

/** A database with the sample package imported. */
async function withPackage() {
  const deps = freshDeps();
  const { bytes, bureau } = await samplePackageBundle();
  const verified = await verifyPackage(deps, bytes);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  return { deps, bytes, bureau, pkg: verified.bundle.document };
}

const reasonOf = (e: unknown) => (e instanceof WorkflowError ? e.reason : e);

describe('expert workflows', () => {
  it('imports the package once: stored, the bureau key pinned, a second import a duplicate', async () => {
    const { deps, bytes, bureau, pkg } = await withPackage();
    const review = await loadReview(deps.db);
    expect(review.pkg?.packageId).toBe(pkg.packageId);
    expect(review.enrolment).toBeNull();
    const trust = await getMeta(deps.db, 'trust');
    expect(trust?.bureauFingerprint).toBeTruthy();
    expect(await actions(deps)).toEqual(['package.import']);

    const again = await verifyPackage(deps, bytes);
    expect(again.ok && again.duplicate).toBe(true);
    // Another bureau key is refused by the pinned one, nothing written.
    const other = await samplePackageBundle(generateSigningKey(), 2);
    const refused = await verifyPackage(deps, other.bytes);
    expect(refused.ok).toBe(false);
    expect(bureau.publicKey).not.toEqual(other.bureau.publicKey);
    expect(await actions(deps)).toEqual(['package.import']);
  });

  it('enrols only someone on the roster; nothing written otherwise', async () => {
    const { deps, pkg } = await withPackage();
    await expect(enrol(deps, pkg, 'E99').catch(reasonOf)).resolves.toMatchObject({
      key: 'review.notOnRoster',
    });
    expect(await getEnrolment(deps.db)).toBeUndefined();
    const { enrolment, sheet } = await enrol(deps, pkg, 'E02');
    expect(enrolment).toMatchObject({ expertId: 'E02', counter: 0, pledgeAt: AT.toISOString() });
    expect(sheet.status).toBe('draft');
    expect((await getEnrolment(deps.db))?.fingerprint).toBe(enrolment.fingerprint);
    expect(await actions(deps)).toEqual(['package.import', 'enrol']);
  });

  it('records a score on the audit log, a comment not; refuses to submit an incomplete sheet', async () => {
    const { deps, pkg } = await withPackage();
    const { enrolment, sheet } = await enrol(deps, pkg, 'E02');
    const [applicant] = pkg.applicants;
    const [criterion] = pkg.rubric.criteria;
    if (!applicant || !criterion) throw new Error('sample');
    const target = { applicantId: applicant.id, criterionId: criterion.id };
    await saveSheetEdit(deps, sheet, enrolment, { type: 'points', ...target, points: 8 });
    await saveSheetEdit(deps, sheet, enrolment, { type: 'comment', ...target, comment: '可行' });
    expect(await actions(deps)).toEqual(['package.import', 'enrol', 'score.edit']);

    await expect(submitSheet(deps, pkg, sheet, enrolment).catch(reasonOf)).resolves.toMatchObject({
      key: 'review.issues',
    });
    expect((await getSheet(deps.db, pkg.packageId, 'E02'))?.status).toBe('draft');
    expect(await actions(deps)).toEqual(['package.import', 'enrol', 'score.edit']);
  });
});
