/**
 * The bureau's two doors on one input (issue 18): the command line (`jiebang package new|lint`,
 * `jiebang ingest --json`, `jiebang calendar publicity`) and the desk's workflow
 * (src-renderer/src/workflows/bureau.ts over main's real handlers) give the same package from the
 * sample's workbooks, name the same bad row, take the same panel result in with the same ranking,
 * decision and findings, and count the same publicity window; an inspection assignment's
 * checklist, typed the same at the desk and in the JSON `jiebang inspection assign` signs, is
 * signed the same (`assignmentChecklist` judges the field both read); the same bad due date is
 * refused in one sentence — the date rule's — by the date field, the desk, the JSON the CLI reads
 * and the inspection report's form, and a date written 2026/9/30 is signed as 2026-09-30. 审定 has
 * one door, the desk (no command approves): a 审定 after the desk's today is refused there in the
 * sentence of src-shared's `approvalAfterToday`.
 */
import 'fake-indexeddb/auto';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openBundle } from '../../src-shared/bundle';
import { approvalAfterToday } from '../../src-shared/bureau';
import { assignmentChecklist, startChecklist } from '../../src-shared/inspection';
import { formatFingerprint } from '../../src-shared/crypto/keys';
import { InspectionReportSchema, ReviewPackageSchema } from '../../src-shared/model';
import { formatDateZh, normaliseDate, readDate } from '../../src-shared/text/date';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { bureauHost, filesOf } from './bureau-host';
import { JiebangDB } from '../../src-renderer/src/db/database';
import { auditLog } from '../../src-renderer/src/db/repo';
import { dateRefusal } from '../../src-renderer/src/i18n/date';
import { say } from '../../src-renderer/src/i18n/strings';
import {
  approve,
  editDraftCell,
  issueAssignment,
  judgeDraft,
  listRounds,
  readDraft,
  roundPublicityNotice,
  signRound,
  stageOf,
} from '../../src-renderer/src/workflows/bureau';
import { WorkflowError } from '../../src-renderer/src/workflows/deps';
import { judgeReportEdit } from '../../src-renderer/src/workflows/inspection';
import { samplePanelBundle } from '../fixtures/panel';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';
const PASS = 'correct horse battery';

const { dir, db, api, channel, signSampleRound } = bureauHost('jb-desk');

/** The desk's clock the day after the sample's 评审日期 (2026-12-08), 10:00 local. */
const AFTER_REVIEW = new Date(2026, 11, 9, 10);

/** A copy of the sample's lists with applicant A03's id typed as A02 (a duplicate id). */
async function duplicateRow(): Promise<string> {
  const folder = await mkdtemp(join(dir, 'lists-'));
  for (const f of await readdir(LISTS)) await copyFile(join(LISTS, f), join(folder, f));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(join(LISTS, 'applicants.xlsx'))).buffer);
  const ws = wb.getWorksheet('揭榜方');
  if (!ws) throw new Error('sheet');
  ws.getCell('A4').value = 'A02';
  await writeFile(join(folder, 'applicants.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
  return folder;
}

const LintJson = z.object({ ok: z.boolean(), problems: z.array(z.string()) });
const IngestJson = z.array(
  z.object({
    ok: z.boolean(),
    ranking: z.array(z.unknown()),
    decision: z.object({
      recommendedIds: z.array(z.string()),
      approvedFunding: z.array(z.object({ applicantId: z.string(), amount: z.string() })),
      approvedTotal: z.string(),
    }),
    findings: z.array(z.unknown()),
  }),
);

describe('the bureau’s desk and the command line on one input', { timeout: 180_000 }, () => {
  it('makes the same package from the sample’s workbooks, and names the same bad row, which the desk fixes in place', async () => {
    const cli = await run(
      'package',
      'new',
      LISTS,
      '--attachments',
      ATTACHMENTS,
      '-o',
      join(dir, 'rp.json'),
    );
    expect(cli.err).toBe('');
    const fromCli = ReviewPackageSchema.parse(
      JSON.parse(await readFile(join(dir, 'rp.json'), 'utf8')),
    );
    const good = judgeDraft(await readDraft(api, await filesOf(LISTS), await filesOf(ATTACHMENTS)));
    expect(good.ok && good.pkg).toEqual(fromCli);
    expect(good.ok && good.canSign).toBe(true);

    const bad = await duplicateRow();
    const lint = LintJson.parse(
      JSON.parse((await run('package', 'lint', bad, '--attachments', ATTACHMENTS, '--json')).out),
    );
    const draft = await readDraft(api, await filesOf(bad), await filesOf(ATTACHMENTS));
    const verdict = judgeDraft(draft);
    if (verdict.ok) throw new Error('the duplicate id passed');
    expect(lint.ok).toBe(false);
    expect(verdict.problems.map((p) => p.message)).toEqual(lint.problems);
    const problem = verdict.problems.find((p) =>
      p.message.includes('揭榜方编号 A02 与第 3 行重复'),
    );
    expect(problem?.at).toMatchObject({ row: 4, col: 0 });
    const at = problem?.at;
    if (!at || at.col === null) throw new Error('no cell');
    const fixed = judgeDraft(editDraftCell(draft, { ...at, col: at.col }, 'A03'));
    expect(fixed.ok && fixed.pkg).toEqual(fromCli);
  });

  it('tells the same files left out: a CSV that is no table, a bundle chosen among the proposals', async () => {
    const lists = await mkdtemp(join(dir, 'lists-'));
    for (const f of await readdir(LISTS)) await copyFile(join(LISTS, f), join(lists, f));
    await writeFile(join(lists, '专家回避.csv'), '专家编号,回避揭榜方\nE01,A01\n');
    const files = await mkdtemp(join(dir, 'files-'));
    for (const f of await readdir(ATTACHMENTS))
      await copyFile(join(ATTACHMENTS, f), join(files, f));
    await writeFile(join(files, 'expert-E02.jbx'), 'PK');
    const lint = LintJson.parse(
      JSON.parse((await run('package', 'lint', lists, '--attachments', files, '--json')).out),
    );
    const verdict = judgeDraft(await readDraft(api, await filesOf(lists), await filesOf(files)));
    if (!verdict.ok) throw new Error(verdict.problems.map((p) => p.message).join('\n'));
    expect(lint.ok).toBe(true);
    expect(verdict.notes.map((n) => n.message)).toEqual(lint.problems);
    expect(lint.problems).toEqual(
      expect.arrayContaining([
        '专家回避.csv：不是名单中的任何一张表（表名或文件名不符），未读取；如属名单，请按模板改名',
        'expert-E02.jbx：「揭榜方」表的「申报书文件」「合作协议文件」两列都没有写这个文件名，不放入文件包',
      ]),
    );
  });

  it('signs in main, takes the chair’s result in with the ranking, decision and findings the CLI prints, refuses 审定 before the review and after today, approves on 2026-12-08 with the window the CLI counts and says so when a second 审定 moves it', async () => {
    const { profileId, info, signed, take } = await signSampleRound(PASS);
    expect(signed.notice.rows).toContainEqual(['评审包编号', 'KLMY-2026-JB-001']);
    expect(signed.notice.rows.flat().join('\n')).toContain(formatFingerprint(info.fingerprint));
    expect(stageOf(signed.round, '2026-09-02')).toBe('issued');

    // The chair's panel bundle, encrypted to this desk's recipient.
    const panel = await samplePanelBundle(
      signed.round.issued.pkg,
      signed.round.issued.manifestSha256,
    );
    const taken = await take({ name: 'panel.jbx', bytes: panel });
    if (!taken.ok) throw new Error(say('zh', taken.reason));
    const record = taken.round.record;
    if (!record) throw new Error('no record');
    expect(stageOf(taken.round, '2026-09-21')).toBe('results-in');

    // The CLI's door on the same bundle (decrypted by main: the identity never leaves it).
    const plain = await channel('bureau:open-bundle')({
      profileId,
      passphrase: PASS,
      bytes: panel,
    });
    await writeFile(join(dir, 'panel-plain.jbx'), plain.bytes);
    await writeFile(join(dir, 'desk.jbx'), signed.bytes);
    await writeFile(join(dir, 'desk.pub'), info.publicKeyPem);
    const cli = await run(
      'ingest',
      join(dir, 'panel-plain.jbx'),
      '--package',
      join(dir, 'desk.jbx'),
      '--bureau-key',
      join(dir, 'desk.pub'),
      '--data',
      join(dir, 'cli-data'),
      '--json',
    );
    expect(cli.err).toBe('');
    const [viaCli] = IngestJson.parse(JSON.parse(cli.out));
    expect(viaCli?.ok).toBe(true);
    expect(record.ranking).toEqual(viaCli?.ranking);
    expect(record.findings).toEqual(viaCli?.findings);
    expect(record.decision).toMatchObject(viaCli?.decision ?? {});
    expect(record.ok).toBe(true);

    // The same file again changes nothing.
    const again = await take({ name: 'panel.jbx', bytes: panel }, new Date());
    expect(again.ok && again.isDuplicate).toBe(true);

    // 审定 before the review (the package's 评审日期 is 2026-12-08): refused, nothing written.
    const early = await approve(db, {
      packageId: 'KLMY-2026-JB-001',
      approvedOn: '2026-09-29',
      actor: '市科技局',
      now: AFTER_REVIEW,
    });
    expect(early.ok ? '' : say('zh', early.reason)).toBe(
      '审定日期 2026年9月29日 早于评审日期 2026年12月8日：揭榜方建议名单经专家评审提出后，才由市科技局审定（第十二条（六））',
    );
    expect((await listRounds(db))[0]?.approval).toBeUndefined();
    // 审定 after today (the desk's local date, 2026-12-03 here): refused in the one sentence of
    // src-shared (approvalAfterToday), nothing written.
    const future = await approve(db, {
      packageId: 'KLMY-2026-JB-001',
      approvedOn: '2026-12-08',
      actor: '市科技局',
      now: new Date(2026, 11, 3, 10),
    });
    expect(future.ok ? '' : say('zh', future.reason)).toBe(
      approvalAfterToday('2026-12-08', '2026-12-03'),
    );
    expect(future.ok ? '' : say('zh', future.reason)).toBe(
      '审定日期 2026年12月8日 晚于今天（2026年12月3日）：审定日期记录的是市科技局已经作出的审定，公示期自其次日起计（第十二条（六））',
    );
    expect((await listRounds(db))[0]?.approval).toBeUndefined();

    const approved = await approve(db, {
      packageId: 'KLMY-2026-JB-001',
      approvedOn: '2026-12-08',
      actor: '市科技局',
      now: AFTER_REVIEW,
    });
    if (!approved.ok) throw new Error(say('zh', approved.reason));
    expect(approved.moved).toBeNull();
    const days = approved.approval.publicity.days;
    expect(days.map((d) => d.date)).toEqual([
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-14',
      '2026-12-15',
    ]);
    const publicity = await run(
      'calendar',
      'publicity',
      '2026-12-09',
      '--data',
      join(dir, 'cli-data'),
    );
    expect(publicity.out).toContain(days.map((d) => formatDateZh(d.date)).join('、'));

    const [round] = await listRounds(db);
    if (!round) throw new Error('no round');
    expect(stageOf(round, '2026-12-08')).toBe('approved');
    expect(stageOf(round, '2026-12-09')).toBe('publicity');
    const notice = roundPublicityNotice(round);
    const text = notice ? [notice.title, ...notice.rows.flat(), ...notice.footer].join('\n') : '';
    expect(text).toContain('2026年12月9日至2026年12月15日');
    expect(text).toContain('新疆水处理技术研究院（示例），经费 400 万元');
    // A public notice in official Chinese: every date in 年月日, the measures by their full title,
    // and it ends with the bureau that publishes it — no hand-over signatures (领取人签字).
    expect(text).toContain(
      '计入的工作日：2026年12月9日、2026年12月10日、2026年12月11日、2026年12月14日、2026年12月15日',
    );
    expect(text).toContain('依据《克拉玛依市科技计划“揭榜挂帅”项目管理办法》第十二条（六）');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(notice?.signLines).toEqual([round.issued.pkg.bureau.name]);
    expect((await auditLog(db)).map((e) => e.action)).toEqual([
      'bureau.package.sign',
      'bureau.panel.ingest',
      'bureau.approve',
    ]);

    // A year the calendar lacks: refused, with the way to import its calendar, nothing written.
    const refused = await approve(db, {
      packageId: 'KLMY-2026-JB-001',
      approvedOn: '2031-09-29',
      actor: '市科技局',
      now: new Date(2031, 8, 30, 10),
    });
    expect(refused.ok).toBe(false);
    const why = refused.ok ? '' : say('zh', refused.reason);
    expect(why).toContain('导入此日历');
    // One sentence joined to the next, not 「…日历文件。。请先导入…」.
    expect(why).toContain('请导入包含 2031 年的日历文件。请先导入该年的日历文件包');
    expect(why).not.toContain('。。');
    const kept = (await listRounds(db))[0];
    expect(kept?.approval?.approvedOn).toBe('2026-12-08');

    // A second 审定 moves the publicity window: recorded, and said in words.
    const reapproved = await approve(db, {
      packageId: 'KLMY-2026-JB-001',
      approvedOn: '2026-12-10',
      actor: '市科技局',
      now: new Date(2026, 11, 10, 10),
    });
    expect(reapproved.ok && reapproved.moved).toBe(
      '重新审定：审定日期由 2026年12月8日 改为 2026年12月10日，公示期随之由 2026年12月9日至2026年12月15日 改为 2026年12月11日至2026年12月17日（公示 5 个工作日，第十二条（六））；已发布的公示须按新的公示期重新发布',
    );
    expect((await openBundle(signed.bytes, { crypto: nodeCrypto })).ok).toBe(true);
  });

  it('signs an assignment’s checklist as `jiebang inspection assign` signs the same items', async () => {
    // Another profile is another database (one round per package id in each).
    const ownDb = new JiebangDB(
      'jb-desk-checklist',
      globalThis.crypto.getRandomValues(new Uint8Array(32)),
    );
    await ownDb.open();
    const created = await channel('profile:create')({
      label: '市科技局（检查项）',
      passphrase: PASS,
    });
    const profileId = created.profile.id;
    const { key } = await channel('bureau:key-create')({ profileId, passphrase: PASS });
    const draft = await readDraft(api, await filesOf(LISTS), await filesOf(ATTACHMENTS));
    const verdict = judgeDraft(draft);
    if (!verdict.ok) throw new Error(verdict.problems.map((p) => p.message).join('\n'));
    const common = { profileId, passphrase: PASS, key, actor: '市科技局' };
    await signRound(ownDb, api, {
      ...common,
      verdict,
      draft,
      encrypt: { kind: 'none' },
      now: new Date('2026-09-01T09:00:00+08:00'),
    });
    // As typed: a full-width space and invisible characters around the words.
    const typed = [
      '\u3000采出水日处理量与需求材料一致\u200b',
      '发榜方为技术需求的最终用户 ',
      '现场\u200d水质取样送检',
    ];
    const desk = await issueAssignment(ownDb, api, {
      ...common,
      packageId: 'KLMY-2026-JB-001',
      site: '采出水处理站',
      team: '李检查，王核验',
      dueBy: '2026-09-30',
      checklist: typed,
      now: new Date('2026-09-02T09:00:00+08:00'),
    });
    const viaDesk = await openBundle(desk.bytes, { crypto: nodeCrypto });
    if (!viaDesk.ok || viaDesk.bundle.kind !== 'inspection-assignment') throw new Error('desk');

    /** `jiebang inspection assign` with the sample bureau key, kept in one data folder. */
    const assignAtCli = (file: string, out: string, data = join(dir, 'cli-assign')) =>
      run(
        'inspection',
        'assign',
        file,
        '--key',
        'resources/sample/keys/bureau-signing.key',
        '-o',
        out,
        '--data',
        data,
      );
    const json = join(dir, 'assignment.json');
    await writeFile(json, JSON.stringify({ ...viaDesk.bundle.document, checklist: typed }));
    const cli = await assignAtCli(json, join(dir, 'assignment.jbx'));
    expect(cli.code, cli.err).toBe(0);
    const viaCli = await openBundle(new Uint8Array(await readFile(join(dir, 'assignment.jbx'))), {
      crypto: nodeCrypto,
    });
    if (!viaCli.ok || viaCli.bundle.kind !== 'inspection-assignment') throw new Error('cli');
    const rule = assignmentChecklist(typed, 'demand');
    expect(rule.ok && rule.items).toEqual([
      '采出水日处理量与需求材料一致',
      '发榜方为技术需求的最终用户',
      '现场水质取样送检',
    ]);
    expect(viaDesk.bundle.document.checklist).toEqual(rule.ok && rule.items);
    expect(viaCli.bundle.document.checklist).toEqual(viaDesk.bundle.document.checklist);

    // A checklist the rule refuses: the same sentence at both doors, nothing signed or kept (before,
    // the command line signed an empty list, which the team's laptop read as the template, took a
    // repeated item, and worded a blank one by the schema's path, 「checklist.0：不能为空」).
    const document = viaCli.bundle.document;
    const many = Array.from({ length: 201 }, (_, i) => `检查项 ${i + 1}`);
    const cases: [string, string[], string][] = [
      ['empty', [], '考察任务须列明至少一项检查项（第十二条（一）（二）），未签发'],
      ['blank', ['需求真实性', ' \u200b\u3000 '], '检查项第 2 项：不能为空，未签发'],
      [
        'repeated',
        ['需求真实性', '设备运行', '需求真实性\u200b '],
        '检查项第 3 项与第 1 项重复（“需求真实性”），未签发',
      ],
      ['many', many, '检查项：至多 200 项，未签发'],
    ];
    /** What the desk says to the form (its Chinese), or 'signed'. */
    const deskSays = (form: { team?: string; dueBy?: string; checklist?: string[] }) =>
      issueAssignment(ownDb, api, {
        ...common,
        packageId: 'KLMY-2026-JB-001',
        site: '采出水处理站',
        team: form.team ?? '李检查',
        dueBy: form.dueBy ?? '2026-09-30',
        checklist: form.checklist ?? ['需求真实性'],
        now: new Date('2026-09-02T09:00:00+08:00'),
      }).then(
        () => 'signed',
        (error: unknown) =>
          error instanceof WorkflowError ? say('zh', error.reason) : String(error),
      );
    /** `jiebang inspection assign` of the document changed by `change`: refused, nothing written. */
    const cliRefuses = async (name: string, change: Record<string, unknown>) => {
      const file = join(dir, `assignment-${name}.json`);
      await writeFile(
        file,
        JSON.stringify({ ...document, assignmentId: `ASG-${name.toUpperCase()}`, ...change }),
      );
      const cli = await assignAtCli(file, join(dir, `assignment-${name}.jbx`));
      expect(cli.code, name).not.toBe(0);
      expect(await readdir(dir)).not.toContain(`assignment-${name}.jbx`);
      return cli.err;
    };
    for (const [name, checklist, sentence] of cases) {
      expect(await deskSays({ checklist }), name).toBe(sentence);
      const err = await cliRefuses(name, { checklist });
      expect(err, name).toContain(sentence);
      expect(err, name).not.toContain('checklist');
    }
    // A member named twice (each member signs the report under their own key): the rule's one
    // sentence at both doors, with invisible characters and Latin case folded (before, the desk
    // signed 「李检查，王核验，李检查」 without a word).
    const twice = '考察组第 3 位成员与第 1 位重复（李检查），每人只能列一次';
    expect(await deskSays({ team: '李检查，王核验、 李检查\u200b' })).toBe(`${twice}，未签发`);
    const twiceErr = await cliRefuses('twice', {
      team: [
        { id: 'I01', name: '李检查', role: 'leader' },
        { id: 'I02', name: '王核验', role: 'member' },
        { id: 'I03', name: ' 李检查', role: 'member' },
      ],
    });
    expect(twiceErr).toContain(`未签名：\n  ${twice}`);
    expect(twiceErr).not.toContain('team');
    expect(twiceErr).not.toContain('格式错误');
    expect(await deskSays({ team: 'Wang Li；wang li' })).toBe(
      '考察组第 2 位成员与第 1 位重复（wang li），每人只能列一次，未签发',
    );
    // A name that may hold two people — a space between Chinese characters (the desk does not
    // split on spaces), a separator inside one JSON entry — is asked about at both doors (before,
    // 「李检查 王核验」 was signed as one member).
    const spaced =
      '考察组第 1 位成员：“李检查 王核验”中间有空格：如是两人，请用逗号或顿号分开；如是一人，请删去空格';
    expect(await deskSays({ team: '李检查 王核验' })).toBe(`${spaced}，未签发`);
    const spacedErr = await cliRefuses('spaced', {
      team: [{ id: 'I01', name: '李检查 王核验', role: 'leader' }],
    });
    expect(spacedErr).toContain(`未签名：\n  ${spaced}`);
    const listed = await cliRefuses('listed', {
      team: [{ id: 'I01', name: '李检查，王核验', role: 'leader' }],
    });
    expect(listed).toContain(
      '考察组第 1 位成员：“李检查，王核验”含有分隔符：每位成员单列一项（一项只写一人）',
    );
    expect(await deskSays({ team: 'Wang Li，李检查' })).toBe('signed');
    // Due before the day of issue: the same sentence at both doors, without the field's path
    // (before, the command line signed it; then it said it only by picking the issue out by path).
    const early = '完成日期2026年9月1日早于签发日期2026年9月2日';
    expect(await deskSays({ dueBy: '2026-09-01' })).toBe(`${early}，未签发`);
    const earlyErr = await cliRefuses('early', { issuedOn: '2026-09-02', dueBy: '2026-09-01' });
    expect(earlyErr).toContain(`未签名：\n  ${early}`);
    expect(earlyErr).not.toContain('dueBy');

    // One bad date, one sentence — the date rule's (DateSchema, src-shared/text/date.ts) — at the
    // date field, the desk, the command line's JSON and the inspection report (tester tB; before,
    // the field said 「不是日期」 where the desk and the CLI said 「日期格式应为 YYYY-MM-DD」, and the
    // CLI said the format of 2026/2/30 where the desk said no such day).
    const report = InspectionReportSchema.parse({
      formatVersion: 2,
      reportId: `${document.assignmentId}-R`,
      assignmentId: document.assignmentId,
      subject: document.subject,
      date: '2026-09-10',
      site: '采出水处理站',
      inspectors: [{ id: 'I01', name: '李检查' }],
      checklist: startChecklist(document),
      conclusion: '',
    });
    const dates: [string, string, string][] = [
      [
        'month-first',
        '12/31/2026',
        '“12/31/2026”不是日期，请按年、月、日填写，如 2026-12-01 或 2026年12月1日',
      ],
      ['no-such-day', '2026/2/30', '2026-02-30 不是实际存在的日期'],
      ['full-width', '２０２６／２／３０', '2026-02-30 不是实际存在的日期'],
      ['year', '0202.9.29', '年份 0202 不在 1900—2199 年之间，请检查是否输错'],
      ['empty', ' \u200b', '缺少此项（必填）'],
    ];
    for (const [name, typed, sentence] of dates) {
      // The date field: what it shows beside the text (nothing for an empty field: the form's
      // check says it is missing), and what it hands the form.
      const read = readDate(typed);
      if (read.ok) throw new Error(name);
      if (read.kind !== 'missing') expect(say('zh', dateRefusal(read)), name).toBe(sentence);
      expect(read.message, name).toBe(sentence);
      const held = normaliseDate(typed);
      // The desk, with what the field holds and with the text as typed.
      expect(await deskSays({ dueBy: held }), name).toBe(`完成日期：${sentence}，未签发`);
      expect(await deskSays({ dueBy: typed }), name).toBe(`完成日期：${sentence}，未签发`);
      // The command line, reading the same text from a JSON file: the one sentence, alone (not
      // also a due date before the day of issue, nor the format), its field named as the desk
      // names it — the desk's refusal is the command line's line and 「，未签发」 (before, the
      // command line said 「dueBy：…」, the JSON path).
      const err = await cliRefuses(`date-${name}`, { dueBy: typed });
      const line = `完成日期：${sentence}`;
      expect(await deskSays({ dueBy: typed }), name).toBe(`${line}，未签发`);
      expect(err, name).toContain(`未签名：\n  ${line}\n`);
      expect(err, name).not.toContain('dueBy');
      expect(err, name).not.toContain('早于');
      expect(err, name).not.toContain('日期格式');
      // The inspection report's form: its visit date refused in the same words.
      const judged = judgeReportEdit({ ...report, date: held }, '2026-09-10');
      expect(judged.ok ? '' : say('zh', judged.reason), name).toBe(`考察日期：${sentence}`);
    }
    expect(await readdir(join(dir, 'cli-assign', 'inspections', 'assignments'))).toEqual([
      `${document.assignmentId}.jbx`,
    ]);

    // A date written as people write it is kept as YYYY-MM-DD by both doors, and the document
    // signed is byte for byte the one signed from 2026-09-30 (the canonical form does not change).
    const written = '２０２６／９／３０';
    const cliDates = join(dir, 'cli-dates');
    const signDates = async (name: string, dueBy: string) => {
      const file = join(dir, `${name}.json`);
      await writeFile(file, JSON.stringify({ ...document, assignmentId: name, dueBy }));
      const signed = await assignAtCli(file, join(dir, `${name}.jbx`), cliDates);
      expect(signed.code, signed.err).toBe(0);
      const opened = await openBundle(new Uint8Array(await readFile(join(dir, `${name}.jbx`))), {
        crypto: nodeCrypto,
      });
      if (!opened.ok || opened.bundle.kind !== 'inspection-assignment') throw new Error(name);
      return opened.bundle;
    };
    const fromWritten = await signDates('ASG-WRITTEN', written);
    const fromIso = await signDates('ASG-ISO', '2026-09-30');
    expect(fromWritten.document.dueBy).toBe('2026-09-30');
    const body = (b: typeof fromIso) =>
      new TextDecoder().decode(b.files.get('assignment.json')).replace(/ASG-(WRITTEN|ISO)/g, 'ASG');
    expect(body(fromWritten)).toBe(body(fromIso));
    expect(body(fromIso)).toContain('"dueBy": "2026-09-30"');
    const deskWritten = await issueAssignment(ownDb, api, {
      ...common,
      packageId: 'KLMY-2026-JB-001',
      site: '采出水处理站',
      team: '李检查',
      dueBy: written,
      checklist: ['需求真实性'],
      now: new Date('2026-09-02T09:00:00+08:00'),
    });
    const deskOpened = await openBundle(deskWritten.bytes, { crypto: nodeCrypto });
    if (!deskOpened.ok || deskOpened.bundle.kind !== 'inspection-assignment')
      throw new Error('desk');
    expect(deskOpened.bundle.document.dueBy).toBe('2026-09-30');
    // Signed on the desk: the first, 「Wang Li，李检查」 and the date written as people write it.
    expect((await listRounds(ownDb))[0]?.assignments).toHaveLength(3);
  });
});
