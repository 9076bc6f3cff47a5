/**
 * The task book's workflows against a sealed fake-indexeddb database: a draft from the signed
 * decision (each solver's 法定代表人 left empty, 第十二条（七）), 定稿 refused while the rules find
 * something blocking — nothing written — and taken, on the record, once the draft is complete.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleTaskBook } from '../../../src-shared/bundle/test-helpers';
import { sampleDecision, samplePackage } from '../../../src-shared/sample-fixture';
import { auditLog, taskBooksOfPackage } from '../db/repo';
import { WorkflowError } from './deps';
import { createDraft, finalise, judgeDraft, reopen } from './taskbook';
import { freshDeps } from './test-db';

const actions = async (deps: ReturnType<typeof freshDeps>) =>
  (await auditLog(deps.db)).map((e) => e.action);

describe('task-book workflows', () => {
  it('drafts from the decision with each 丙方’s 法定代表人 empty, and refuses 定稿 until written', async () => {
    const deps = freshDeps();
    const pkg = samplePackage();
    const decision = sampleDecision();
    const draft = await createDraft(deps, pkg, decision, 'E01 张志远');
    const solvers = draft.parties.filter((p) => p.role === 'solver');
    expect(solvers.length).toBeGreaterThan(0);
    for (const s of solvers) expect(s.representative).toBe('');
    expect(judgeDraft(draft, pkg, decision).canFinalise).toBe(false);

    const refused = await finalise(deps, draft, pkg, decision, 'E01 张志远').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(WorkflowError);
    expect((await taskBooksOfPackage(deps.db, pkg.packageId)).map((t) => t.status)).toEqual([
      'draft',
    ]);
    expect(await actions(deps)).toEqual(['taskbook.draft']);
  });

  it('takes 定稿 of a complete task book on the record, and reopens it on the record', async () => {
    const deps = freshDeps();
    const pkg = samplePackage();
    const decision = sampleDecision();
    const complete = sampleTaskBook();
    expect(judgeDraft(complete, pkg, decision).canFinalise).toBe(true);
    const final = await finalise(deps, complete, pkg, decision, 'E01 张志远');
    expect(final.status).toBe('final');
    expect((await taskBooksOfPackage(deps.db, pkg.packageId))[0]?.status).toBe('final');
    await reopen(deps, final, 'E01 张志远');
    expect((await taskBooksOfPackage(deps.db, pkg.packageId))[0]?.status).toBe('draft');
    expect(await actions(deps)).toEqual(['taskbook.final', 'taskbook.reopen']);
  });
});
