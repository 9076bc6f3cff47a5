/**
 * The task book's render and sign path (第十二条（七）, 第十五条) against a sealed fake-indexeddb
 * database and a fake bridge (main's renderer and the save dialog as functions): the PDF main
 * renders is the one signed, with the code of the final task book; the counter, the audit entry
 * and the audit head are on the record before the file is offered; a draft is refused before
 * main is asked to sign anything; and a bundle that fails its own check — a byte changed between
 * signing and the re-opening, as a bad write would — offers nothing and writes nothing.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import * as bundles from '../../../src-shared/bundle';
import { sampleTaskBook } from '../../../src-shared/bundle/test-helpers';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { TaskBook } from '../../../src-shared/model';
import { sampleDecision, samplePackage } from '../../../src-shared/sample-fixture';
import { taskBookCode } from '../../../src-shared/taskbook';
import type { JiebangDB } from '../db/database';
import { auditLog, commitChange, getEnrolment, getMeta } from '../db/repo';
import { WorkflowError, type SaveFile } from './deps';
import { exportTaskBook, finalise, renderTaskBook } from './taskbook';
import { AT, flipByte, freshDeps, freshEnrolment } from './test-db';

// The self-check opens the bundle as its receiver would; `corruptNextOpen` changes one byte of
// what it is given first, as a bad write between signing and re-opening would.
const fault = vi.hoisted(() => ({ corruptNextOpen: false }));
vi.mock('../../../src-shared/bundle', async (importOriginal) => {
  const actual = await importOriginal<typeof bundles>();
  return {
    ...actual,
    openBundle: async (...args: Parameters<typeof actual.openBundle>) => {
      const [bytes, options] = args;
      if (!fault.corruptNextOpen || !(bytes instanceof Uint8Array))
        return actual.openBundle(...args);
      fault.corruptNextOpen = false;
      const copy = bytes.slice();
      flipByte(copy);
      return actual.openBundle(copy, options);
    },
  };
});

const CHAIR = 'E01 张志远';
const PDF = new TextEncoder().encode('%PDF-1.7 任务书 (rendered by main)\n%%EOF\n');

/** A chair's profile enrolled on the sample package, the task book taken to 定稿 on the record. */
async function chairWithFinalBook() {
  const deps = freshDeps();
  const pkg = samplePackage();
  const enrolment = freshEnrolment(pkg.packageId, 'E01');
  await commitChange(
    deps.db,
    { enrolment },
    { actor: 'E01', action: 'enrol', target: pkg.packageId, at: AT.toISOString() },
  );
  await finalise(deps, sampleTaskBook(), pkg, sampleDecision(), CHAIR);
  const tb: TaskBook = { ...sampleTaskBook(), status: 'final' };
  return { deps, enrolment, tb };
}

/** What the database holds of a task-book signing: nothing of it, or all of it. */
async function signState(db: JiebangDB) {
  return {
    counter: (await getEnrolment(db))?.counter,
    headSigned: (await getMeta(db, 'auditHeadLastSigned'))?.length,
    actions: (await auditLog(db)).map((e) => e.action),
  };
}

const NOTHING_SIGNED = {
  counter: 0,
  headSigned: undefined,
  actions: ['enrol', 'taskbook.final'],
};

/**
 * Main's renderer as the bridge calls it: one PDF, a character no font has (named by the findings
 * before any render, `checkTaskBook`; the rendered PDF does not carry it again).
 */
const fakeRender = () =>
  vi.fn(async (_input: { tb: TaskBook }) => ({ bytes: PDF, missing: ['U+2A6D6'] }));

describe('task book: render and sign', () => {
  it('renders in main with the final task book, and the code its print carries', async () => {
    const { tb } = await chairWithFinalBook();
    const render = fakeRender();
    const pdf = await renderTaskBook(render, tb);
    expect(render).toHaveBeenCalledWith({ tb });
    expect(pdf).toEqual({ bytes: PDF, code: taskBookCode(tb) });
    // Another task book, another code: a print of the old one is not taken for the new.
    expect(taskBookCode({ ...tb, title: `${tb.title}（修订）` })).not.toBe(pdf.code);
  });

  it('signs the task book and the PDF main rendered, on the record before the file is offered', async () => {
    const { deps, enrolment, tb } = await chairWithFinalBook();
    const pdf = await renderTaskBook(fakeRender(), tb);
    let atSave: Awaited<ReturnType<typeof signState>> | undefined;
    const save = vi.fn<SaveFile>(async (file) => {
      atSave = await signState(deps.db);
      return { saved: true, name: `/media/usb/${file.name}` };
    });
    const outcome = await exportTaskBook(
      { ...deps, save },
      { tb, pdf: pdf.bytes, enrolment, signerName: '张志远' },
    );

    expect(outcome).toMatchObject({
      saved: true,
      savedAs: `/media/usb/${tb.taskBookId}-taskbook.jbx`,
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(atSave).toEqual({
      counter: 1,
      headSigned: 2,
      actions: ['enrol', 'taskbook.final', 'taskbook.sign'],
    });
    const opened = await bundles.openBundle(outcome.file.bytes, { crypto: nobleCrypto });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.bundle.kind).toBe('task-book');
    expect(opened.bundle.files.get('taskbook.pdf')).toEqual(PDF);
    expect(opened.bundle.manifest.signers).toMatchObject([
      { role: 'chair', name: '张志远', fingerprint: enrolment.fingerprint, counter: 1 },
    ]);
    if (opened.bundle.kind !== 'task-book') throw new Error('not a task book');
    expect(taskBookCode(opened.bundle.document)).toBe(pdf.code);
    expect((await auditLog(deps.db)).at(-1)).toMatchObject({
      actor: 'E01',
      target: tb.taskBookId,
      details: { counter: 1 },
    });
  });

  it('refuses a draft before anything is signed: nothing written, nothing offered', async () => {
    const { deps, enrolment, tb } = await chairWithFinalBook();
    const save = vi.fn<SaveFile>();
    const refused = await exportTaskBook(
      { ...deps, save },
      { tb: { ...tb, status: 'draft' }, pdf: PDF, enrolment, signerName: '张志远' },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(WorkflowError);
    if (refused instanceof WorkflowError)
      expect(refused.reason).toEqual({ key: 'taskbook.notFinal' });
    expect(save).not.toHaveBeenCalled();
    expect(await signState(deps.db)).toEqual(NOTHING_SIGNED);
  });

  it('a signed task book that fails its own check offers nothing and writes nothing', async () => {
    const { deps, enrolment, tb } = await chairWithFinalBook();
    const pdf = await renderTaskBook(fakeRender(), tb);
    const save = vi.fn<SaveFile>();
    fault.corruptNextOpen = true;
    const refused = await exportTaskBook(
      { ...deps, save },
      { tb, pdf: pdf.bytes, enrolment, signerName: '张志远' },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(fault.corruptNextOpen).toBe(false);
    expect(refused).toBeInstanceOf(WorkflowError);
    if (refused instanceof WorkflowError)
      expect(refused.reason).toMatchObject({ key: 'signing.selfCheck' });
    expect(save).not.toHaveBeenCalled();
    expect(await signState(deps.db)).toEqual(NOTHING_SIGNED);

    // The same signing again, with nothing changed on the way: signed with the counter unspent.
    const again = await exportTaskBook(
      { ...deps, save: async (f) => ({ saved: true, name: f.name }) },
      { tb, pdf: pdf.bytes, enrolment, signerName: '张志远' },
    );
    expect(again.saved).toBe(true);
    expect((await signState(deps.db)).counter).toBe(1);
  });
});
