/**
 * After the award, two doors on one set (issue 21): the award screen's workflow signs documents
 * for the sample horse-race task book and keeps them; the same bundles given to
 * `jiebang check --with` give the same findings for the next document — an assessment of the
 * solver chosen (taken), of the one not chosen (第十二条（八）3), an acceptance after the
 * termination (第十七条) — and where the app refuses, the CLI exits 1 with the same messages.
 */
import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkAwardDocument, type AwardDocument } from '../../src-shared/award';
import {
  sampleAssessment,
  sampleFailedAcceptance,
  sampleRaceChoice,
  sampleTermination,
} from '../../src-shared/award/samples';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { JiebangDB } from '../../src-renderer/src/db/database';
import { awardsOf, enrolSigner, signAward } from '../../src-renderer/src/workflows/award';
import { problemOf } from '../../src-renderer/src/workflows/deps';
import { say } from '../../src-renderer/src/i18n/strings';

let dir: string;
let db: JiebangDB;
let tb: TaskBook;
let tbFile: string;
const ids: Record<'assessor' | 'issuer' | 'bureau', string> = {
  assessor: '',
  issuer: '',
  bureau: '',
};
/** Who signs each kind: the assessors, the 发榜方 and the bureau; the bureau and the 发榜方. */
const signersOf = (d: AwardDocument): string[] =>
  d.type === 'assessment' ? [ids.assessor, ids.issuer, ids.bureau] : [ids.bureau, ids.issuer];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jb-award-set-'));
  await mkdir(join(dir, 'signed'));
  db = new JiebangDB('jb-award-set', globalThis.crypto.getRandomValues(new Uint8Array(32)));
  await db.open();
  const raw: unknown = JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8'));
  tb = { ...TaskBookSchema.parse(raw), status: 'final' };
  tbFile = join(dir, 'taskbook.json');
  await writeFile(tbFile, JSON.stringify(tb));
  for (const [role, name] of [
    ['assessor', '王建国'],
    ['issuer', '陈立新'],
    ['bureau', '赵局'],
  ] as const)
    ids[role] = (await enrolSigner(db, 'test', { role, name })).signerId;
});
afterAll(async () => {
  db.close();
  await db.delete();
});

/** Signs through the app's workflow and drops the bundle into the project's folder. */
async function signInApp(document: AwardDocument): Promise<void> {
  const signed = await signAward(db, {
    tb,
    document,
    signerIds: signersOf(document),
    actor: 'test',
  });
  await writeFile(join(dir, 'signed', signed.name), signed.bytes);
}

const Out = z.object({
  ok: z.boolean(),
  findings: z.array(
    z.object({
      rule: z.string(),
      article: z.string(),
      severity: z.string(),
      message: z.string(),
      path: z.array(z.union([z.string(), z.number()])),
    }),
  ),
});

/** The same document through both doors: the app's set and findings, the CLI's answer. */
async function bothDoors(document: AwardDocument, file: string) {
  const set = (await awardsOf(db, tb.taskBookId)).map((a) => a.document);
  const app = checkAwardDocument(document, tb, undefined, set);
  // Where the app takes it, its bundle joins the project's folder as the next one signed.
  const signerIds = signersOf(document);
  const refused = await signAward(db, { tb, document, signerIds, actor: 'test' }).then(
    async (signed) => {
      await writeFile(join(dir, 'signed', signed.name), signed.bytes);
      return null;
    },
    // What the user is told (the store's `problemOf`, said in Chinese as the screen shows it).
    (e: unknown) => say('zh', problemOf(e)),
  );
  const path = join(dir, file);
  await writeFile(path, JSON.stringify(document.doc));
  const r = await run('check', path, '--taskbook', tbFile, '--with', join(dir, 'signed'), '--json');
  return { app, refused, cli: Out.parse(JSON.parse(r.out)), code: r.code };
}

describe('the order rules: the app’s workflow and `jiebang check --with` over one set', () => {
  it('after the race’s choice: the chosen solver’s assessment taken, the other’s refused', async () => {
    await signInApp({ type: 'race', doc: sampleRaceChoice() });
    const chosen = await bothDoors(
      { type: 'assessment', doc: { ...sampleAssessment(), applicantId: 'A01' } },
      'a01.json',
    );
    expect(chosen.refused).toBeNull();
    expect(chosen.code).toBe(0);
    expect(chosen.cli.findings).toEqual(chosen.app);

    const other = await bothDoors(
      {
        type: 'assessment',
        doc: { ...sampleAssessment(), assessmentId: 'MA-M2-A02', applicantId: 'A02' },
      },
      'a02.json',
    );
    expect(other.code).toBe(1);
    expect(other.cli.findings).toEqual(other.app);
    expect(other.cli.findings.map((f) => f.rule)).toContain('assessment.notChosen');
    const blocking = other.cli.findings.filter((f) => f.severity === 'blocking');
    expect(blocking.length).toBeGreaterThan(0);
    for (const f of blocking) expect(other.refused).toContain(f.message);
  });

  it('the same milestone again: a re-assessment after the hold said, one after the pass refused', async () => {
    const recheck = {
      ...sampleAssessment(),
      assessmentId: 'MA-M2-2',
      applicantId: 'A01',
      assessedOn: '2028-06-20',
      approvedOn: '2028-06-25',
      indicators: [
        { indicator: '出水悬浮物', target: '≤ 2 mg/L', result: '1.8 mg/L', passed: true },
      ],
      passed: true,
      effect: 'released' as const,
      released: '320',
      reason: '',
    };
    const second = await bothDoors({ type: 'assessment', doc: recheck }, 'ma2.json');
    expect(second.refused).toBeNull();
    expect(second.code).toBe(0);
    expect(second.cli.findings).toEqual(second.app);
    expect(second.app.find((f) => f.rule === 'assessment.again')).toMatchObject({
      severity: 'warning',
    });

    const third = await bothDoors(
      {
        type: 'assessment',
        doc: {
          ...recheck,
          assessmentId: 'MA-M2-3',
          assessedOn: '2028-07-01',
          approvedOn: '2028-07-02',
        },
      },
      'ma3.json',
    );
    expect(third.code).toBe(1);
    expect(third.cli.findings).toEqual(third.app);
    const refusal = third.app.find((f) => f.rule === 'assessment.again');
    expect(refusal?.message).toBe(
      '里程碑 M2 已由考核表 MA-M2-2（2028年6月20日）考核通过并拨付 320 万元，不再考核；更正该表须以原编号 MA-M2-2 重新签署（第十二条（八）3）',
    );
    expect(third.refused).toContain(refusal?.message);
    expect((await awardsOf(db, tb.taskBookId)).map((a) => a.document)).not.toContainEqual(
      expect.objectContaining({ doc: expect.objectContaining({ assessmentId: 'MA-M2-3' }) }),
    );
  });

  it('after a signed termination: an acceptance refused at both doors citing 第十七条', async () => {
    await signInApp({ type: 'form', doc: sampleTermination() });
    const acc = await bothDoors({ type: 'form', doc: sampleFailedAcceptance() }, 'acc.json');
    expect(acc.code).toBe(1);
    expect(acc.cli.findings).toEqual(acc.app);
    const closed = acc.cli.findings.find((f) => f.rule === 'form.terminated');
    expect(closed?.message).toBe('项目已于2028年9月1日终止（TRM-1），不再受理验收（第十七条）');
    expect(acc.refused).toContain(closed?.message);
    // Alone, without the project's other documents, the CLI cannot know of the termination.
    const alone = await run('check', join(dir, 'acc.json'), '--taskbook', tbFile, '--json');
    expect(Out.parse(JSON.parse(alone.out)).findings.map((f) => f.rule)).not.toContain(
      'form.terminated',
    );
  });

  it('a bundle of another task book in the set is refused by name, nothing judged', async () => {
    const other = join(dir, 'other');
    await mkdir(other);
    const signed = await signAward(db, {
      tb: { ...tb, taskBookId: 'TB-OTHER-1' },
      document: { type: 'race', doc: { ...sampleRaceChoice(), taskBookId: 'TB-OTHER-1' } },
      signerIds: [ids.bureau, ids.issuer],
      actor: 'test',
    });
    await writeFile(join(other, signed.name), signed.bytes);
    const acc = join(dir, 'acc-2.json');
    await writeFile(acc, JSON.stringify(sampleFailedAcceptance()));
    const r = await run('check', acc, '--with', other, '--with', join(dir, 'signed'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${signed.name} 属于任务书 TB-OTHER-1，不是 TB-KLMY-2026-001`);
    expect(r.out).toBe('');
  });
});
