import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import tbJson from '../../../resources/sample/taskbook.json';
import {
  sampleAssessment,
  sampleFailedAcceptance,
  sampleLateExtension,
  sampleRaceChoice,
  sampleTermination,
} from '../../../src-shared/award/samples';
import { openBundle } from '../../../src-shared/bundle';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { TaskBookSchema, type TaskBook } from '../../../src-shared/model';
import { JiebangDB } from '../db/database';
import { auditLog, commitChange } from '../db/repo';
import { say, type Message } from '../i18n/strings';
import {
  awardSigners,
  awardsOf,
  chairRaceEntries,
  enrolSigner,
  signAward,
  signedTaskBooks,
} from './award';
import { problemOf } from './deps';

/** What the user is told of a refusal (`problemOf`, as the store shows it); fails if it signed. */
async function refusal(p: Promise<unknown>): Promise<Message> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof Error)) throw new Error('expected a refusal, but it was signed');
  return problemOf(e);
}

const dbs: JiebangDB[] = [];
let n = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const book = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
});

async function installation(): Promise<JiebangDB> {
  const db = new JiebangDB(
    `jb-award-${n++}`,
    globalThis.crypto.getRandomValues(new Uint8Array(32)),
  );
  dbs.push(db);
  await db.open();
  await commitChange(
    db,
    { taskBook: book() },
    { actor: 'chair', action: 'taskbook.final', target: 'TB' },
  );
  return db;
}

describe('after the award on a device', () => {
  it('a signing the bundle builder refuses spends no counter and writes nothing (the order of exportSigned)', async () => {
    const db = await installation();
    const i = await enrolSigner(db, 'chair', { role: 'issuer', name: '陈立新' });
    const before = {
      counters: (await awardSigners(db)).map((s) => s.counter),
      audit: (await auditLog(db)).length,
    };
    // The race's choice without the bureau's signature: the checks pass it, the builder refuses it.
    const refused = signAward(db, {
      tb: book(),
      document: { type: 'race', doc: sampleRaceChoice() },
      signerIds: [i.signerId],
      actor: 'chair',
      now: '2027-12-28T09:00:00+08:00',
    });
    await expect(refused).rejects.toThrow();
    expect((await awardSigners(db)).map((s) => s.counter)).toEqual(before.counters);
    expect((await auditLog(db)).length).toBe(before.audit);
    expect(await awardsOf(db, 'TB-KLMY-2026-001')).toEqual([]);
  });

  it('signs an assessment by an assessor, the 发榜方 and the bureau, each with their own key, and keeps it sealed', async () => {
    const db = await installation();
    expect((await signedTaskBooks(db, 'KLMY-2026-JB-001')).map((t) => t.taskBookId)).toEqual([
      'TB-KLMY-2026-001',
    ]);
    const a = await enrolSigner(db, 'chair', { role: 'assessor', name: '王建国' });
    const i = await enrolSigner(db, 'chair', { role: 'issuer', name: '陈立新' });
    const b = await enrolSigner(db, 'chair', { role: 'bureau', name: '克拉玛依市科学技术局' });
    expect(new Set([a.fingerprint, i.fingerprint, b.fingerprint]).size).toBe(3);
    // A horse race: the milestone assessments follow the signed choice (第十二条（八）3).
    const early = signAward(db, {
      tb: book(),
      document: { type: 'assessment', doc: sampleAssessment() },
      signerIds: [a.signerId, i.signerId, b.signerId],
      actor: 'chair',
    });
    expect(say('zh', await refusal(early))).toContain('赛马择优尚未签署（第十二条（八）3）');
    expect(await awardsOf(db, 'TB-KLMY-2026-001')).toEqual([]);
    await signAward(db, {
      tb: book(),
      document: { type: 'race', doc: sampleRaceChoice() },
      signerIds: [b.signerId, i.signerId],
      actor: 'chair',
      now: '2027-12-28T09:00:00+08:00',
    });
    const signed = await signAward(db, {
      tb: book(),
      document: { type: 'assessment', doc: sampleAssessment() },
      signerIds: [a.signerId, i.signerId, b.signerId],
      actor: 'chair',
      now: '2028-04-15T09:00:00+08:00',
    });
    const opened = await openBundle(signed.bytes, { crypto: nobleCrypto });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.bundle.kind).toBe('milestone-assessment');
    expect(opened.bundle.manifest.signers.map((s) => [s.role, s.name, s.fingerprint])).toEqual([
      ['assessor', '王建国', a.fingerprint],
      ['issuer', '陈立新', i.fingerprint],
      ['bureau', '克拉玛依市科学技术局', b.fingerprint],
    ]);
    const kept = await awardsOf(db, 'TB-KLMY-2026-001');
    expect(kept.map((k) => k.document.type)).toEqual(['race', 'assessment']);
    expect(kept[1]?.manifestSha256).toBe(opened.bundle.manifestSha256);
    expect((await awardSigners(db)).map((s) => s.counter)).toEqual([1, 2, 2]);
    expect((await auditLog(db)).map((e) => e.action)).toContain('award.sign.assessment');
    // Sealed: the row as stored (no middleware) shows its id and task book only.
    const raw = new Dexie(db.name);
    await raw.open();
    const rows = await raw.table('awards').toArray();
    raw.close();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('王建国');
    expect(JSON.stringify(rows)).not.toContain('assessment');
    expect(rows[0]?.['taskBookId']).toBe('TB-KLMY-2026-001');
  });

  it('enrols a signer’s name as typed without its invisible characters, refuses a bidi control and a second enrolment of the same person in the same role', async () => {
    const db = await installation();
    const bidi = enrolSigner(db, 'chair', { role: 'assessor', name: '\u202e国建王\u200b' });
    expect(say('zh', await refusal(bidi))).toBe(
      '签名人姓名：含有双向控制字符 U+202E，它可改变文字显示顺序、掩盖真实内容，请删除后重新输入',
    );
    expect(await awardSigners(db)).toEqual([]);
    const a = await enrolSigner(db, 'chair', { role: 'assessor', name: ' 王建\u200b国 ' });
    expect(a.name).toBe('王建国');
    const audit = (await auditLog(db)).length;
    const twice = enrolSigner(db, 'chair', { role: 'assessor', name: '王 建国' });
    expect(say('zh', await refusal(twice))).toMatch(
      /^王建国（考核专家）已登记，密钥指纹 [0-9a-f ]+：同一人以同一身份只登记一次/u,
    );
    expect((await awardSigners(db)).map((s) => s.signerId)).toEqual([a.signerId]);
    expect((await auditLog(db)).length).toBe(audit);
    // The same person in another role is another enrolment (a 发榜方 who also assesses).
    await enrolSigner(db, 'chair', { role: 'issuer', name: '王建国' });
    expect((await awardSigners(db)).length).toBe(2);
  });

  it('refuses a late extension citing 第十九条, and a race choice without the bureau, writing nothing', async () => {
    const db = await installation();
    const s = await enrolSigner(db, 'chair', {
      role: 'solver',
      name: '新疆水处理技术研究院（示例）',
    });
    const late = signAward(db, {
      tb: book(),
      document: { type: 'form', doc: sampleLateExtension() },
      signerIds: [s.signerId],
      actor: 'chair',
    });
    expect(say('zh', await refusal(late))).toContain('本申请距到期仅 20 日）（第十九条）');
    const i = await enrolSigner(db, 'chair', { role: 'issuer', name: '陈立新' });
    const unsigned = signAward(db, {
      tb: book(),
      document: { type: 'race', doc: sampleRaceChoice() },
      signerIds: [i.signerId],
      actor: 'chair',
    });
    expect(say('zh', await refusal(unsigned))).toContain('赛马择优须由市科技局签名');
    expect(await awardsOf(db, 'TB-KLMY-2026-001')).toEqual([]);
  });

  it('refuses an acceptance after a signed termination, naming it (第十七条), writing nothing more', async () => {
    const db = await installation();
    const i = await enrolSigner(db, 'chair', { role: 'issuer', name: '陈立新' });
    const b = await enrolSigner(db, 'chair', { role: 'bureau', name: '克拉玛依市科学技术局' });
    const s = await enrolSigner(db, 'chair', {
      role: 'solver',
      name: '新疆水处理技术研究院（示例）',
    });
    await signAward(db, {
      tb: book(),
      document: { type: 'form', doc: sampleTermination() },
      signerIds: [b.signerId, i.signerId],
      actor: 'chair',
    });
    const after = signAward(db, {
      tb: book(),
      document: { type: 'form', doc: sampleFailedAcceptance() },
      signerIds: [s.signerId],
      actor: 'chair',
    });
    expect(say('zh', await refusal(after))).toContain(
      '项目已于2028年9月1日终止（TRM-1），不再受理验收（第十七条）',
    );
    expect((await awardsOf(db, 'TB-KLMY-2026-001')).map((k) => k.document.type)).toEqual(['form']);
  });

  it('starts the race’s choice from what the chair entered on the chair’s desk', async () => {
    const db = await installation();
    expect(await chairRaceEntries(db)).toEqual([]);
    const entered = {
      formatVersion: 1 as const,
      taskBookId: 'TB-KLMY-2026-JB-001',
      milestoneId: 'RACE',
      applicantId: 'A01',
      assessedOn: '2027-12-20',
      passed: true,
      score: 88,
      findings: '',
      continues: true,
      continueReason: '中试指标全部达到',
    };
    await commitChange(db, { meta: { assessments: [entered] } }, null);
    expect(await chairRaceEntries(db)).toEqual([entered]);
  });
});
