/**
 * The chair's import of sheet bundles against a sealed fake-indexeddb database: each file judged
 * on its own (a tampered or non-submitted one refused by name, the others imported), every
 * accepted bundle kept as a row of its own with its exact bytes, a second import a duplicate.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openBundle } from '../../../src-shared/bundle';
import { ageDecrypt } from '../../../src-shared/crypto/age';
import bureauKeyFile from '../../../resources/sample/keys/bureau.agekey?raw';
import paperCsv from '../../../resources/sample/paper-sheets.csv?raw';
import { sheetBundle } from '../../../src-shared/bundle/test-helpers';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { initialChoices, type DecisionChoices } from '../../../src-shared/decision';
import { sampleDecision, sampleSheets } from '../../../src-shared/sample-fixture';
import { JiebangDB } from '../db/database';
import { auditLog, getEnrolment, getSheet } from '../db/repo';
import { WorkflowError, type Deps, type SaveFile } from './deps';
import { importSheets, loadDecision, loadGathered, saveDecisionDraft, signDecision } from './chair';
import { deskOwnSheet } from './desk';
import { enrol, importPackage, loadReview, submitSheet, verifyPackage } from './expert';
import { importPaperTranscription, loadPaperSheets } from './paper';
import { AT, flipByte, freshDeps, samplePackageBundle } from './test-db';

async function chairWithPackage(given?: Deps) {
  const deps = given ?? freshDeps();
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

/**
 * A profile's database under a name and data key of the test's own, so that it can be opened
 * again as a reload or an unlock opens it: a new connection, nothing of the page's memory.
 */
function profileDb() {
  const name = `jb-chair-${Math.random().toString(36).slice(2)}`;
  const key = crypto.getRandomValues(new Uint8Array(32));
  const open = (): Deps => ({ db: new JiebangDB(name, key), crypto: nobleCrypto, now: () => AT });
  return { open, drop: () => Dexie.delete(name) };
}

describe('the chair’s decision, kept', () => {
  it('writes the draft on every edit and reads it back after the database is opened again (a reload, an unlock)', async () => {
    const profile = profileDb();
    const first = profile.open();
    try {
      const { pkg } = await chairWithPackage(first);
      // Nothing written yet: the rules' proposal.
      expect(await loadDecision(first.db, pkg.packageId)).toEqual({ signed: null, choices: null });
      const proposed = initialChoices({
        candidateIds: ['A01', 'A02'],
        isRecommended: true,
        reasons: [],
      });
      const typed: DecisionChoices[] = [
        { ...proposed, funding: { A01: '400' } },
        { ...proposed, funding: { A01: '400', A02: '350' } },
        {
          ...proposed,
          funding: { A01: '400', A02: '350' },
          absences: { E07: '评分表文件损坏，本人未到会' },
          raceStageShare: '0.25',
          dissent: [{ expertId: 'E03', reason: '经费偏高' }],
        },
      ];
      for (const choices of typed) await saveDecisionDraft(first, pkg.packageId, choices);
      first.db.close();

      const again = profile.open();
      try {
        const read = await loadDecision(again.db, pkg.packageId);
        expect(read).toEqual({ signed: null, choices: typed[2] });
        // Another package's desk does not open on this draft.
        expect((await loadDecision(again.db, 'OTHER-PKG')).choices).toBeNull();
        // Not on the record: only the signing is.
        expect((await auditLog(again.db)).map((e) => e.action)).not.toContain('decision.sign');
      } finally {
        again.db.close();
      }
    } finally {
      first.db.close();
      await profile.drop();
    }
  });

  it('drops the draft with an import that takes new sheets in (the desk reopens on the proposal)', async () => {
    const { deps, pkg, manifest } = await chairWithPackage();
    const [, e02] = sampleSheets();
    if (!e02) throw new Error('sample sheets');
    const choices = {
      ...initialChoices({ candidateIds: ['A01'], isRecommended: false, reasons: [] }),
      funding: { A01: '400' },
    };
    await saveDecisionDraft(deps, pkg.packageId, choices);
    // A file refused changes no figure: the draft stays.
    const bad = await sheetBundle(e02, generateSigningKey(), manifest);
    flipByte(bad);
    const refused = await importSheets(deps, 'E01', pkg, [{ name: 'bad.jbx', bytes: bad }]);
    expect(refused.reopened).toBe(false);
    expect((await loadDecision(deps.db, pkg.packageId)).choices).toEqual(choices);
    const taken = await importSheets(deps, 'E01', pkg, [
      { name: 'E02.jbx', bytes: await sheetBundle(e02, generateSigningKey(), manifest) },
    ]);
    expect(taken.reopened).toBe(true);
    expect((await loadDecision(deps.db, pkg.packageId)).choices).toBeNull();
  });

  it('refuses sheet bundles and paper transcriptions once signed, saying why: nothing written', async () => {
    const { deps, pkg, manifest } = await chairWithPackage();
    const [own, e02] = sampleSheets();
    if (!own || !e02) throw new Error('sample sheets');
    const { enrolment } = await enrol(deps, pkg, 'E01');
    const save = vi.fn<SaveFile>(async () => ({ saved: false }));
    await signDecision(
      { ...deps, save },
      { pkg, decision: sampleDecision(), own, gathered: [], enrolment },
    );
    const entries = (await auditLog(deps.db)).length;
    const bundle = await importSheets(deps, 'E01 张志远', pkg, [
      { name: 'E02.jbx', bytes: await sheetBundle(e02, generateSigningKey(), manifest) },
    ]).catch((e: unknown) => e);
    expect(bundle).toBeInstanceOf(WorkflowError);
    expect(bundle).toMatchObject({ reason: { key: 'chair.importAfterSigned' } });
    expect(String(bundle)).toContain('由市科技局在审定时处理');
    const paper = await importPaperTranscription(
      deps,
      'E01 张志远',
      {
        pkg,
        csv: { name: 'E05.csv', bytes: new TextEncoder().encode(paperCsv) },
        typist: '秘书 陈静',
        scan: { name: 'E05.pdf', bytes: new TextEncoder().encode('%PDF-1.4 scan') },
      },
      async () => ({ ok: false, message: 'no workbook here' }),
    );
    expect(paper).toEqual({ kind: 'refused', problems: [{ key: 'chair.importAfterSigned' }] });
    expect(await loadGathered(deps.db, pkg.packageId)).toEqual([]);
    expect(await loadPaperSheets(deps.db, pkg.packageId)).toEqual([]);
    expect(await auditLog(deps.db)).toHaveLength(entries);
  });

  it("refuses the chair's own sheet submitted after the signing, saying why: nothing written, the desk without it", async () => {
    const { deps, pkg } = await chairWithPackage();
    const [own] = sampleSheets();
    if (!own) throw new Error('sample sheets');
    const { enrolment } = await enrol(deps, pkg, 'E01');
    // Signed while the chair's own sheet was still a draft (it did not join the result).
    const save = vi.fn<SaveFile>(async () => ({ saved: false }));
    await signDecision(
      { ...deps, save },
      { pkg, decision: sampleDecision(), own: null, gathered: [], enrolment },
    );
    const review = await loadReview(deps.db);
    expect(review.panelSigned).toEqual({ key: 'chair.submitAfterSigned' });
    const entries = (await auditLog(deps.db)).length;
    const { submittedAt: _at, ...scored } = own;
    const draft = { ...scored, status: 'draft' as const };
    const refused = await submitSheet(deps, pkg, draft, enrolment).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkflowError);
    expect(refused).toMatchObject({ reason: { key: 'chair.submitAfterSigned' } });
    expect(String(refused)).toContain('组长本人的评分表不再提交');
    expect(await getSheet(deps.db, pkg.packageId, 'E01')).toMatchObject({ status: 'draft' });
    expect(await auditLog(deps.db)).toHaveLength(entries);
    // A sheet submitted after the signing (a profile from before this rule) does not count.
    const after = { ...own, status: 'submitted' as const };
    expect(deskOwnSheet(after, true, undefined)).toBeNull();
    expect(deskOwnSheet(after, true, '2026-12-03T08:00:00.000Z')).toBe(after);
    expect(deskOwnSheet(after, false, undefined)).toBe(after);
  });

  it('reads the signed result back (with its file as exported), after a reopening too, and refuses to sign again', async () => {
    const profile = profileDb();
    const first = profile.open();
    try {
      const { pkg } = await chairWithPackage(first);
      const [own] = sampleSheets();
      if (!own) throw new Error('sample sheets');
      const { enrolment } = await enrol(first, pkg, 'E01');
      const save = vi.fn<SaveFile>(async () => ({ saved: false }));
      const decision = sampleDecision();
      const outcome = await signDecision(
        { ...first, save },
        { pkg, decision, own, gathered: [], enrolment },
      );
      expect(outcome.saved).toBe(false);
      first.db.close();

      const again = profile.open();
      try {
        const read = await loadDecision(again.db, pkg.packageId);
        expect(read.signed?.decision).toEqual(decision);
        // The file as offered, byte for byte: saved again, never signed again.
        expect(read.signed?.file).toEqual({ name: outcome.file.name, bytes: outcome.file.bytes });
        const counter = (await getEnrolment(again.db))?.counter;
        const entries = (await auditLog(again.db)).length;
        const signedAgain = signDecision(
          { ...again, save },
          {
            pkg,
            decision: { ...decision, approvedTotal: '0', approvedFunding: [] },
            own,
            gathered: [],
            enrolment: (await getEnrolment(again.db)) ?? enrolment,
          },
        );
        await expect(signedAgain).rejects.toBeInstanceOf(WorkflowError);
        await expect(signedAgain).rejects.toMatchObject({
          reason: { key: 'chair.alreadySigned' },
        });
        // Nothing written, nothing offered: the counter, the log and the signed result as they were.
        expect((await getEnrolment(again.db))?.counter).toBe(counter);
        expect(await auditLog(again.db)).toHaveLength(entries);
        expect((await loadDecision(again.db, pkg.packageId)).signed?.decision).toEqual(decision);
        expect(save).toHaveBeenCalledTimes(1);
      } finally {
        again.db.close();
      }
    } finally {
      first.db.close();
      await profile.drop();
    }
  });
});
