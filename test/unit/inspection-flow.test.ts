// This test runs the renderer's workflow in Node against fake-indexeddb, whose types are the DOM's.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The inspection flow through the team laptop's use cases (src-renderer/src/workflows/inspection)
 * with main's real PDF renderer, then the bureau's doors: the bureau's assignment imported, two
 * inspectors enrolled with their own keys, the checklist filled, two photos (one with an EXIF
 * time), both sign; the report PDF read back with `pdftotext` and `pdfimages -list`; the bundle
 * opened with `jiebang verify` and `check`, and with `age`, `unzip`, `openssl` and `sha256sum`
 * alone, both signatures. Bad input — not an image, a 200 MB photo, a wrong passphrase, a report
 * for an unknown assignment — each named, nothing written.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { buildBundle, openBundle, type InspectionAssignment } from '../../src-shared/bundle';
import { generateSigningKey, type SigningKeyPair } from '../../src-shared/crypto/keys';
import { nobleCrypto } from '../../src-shared/crypto/noble';
import { withExifTime } from '../../src-shared/inspection/test-helpers';
import { CHECKLIST_TEMPLATES } from '../../src-shared/inspection/checklist';
import { renderJob } from '../../src-main/pdf/jobs';
import { runForTestAt } from '../../src-main/cli/run-for-test';
import { sh, verifyWithStandardTools } from '../fixtures/standard-tools';
import { JiebangDB } from '../../src-renderer/src/db/database';
import { auditLog, getInspection } from '../../src-renderer/src/db/repo';
import { say, type Message } from '../../src-renderer/src/i18n/strings';
import { visitAfterTodayText } from '../../src-shared/inspection';
import {
  addPhoto,
  addPhotoFile,
  enrolInspector,
  importAssignment,
  judgeReportEdit,
  saveReport,
  signReport,
  startReport,
  type InspectionDeps,
  type RenderInspectionPdf,
} from '../../src-renderer/src/workflows/inspection';

const BUREAU_KEY = 'resources/sample/keys/bureau.agekey';
const BUREAU_SIGNING_KEY = 'resources/sample/keys/bureau-signing.key';
const BUREAU_RECIPIENT = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';
const crypto = nobleCrypto;
/** The team's day of the visit, 16:00 in Karamay: the laptop's clock and the command line's alike. */
const NOW = '2026-12-15T16:00:00+08:00';
/** The day before it (the visit is then after today). */
const DAY_BEFORE = '2026-12-14T16:00:00+08:00';

/** The command line run on `at` (what it calls today), as the bureau runs it. */
const cliOn =
  (at: string) =>
  (...argv: string[]) =>
    runForTestAt(() => new Date(at), process.cwd(), ...argv);
const cli = cliOn(NOW);

function assignment(id: string): InspectionAssignment {
  return {
    formatVersion: 1,
    assignmentId: id,
    subject: { type: 'demand', id: 'D-2026-01' },
    round: 'R-2026-2',
    purpose: '评榜：核实技术需求的真实性、发榜方是否为最终用户（第十二条（二））',
    sites: [{ name: '克拉玛依油田采出水处理站', address: '克拉玛依市白碱滩区' }],
    team: [
      { id: 'I01', name: '李检查', role: 'leader' },
      { id: 'I02', name: '王核验', role: 'member' },
    ],
    // As the bureau's desk prefills it: the demand template's items (an empty list is refused).
    checklist: [...CHECKLIST_TEMPLATES.demand.items],
    reportTo: { name: '克拉玛依市科学技术局', ageRecipient: BUREAU_RECIPIENT },
    issuedOn: '2026-12-10',
    dueBy: '2026-12-20',
  };
}

const assignmentBundle = (bureau: SigningKeyPair, a: InspectionAssignment, counter = 3) =>
  buildBundle({
    crypto,
    kind: 'inspection-assignment',
    bundleId: a.assignmentId,
    subject: a.subject,
    signers: [
      {
        role: 'bureau',
        id: 'bureau',
        name: '克拉玛依市科学技术局',
        secretKey: bureau.secretKey,
        counter,
        audit: EMPTY_HEAD,
      },
    ],
    document: a,
    createdAt: '2026-12-10T09:00:00+08:00',
  });

/** A refusal as the Chinese screen shows it (the workflow returns a message, not a sentence). */
const zh = (o: { ok: true } | { ok: false; reason: Message }) =>
  o.ok ? o : { ok: false, reason: say('zh', o.reason) };

const renderPdf: RenderInspectionPdf = async (input) =>
  (await renderJob({ kind: 'inspection', ...input })).bytes;

const same: Parameters<typeof addPhoto>[2] = async (bytes, mediaType) => ({ bytes, mediaType });

let root: string;
let db: JiebangDB;
let deps: InspectionDeps;
const bureau = generateSigningKey();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jb-inspection-'));
  db = new JiebangDB('jb-inspection-flow', globalThis.crypto.getRandomValues(new Uint8Array(32)));
  await db.open();
  deps = { db, crypto, actor: '考察组笔记本', now: () => NOW };
});
afterAll(async () => {
  db.close();
  await db.delete();
});

describe('an inspection team in the field, offline', () => {
  let reportBytes: Uint8Array;
  let pdf: Uint8Array;

  it('imports the assignment, enrols two inspectors, fills the checklist with two photos, both sign', async () => {
    // The bureau signs the assignment at its command line, which keeps it in its data folder.
    await writeFile(join(root, 'ASG.json'), JSON.stringify(assignment('ASG-2026-07')));
    const assigned = await cli(
      'inspection',
      'assign',
      join(root, 'ASG.json'),
      '--key',
      BUREAU_SIGNING_KEY,
      '-o',
      join(root, 'ASG.jbx'),
      '--data',
      join(root, 'bureau'),
    );
    expect(assigned.code, assigned.err).toBe(0);
    expect(assigned.out).toContain('批次：R-2026-2');
    const asgBytes = new Uint8Array(await readFile(join(root, 'ASG.jbx')));
    const opened = await openBundle(asgBytes, { crypto });
    if (!opened.ok) throw new Error(opened.error.message);
    const imported = await importAssignment(deps, opened.bundle);
    expect(imported).toMatchObject({ ok: true, duplicate: false });

    // Four characters of CJK Extension B are eight UTF-16 units: too short, as the one rule counts
    // (src-shared/passphrase.ts, code points after NFC).
    const short = await enrolInspector(deps, {
      assignmentId: 'ASG-2026-07',
      memberId: 'I01',
      passphrase: '𠮷𠮷𠮷𠮷',
    });
    expect(short.ok).toBe(false);
    expect(zh(short)).toMatchObject({ reason: expect.stringContaining('的签名口令至少 8 个字符') });

    for (const [memberId, passphrase] of [
      ['I01', 'li-jiancha-2026'],
      ['I02', 'wang-heyan-2026'],
    ] as const) {
      const enrolled = await enrolInspector(deps, {
        assignmentId: 'ASG-2026-07',
        memberId,
        passphrase,
      });
      expect(enrolled).toMatchObject({ ok: true, inspector: { id: memberId } });
    }
    expect(
      zh(
        await enrolInspector(deps, {
          assignmentId: 'ASG-2026-07',
          memberId: 'I09',
          passphrase: 'x'.repeat(9),
        }),
      ),
    ).toEqual({ ok: false, reason: 'I09 不是考察任务 ASG-2026-07 的考察组成员' });

    const started = await startReport(deps, 'ASG-2026-07');
    if (!started.ok) throw new Error(say('zh', started.reason));
    const { report } = started;
    expect(report.checklist.map((c) => c.result)).toEqual(Array(4).fill('not-checked'));
    const filled = await saveReport(deps, {
      ...report,
      date: '2026-12-15',
      checklist: report.checklist.map((c, i) =>
        i === 3
          ? { ...c, result: 'partly', note: '配套资金已列入 2027 年预算，尚未拨付' }
          : { ...c, result: 'met' },
      ),
      conclusion: '需求真实，发榜方为技术需求最终用户，建议发榜。',
    });
    expect(filled.ok).toBe(true);

    // Bad photos: each named, nothing written.
    const before = await db.attachments.count();
    const notImage = await addPhoto(
      deps,
      {
        reportId: report.reportId,
        name: '说明.pdf',
        bytes: new TextEncoder().encode('%PDF-1.7'),
        caption: '',
      },
      same,
    );
    expect(zh(notImage)).toEqual({
      ok: false,
      reason: expect.stringContaining('说明.pdf 不是 JPEG 或 PNG 图片'),
    });
    const huge = await addPhoto(
      deps,
      {
        reportId: report.reportId,
        name: 'huge.jpg',
        bytes: new Uint8Array(200 * 1024 * 1024),
        caption: '',
      },
      same,
    );
    expect(zh(huge)).toEqual({
      ok: false,
      reason: expect.stringContaining('huge.jpg 有 200.0 MB，超过 25.0 MB'),
    });
    // At the screen's door a 200 MB file is refused from its size alone: never read.
    const unread = await addPhotoFile(
      deps,
      {
        reportId: report.reportId,
        name: 'huge.jpg',
        size: 200 * 1024 * 1024,
        read: () => Promise.reject(new Error('read a file past the bound')),
        caption: '',
      },
      same,
    );
    expect(zh(unread)).toEqual(zh(huge));
    // In English, refusals read in English (the file named), not the Chinese sentence.
    if (!unread.ok)
      expect(say('en', unread.reason)).toBe(
        'Photo huge.jpg is 200.0 MB, over the bound of 25.0 MB; not imported (make it smaller on a computer first)',
      );
    if (!notImage.ok)
      expect(say('en', notImage.reason)).toBe('说明.pdf is not a JPEG or PNG image; not imported');
    expect(await db.attachments.count()).toBe(before);
    expect((await getInspection(db, report.reportId))?.photos).toEqual([]);

    const jpeg = withExifTime(
      new Uint8Array(await readFile('test/fixtures/inspection/site-1.jpg')),
      '2026:12:15 10:31:07',
    );
    const png = new Uint8Array(await readFile('test/fixtures/inspection/site-2.png'));
    const one = await addPhoto(
      deps,
      {
        reportId: report.reportId,
        name: 'IMG_0412.jpg',
        bytes: jpeg,
        caption: '采出水处理站全景',
        item: 0,
      },
      same,
    );
    expect(one).toMatchObject({ ok: true, photo: { capturedAt: '2026-12-15T10:31:07' } });
    const two = await addPhoto(
      deps,
      { reportId: report.reportId, name: 'screen.png', bytes: png, caption: '在线监测屏' },
      same,
    );
    expect(two.ok && two.photo.capturedAt).toBe(undefined);

    const audit = async () => ({ head: EMPTY_HEAD, bytes: new TextEncoder().encode('[]') });
    const wrong = await signReport(deps, {
      reportId: report.reportId,
      passphrases: { I01: 'li-jiancha-2026', I02: 'not-his-passphrase' },
      renderPdf,
      audit,
    });
    if (!wrong.ok)
      expect(say('en', wrong.reason)).toBe('王核验 (I02): wrong signing passphrase; not signed');
    expect(zh(wrong)).toEqual({ ok: false, reason: '王核验（I02）的签名口令不正确，未签名' });

    const signed = await signReport(deps, {
      reportId: report.reportId,
      passphrases: { I01: 'li-jiancha-2026', I02: 'wang-heyan-2026' },
      renderPdf,
      audit,
    });
    if (!signed.ok) throw new Error(say('zh', signed.reason));
    reportBytes = signed.bytes;
    pdf = signed.pdf;
    await writeFile(join(root, 'REPORT.jbx'), reportBytes);
    await writeFile(join(root, 'report.pdf'), pdf);
    expect((await auditLog(db)).map((e) => e.action)).toContain('inspection.report.sign');
  }, 240_000);

  it('the report PDF has the cover, the checklist, both photos with their times, both signers', () => {
    const text = sh('pdftotext', ['-layout', 'report.pdf', '-'], root);
    for (const s of [
      '实地考察报告',
      '榜单 D-2026-01',
      '克拉玛依油田采出水处理站',
      '基本符合',
      '配套资金已列入 2027 年预算',
      '采出水处理站全景',
      '考察日期：2026年12月15日',
      '拍摄时间：2026年12月15日 10:31:07',
      '拍摄时间：照片未记录拍摄时间',
      '李检查（I01）',
      '王核验（I02）',
    ])
      expect(text).toContain(s);
    const images = sh('pdfimages', ['-list', 'report.pdf'], root)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim().split(/\s+/)[2] === 'image');
    expect(images.length).toBe(2);
  });

  it('jiebang verify and check read the bundle: both signatures, the assignment answered', async () => {
    const verified = await cli('verify', join(root, 'REPORT.jbx'), '--identity', BUREAU_KEY);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toContain('李检查');
    expect(verified.out).toContain('王核验');
    const checked = await cli(
      'check',
      join(root, 'REPORT.jbx'),
      '--assignment',
      join(root, 'ASG.jbx'),
      '--identity',
      BUREAU_KEY,
    );
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toContain('实地考察报告文件包');
  });

  it('a visit after today is refused in one sentence at every door: the date field, signing, jiebang check and inspection ingest', async () => {
    // The same report (visited 2026-12-15) judged the day before, on the laptop's clock and the
    // command line's alike.
    const said = visitAfterTodayText('2026-12-15', '2026-12-14');
    expect(said).toBe(
      '2026年12月15日晚于今天（2026年12月14日），考察报告记录的是已经进行的实地考察',
    );
    const finding = `考察日期${said}（第十二条（二））`;
    const saved = await getInspection(db, 'ASG-2026-07-R');
    if (!saved) throw new Error('no report');
    // The date field: its refusal, after the field's label; and in English, its twin.
    const field = judgeReportEdit(saved, '2026-12-14');
    expect(zh(field)).toEqual({ ok: false, reason: `考察日期：${said}` });
    if (!field.ok)
      expect(say('en', field.reason)).toBe(
        'Date of the visit: 2026-12-15 is after today (2026-12-14): a report records a visit that has taken place',
      );
    // Signing: refused by the blocking finding, nothing written.
    const before = (await auditLog(db)).length;
    const signed = await signReport(
      { ...deps, now: () => DAY_BEFORE },
      {
        reportId: 'ASG-2026-07-R',
        passphrases: { I01: 'li-jiancha-2026', I02: 'wang-heyan-2026' },
        renderPdf,
        audit: async () => ({ head: EMPTY_HEAD, bytes: new TextEncoder().encode('[]') }),
      },
    );
    expect(zh(signed)).toEqual({ ok: false, reason: expect.stringContaining(finding) });
    expect((await auditLog(db)).length).toBe(before);
    // The command line on the same day: check finds it blocking, ingest refuses, writing nothing.
    const earlier = cliOn(DAY_BEFORE);
    const report = join(root, 'REPORT.jbx');
    const checked = await earlier(
      'check',
      report,
      '--assignment',
      join(root, 'ASG.jbx'),
      '--identity',
      BUREAU_KEY,
    );
    expect(checked.code).toBe(1);
    expect(checked.out).toContain(finding);
    // The bureau's folder holding the assignment (the report is taken in there in the test below,
    // for the first time: nothing of it was written here).
    const data = join(root, 'bureau');
    const ingested = await earlier(
      'inspection',
      'ingest',
      report,
      '--identity',
      BUREAU_KEY,
      '--data',
      data,
    );
    expect(ingested.code).toBe(2);
    expect(ingested.err).toContain(finding);
    await expect(readdir(join(data, 'inspections', 'reports'))).rejects.toThrow();
    // On the day of the visit the same report passes every door (the test above).
    expect(judgeReportEdit(saved, '2026-12-15').ok).toBe(true);
  });

  it('a report for another assignment is refused by name', async () => {
    await writeFile(
      join(root, 'OTHER.jbx'),
      await assignmentBundle(bureau, assignment('ASG-2026-99'), 4),
    );
    const other = await cli(
      'check',
      join(root, 'REPORT.jbx'),
      '--assignment',
      join(root, 'OTHER.jbx'),
      '--identity',
      BUREAU_KEY,
    );
    expect(other.code).toBe(2);
    expect(other.err).toContain('考察报告 ASG-2026-07-R 回应的考察任务 ASG-2026-07 不在本机');
  });

  it('the bureau takes it in and lists it by round; again changes nothing; without its assignment it is refused by name', async () => {
    const data = join(root, 'bureau');
    const ingest = (dir: string) =>
      cli(
        'inspection',
        'ingest',
        join(root, 'REPORT.jbx'),
        '--identity',
        BUREAU_KEY,
        '--data',
        dir,
      );
    const first = await ingest(data);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('已收回实地考察报告 ASG-2026-07-R（批次 R-2026-2）');
    expect(first.out).toContain('新签名者 李检查（考察组成员）');
    expect((await ingest(data)).out).toContain('此报告此前已导入，未作任何更改');
    const listed = await cli('inspection', 'list', '--identity', BUREAU_KEY, '--data', data);
    expect(listed.out).toContain('批次 R-2026-2：1 份实地考察报告');
    expect(listed.out).toMatch(/ASG-2026-07-R {2}榜单 D-2026-01 .*符合 3，基本符合 1 {2}照片 2 张/);

    // Another bureau folder that never issued ASG-2026-07: refused by name, nothing written.
    const elsewhere = join(root, 'bureau-elsewhere');
    const refused = await ingest(elsewhere);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('考察报告 ASG-2026-07-R 回应的考察任务 ASG-2026-07 不在本机');
    await expect(readdir(elsewhere)).rejects.toThrow();
  });

  it('age, unzip, openssl and sha256sum alone verify it, both signatures', async () => {
    sh(
      'age',
      ['-d', '-i', join(process.cwd(), BUREAU_KEY), '-o', 'report.zip', 'REPORT.jbx'],
      root,
    );
    sh('unzip', ['-q', 'report.zip', '-d', 'out'], root);
    const dir = join(root, 'out');
    const { signatures, sums } = verifyWithStandardTools(dir);
    expect(signatures).toHaveLength(2);
    for (const answer of signatures) expect(answer).toContain('Signature Verified Successfully');
    expect(sums).toContain('report.pdf: OK');
    expect(sums).toContain('photos/p01.jpg: OK');
    expect(sums).toContain('photos/p02.png: OK');
    expect(sums).not.toContain('FAILED');
  });

  it('an assignment signed from a fresh data folder: the CLI says its count starts at 1, the team’s app refuses it as a replay and says what to do', async () => {
    await writeFile(join(root, 'ASG-08.json'), JSON.stringify(assignment('ASG-2026-08')));
    const sign = (out: string, data: string, ...more: string[]) =>
      cli(
        'inspection',
        'assign',
        join(root, 'ASG-08.json'),
        '--key',
        BUREAU_SIGNING_KEY,
        '-o',
        join(root, out),
        '--data',
        join(root, data),
        ...more,
      );
    const fresh = await sign('ASG-08.jbx', 'bureau-fresh');
    expect(fresh.code, fresh.err).toBe(0);
    expect(fresh.out).toContain('签名计数 1');
    expect(fresh.err).toBe(
      `! 签名计数从 1 开始：数据目录 ${join(root, 'bureau-fresh')} 中没有此签名密钥的计数记录。已导入过此密钥所签文件包的接收方会把计数 1 视为「疑似重放的旧文件」而拒收；如此密钥此前签过文件包（在别的电脑或别的数据目录），请用 --counter 给出大于上次所用的计数重新签名\n`,
    );
    const opened = await openBundle(new Uint8Array(await readFile(join(root, 'ASG-08.jbx'))), {
      crypto,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    // The team's laptop imported ASG-2026-07 (counter 1) from this key: refused, and told whom to ask.
    expect(zh(await importAssignment(deps, opened.bundle))).toEqual({
      ok: false,
      reason:
        '克拉玛依市科学技术局（市科技局）：计数 1 不大于该签名者已导入的 1：疑似重放的旧文件。如这是新签发的文件，请市科技局以大于 1 的签名计数重新签名后再发来（用 jiebang 命令行签名的，加 --counter 2 或更大）',
    });

    // Signed again with the counter the sentence asks for: no warning, and the app takes it.
    const again = await sign('ASG-08b.jbx', 'bureau-fresh-2', '--counter', '2');
    expect(again.err).toBe('');
    expect(again.out).toContain('签名计数 2');
    const reopened = await openBundle(new Uint8Array(await readFile(join(root, 'ASG-08b.jbx'))), {
      crypto,
    });
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(await importAssignment(deps, reopened.bundle)).toMatchObject({ ok: true });
  });
});
