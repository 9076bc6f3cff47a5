import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD } from '../audit/head';
import { buildBundle, openBundle } from '../bundle';
import {
  InspectionAssignmentSchema,
  TEAM_REPEAT_RULE,
  teamNameProblem,
  teamRepeats,
} from '../bundle/documents';
import { issueRule } from '../model/common';
import { readAssignment } from './assignment-file';
import { generateSigningKey } from '../crypto/keys';
import { nobleCrypto } from '../crypto/noble';
import { InspectionReportSchema, type InspectionReport } from '../model';
import { ASSIGNMENT_LABELS, INSPECTION_REPORT_LABELS } from '../model/labels';
import { describeSchemaIssues } from '../scoring/sheet';
import {
  admitPhoto,
  answeredAssignment,
  assignmentChecklist,
  rawChecklistProblems,
  checkReport,
  currentReport,
  CHECKLIST_TEMPLATES,
  exifTime,
  FINDING_LABEL,
  FINDINGS,
  PHOTO_MAX_BYTES,
  photoSizeProblem,
  sniffPhoto,
  startChecklist,
  tally,
} from '.';
import { withExifTime } from './test-helpers';

/** The smallest JPEG and PNG the door must tell apart (start and end markers, the signature). */
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

const assignment = InspectionAssignmentSchema.parse({
  formatVersion: 1,
  assignmentId: 'ASG-1',
  subject: { type: 'demand', id: 'D-2026-01' },
  purpose: '评榜：核实需求真实性、发榜方是否最终用户（第十二条（二））',
  sites: [{ name: '采出水处理站', address: '克拉玛依市' }],
  team: [
    { id: 'I01', name: '李检查', role: 'leader' },
    { id: 'I02', name: '王核验', role: 'member' },
  ],
  reportTo: {
    name: '克拉玛依市科学技术局',
    ageRecipient: 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx',
  },
  issuedOn: '2026-12-10',
  dueBy: '2026-12-20',
});

const report = (over: Partial<InspectionReport> = {}): InspectionReport =>
  InspectionReportSchema.parse({
    formatVersion: 2,
    reportId: 'INS-1',
    assignmentId: 'ASG-1',
    subject: { type: 'demand', id: 'D-2026-01' },
    date: '2026-12-15',
    site: '采出水处理站',
    inspectors: [
      { id: 'I01', name: '李检查' },
      { id: 'I02', name: '王核验' },
    ],
    checklist: startChecklist(assignment).map((c) => ({ ...c, result: 'met' })),
    conclusion: '需求真实，发榜方为最终用户。',
    ...over,
  });

describe('a refused field of the report', () => {
  it('is named as the form labels it (「第 1 项的说明」), never by its path', () => {
    const r = report();
    const parsed = InspectionReportSchema.safeParse({
      ...r,
      checklist: r.checklist.map((c, i) => (i === 0 ? { ...c, note: '尚未到位\u202e反向' } : c)),
      inspectors: [r.inspectors[0], { id: 'I02', name: '王\u202e核验' }],
    });
    expect(describeSchemaIssues(parsed.error ?? { issues: [] }, INSPECTION_REPORT_LABELS)).toEqual([
      '考察组第 2 位成员 姓名：含有双向控制字符 U+202E，它可改变文字显示顺序、掩盖真实内容，请删除后重新输入',
      '第 1 项的说明：含有双向控制字符 U+202E，它可改变文字显示顺序、掩盖真实内容，请删除后重新输入',
    ]);
  });
});

describe('the checklist', () => {
  it('offers the four findings of the form, 不适用 beside them', () => {
    expect(FINDINGS.map((f) => FINDING_LABEL[f].zh)).toEqual([
      '符合',
      '基本符合',
      '不符合',
      '未检查',
      '不适用',
    ]);
  });

  it('starts from the shipped template for the subject when the assignment carries none, all 未检查', () => {
    const items = startChecklist(assignment);
    expect(items.map((i) => i.item)).toEqual(CHECKLIST_TEMPLATES.demand.items);
    expect(new Set(items.map((i) => i.result))).toEqual(new Set(['not-checked']));
    const own = startChecklist({ ...assignment, checklist: ['配套资金是否落实'] });
    expect(own.map((i) => i.item)).toEqual(['配套资金是否落实']);
    expect(
      startChecklist({ ...assignment, subject: { type: 'task-book', id: 'TB-1' } })[0]?.item,
    ).toBe(CHECKLIST_TEMPLATES.progress.items[0]);
  });

  it('takes an assignment’s own items normalised like every name; refuses an empty list with the subject’s article, a blank or control-character item by its place', () => {
    expect(
      assignmentChecklist(['\u3000需求是否真实\u200b ', '配套资金是否落实'], 'demand'),
    ).toEqual({
      ok: true,
      items: ['需求是否真实', '配套资金是否落实'],
    });
    expect(assignmentChecklist([], 'demand')).toMatchObject({
      ok: false,
      problem: { kind: 'empty', article: '第十二条（一）（二）' },
    });
    expect(assignmentChecklist([], 'task-book')).toMatchObject({
      ok: false,
      problem: { kind: 'empty', article: '第十二条（八）3，第十四条' },
    });
    expect(assignmentChecklist(['需求是否真实', ' '], 'demand')).toMatchObject({
      ok: false,
      problem: { kind: 'item', item: 2, message: '不能为空' },
    });
    const control = assignmentChecklist(['需求\u0007是否真实'], 'demand');
    expect(control.ok ? null : control.problem.kind).toBe('item');
    const many = assignmentChecklist(
      Array.from({ length: 201 }, (_, i) => `检查项 ${i + 1}`),
      'demand',
    );
    expect(many.ok ? null : many.problem.kind).toBe('list');
  });

  it('names every problem of a checklist at once: blanks, non-texts, repeats (full-width folded), too many', () => {
    const judged = assignmentChecklist(
      ['检查1', ' ', 5, '检查１', '需求是否真实', '需求是否真实\u200b'],
      'demand',
    );
    expect(judged.ok ? [] : judged.problems).toEqual([
      { kind: 'item', item: 2, message: '不能为空' },
      { kind: 'item', item: 3, message: '应为文字' },
      { kind: 'duplicate', item: 4, first: 1, text: '检查１' },
      { kind: 'duplicate', item: 6, first: 5, text: '需求是否真实' },
    ]);
    const many = assignmentChecklist(
      [...Array.from({ length: 200 }, (_, i) => `检查项 ${i + 1}`), '', ' '],
      'demand',
    );
    expect(many.ok ? [] : many.problems).toEqual([
      { kind: 'list', message: '至多 200 项' },
      { kind: 'item', item: 201, message: '不能为空' },
      { kind: 'item', item: 202, message: '不能为空' },
    ]);
    expect(rawChecklistProblems({ subject: { type: 'task-book' } })).toEqual([
      { kind: 'empty', article: '第十二条（八）3，第十四条' },
    ]);
    expect(rawChecklistProblems({ checklist: ['一', '二'] })).toEqual([]);
    expect(rawChecklistProblems('not an assignment')).toEqual([]);
  });

  it('counts findings for the cover', () => {
    const r = report();
    expect(tally(r.checklist)).toMatchObject({ met: 4, 'not-met': 0 });
  });
});

describe('photos at the door', () => {
  it('tells JPEG and PNG by their bytes, not their names', () => {
    expect(sniffPhoto(jpeg)).toBe('image/jpeg');
    expect(sniffPhoto(png)).toBe('image/png');
    expect(sniffPhoto(new TextEncoder().encode('%PDF-1.7 not a photo'))).toBeNull();
  });

  it('refuses a file that is not an image, naming it', async () => {
    const r = await admitPhoto('现场.jpg', new TextEncoder().encode('%PDF-1.7'));
    expect(r).toMatchObject({
      ok: false,
      kind: 'not-image',
      message: expect.stringContaining('现场.jpg 不是 JPEG 或 PNG 图片'),
    });
  });

  it('refuses a 200 MB photo by its size, before reading it', () => {
    const problem = photoSizeProblem('big.jpg', 200 * 1024 * 1024);
    expect(problem).toMatchObject({ kind: 'too-big', name: 'big.jpg', size: '200.0 MB' });
    expect(problem?.message).toContain('big.jpg 有 200.0 MB，超过 25.0 MB 的上限');
    expect(photoSizeProblem('ok.jpg', PHOTO_MAX_BYTES)).toBeNull();
    expect(photoSizeProblem('empty.jpg', 0)?.message).toContain('空文件');
  });

  it('reads the capture time from EXIF DateTimeOriginal, and none where there is none', async () => {
    expect(await admitPhoto('a.jpg', withExifTime(jpeg, '2026:12:15 10:31:07'))).toEqual({
      ok: true,
      mediaType: 'image/jpeg',
      capturedAt: '2026-12-15T10:31:07',
    });
    expect(await admitPhoto('b.jpg', jpeg)).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(await admitPhoto('c.png', png)).toEqual({ ok: true, mediaType: 'image/png' });
  });

  it('reads EXIF times strictly: a blank camera clock is no time', () => {
    expect(exifTime('2026:12:15 10:31:07')).toBe('2026-12-15T10:31:07');
    expect(exifTime('0000:00:00 00:00:00')).toBeUndefined();
    expect(exifTime('2026:13:15 10:31:07')).toBeUndefined();
    expect(exifTime(42)).toBeUndefined();
  });

  it('an impossible EXIF date (a camera clock set to 30 February) is no capture time', async () => {
    expect(exifTime('2026:02:30 10:31:07')).toBeUndefined();
    expect(exifTime('2026:04:31 10:31:07')).toBeUndefined();
    expect(exifTime('2028:02:29 10:31:07')).toBe('2028-02-29T10:31:07');
    expect(await admitPhoto('d.jpg', withExifTime(jpeg, '2026:02:30 10:31:07'))).toEqual({
      ok: true,
      mediaType: 'image/jpeg',
    });
    const photo = {
      path: 'photos/p1.jpg',
      sha256: 'c'.repeat(64),
      size: 10,
      mediaType: 'image/jpeg',
    };
    const withTime = (capturedAt: string) =>
      InspectionReportSchema.safeParse({ ...report(), photos: [{ ...photo, capturedAt }] }).success;
    expect(withTime('2026-12-15T10:31:07')).toBe(true);
    expect(withTime('2026-02-30T10:31:07')).toBe(false);
  });
});

describe('a report and its assignment', () => {
  /** The day the report is judged on (the door's clock): after the whole assignment. */
  const TODAY = '2026-12-31';

  it('a complete report for its assignment has no finding', () => {
    expect(checkReport(report(), assignment, TODAY)).toEqual([]);
  });

  it('names what is wrong: another subject, a stranger in the team, 不符合 without a note, no conclusion', () => {
    const r = report({
      subject: { type: 'demand', id: 'D-2026-02' },
      inspectors: [{ id: 'I09', name: '赵外人' }],
      checklist: [{ item: '需求真实', result: 'not-met', note: '' }],
      conclusion: '',
    });
    const rules = checkReport(r, assignment, TODAY).map((f) => `${f.rule}:${f.severity}`);
    expect(rules).toEqual([
      'inspection.subject:blocking',
      'inspection.team:blocking',
      'inspection.leader:warning',
      'inspection.note:blocking',
      'inspection.conclusion:blocking',
    ]);
    expect(checkReport(r, assignment, TODAY)[0]?.message).toContain('第十二条（二）');
  });

  it('warns of items left 未检查 and a visit after the due date', () => {
    const r = report({
      date: '2026-12-22',
      checklist: [{ item: '需求真实', result: 'not-checked', note: '' }],
    });
    expect(checkReport(r, assignment, TODAY).map((f) => f.rule)).toEqual([
      'inspection.due',
      'inspection.unchecked',
    ]);
  });

  it('refuses a visit after today, citing the article: a report records a visit that took place', () => {
    // Today inside the assignment's window: the day after is refused, today itself is a visit.
    const r = report({ date: '2026-12-16' });
    expect(checkReport(r, assignment, '2026-12-16')).toEqual([]);
    const found = checkReport(r, assignment, '2026-12-15');
    expect(found.map((f) => `${f.rule}:${f.severity}`)).toEqual(['inspection.future:blocking']);
    expect(found[0]?.message).toBe(
      '考察日期2026年12月16日晚于今天（2026年12月15日），考察报告记录的是已经进行的实地考察（第十二条（二））',
    );
    expect(found[0]?.path).toEqual(['date']);
    // After the due date and after today: refused (not only the due date's warning).
    expect(
      checkReport(report({ date: '2026-12-22' }), assignment, '2026-12-21').map((f) => f.rule),
    ).toEqual(['inspection.future']);
  });

  it('finds the held assignment a report answers; a report for an unknown assignment is refused by name', () => {
    const held = [{ manifestSha256: 'a'.repeat(64), assignment }];
    const cites = [{ kind: 'inspection-assignment', manifestSha256: 'a'.repeat(64) }];
    expect(answeredAssignment(report(), cites, held)).toMatchObject({ ok: true });
    expect(answeredAssignment({ reportId: 'INS-9', assignmentId: 'ASG-9' }, cites, held)).toEqual({
      ok: false,
      message: '考察报告 INS-9 回应的考察任务 ASG-9 不在本机（未导入该任务），未导入',
    });
    expect(
      answeredAssignment(
        report(),
        [{ kind: 'inspection-assignment', manifestSha256: 'b'.repeat(64) }],
        held,
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('不是同一份') });
  });

  it('the schema refuses a photo pointing at an item that does not exist, and an inspector named twice', () => {
    const bad = InspectionReportSchema.safeParse({
      ...report(),
      inspectors: [
        { id: 'I01', name: '李检查' },
        { id: 'I01', name: '李检查' },
      ],
      photos: [
        {
          path: 'photos/p1.jpg',
          sha256: 'c'.repeat(64),
          size: 10,
          mediaType: 'image/jpeg',
          item: 9,
        },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).join('；')).toMatch(
      /I01 出现 2 次.*检查项 10 不存在/,
    );
  });
});

describe('the inspection-report bundle', () => {
  const inspector = (id: string, name: string, key: { secretKey: Uint8Array }) => ({
    role: 'inspector' as const,
    id,
    name,
    secretKey: key.secretKey,
    counter: 1,
    audit: EMPTY_HEAD,
  });
  const a = generateSigningKey();
  const b = generateSigningKey();
  const build = (signers: Parameters<typeof buildBundle>[0]['signers'], doc = report()) =>
    buildBundle({
      crypto: nobleCrypto,
      kind: 'inspection-report',
      bundleId: 'INS-1',
      subject: doc.subject,
      signers,
      answers: [{ kind: 'inspection-assignment', manifestSha256: 'a'.repeat(64) }],
      document: doc,
    });

  it('is signed by every inspector it lists, each with their own key', async () => {
    const bytes = await build([inspector('I01', '李检查', a), inspector('I02', '王核验', b)]);
    const opened = await openBundle(bytes, { crypto: nobleCrypto });
    expect(opened.ok && opened.bundle.manifest.signers.map((s) => s.id)).toEqual(['I01', 'I02']);
  });

  it('is refused when a listed inspector did not sign, or its subject is not the manifest’s', async () => {
    await expect(build([inspector('I01', '李检查', a)])).rejects.toThrow(
      '考察组成员 王核验（I02）未签名',
    );
    await expect(
      buildBundle({
        crypto: nobleCrypto,
        kind: 'inspection-report',
        bundleId: 'INS-1',
        subject: { type: 'demand', id: 'D-2026-09' },
        signers: [inspector('I01', '李检查', a), inspector('I02', '王核验', b)],
        answers: [{ kind: 'inspection-assignment', manifestSha256: 'a'.repeat(64) }],
        document: report(),
      }),
    ).rejects.toThrow('考察报告的对象（榜单 D-2026-01）与清单的对象（榜单 D-2026-09）不一致');
  });

  it('a format-1 report (before assignments) answers none: refused by name', () => {
    expect(
      currentReport({
        formatVersion: 1,
        reportId: 'INS-0',
        packageId: 'KLMY-2026-JB-001',
        applicantId: 'A01',
        date: '2026-12-15',
        site: '中试基地',
        inspectors: ['李检查'],
        checklist: [],
        notes: '',
        photos: [],
        conclusion: '符合',
      }),
    ).toEqual({
      ok: false,
      message: '考察报告 INS-0 是格式 1 的旧报告，不回应任何考察任务，未导入',
    });
  });
});

describe('the inspection team', () => {
  it('refuses a member named twice — folded and without invisible characters — and an id given twice, by place', () => {
    expect(teamRepeats(['李检查', ' Ｗａｎｇ', '李检查\u200b', 'Wang', '王核验'])).toEqual([
      { member: 3, first: 1, name: '李检查' },
      { member: 4, first: 2, name: 'Wang' },
    ]);
    expect(teamRepeats(['李检查', '王核验'])).toEqual([]);
    // Spaces inside a name and Latin case do not make another person.
    expect(
      teamRepeats(['李检查', '李 检查', '李\u3000检查', 'Wang Li', 'WANGLI', '王 核验']),
    ).toEqual([
      { member: 2, first: 1, name: '李 检查' },
      { member: 3, first: 1, name: '李\u3000检查' },
      { member: 5, first: 4, name: 'WANGLI' },
    ]);
    const parsed = InspectionAssignmentSchema.safeParse({
      ...assignment,
      team: [
        { id: 'I01', name: '李检查', role: 'leader' },
        { id: 'I01', name: '王核验', role: 'member' },
        { id: 'I03', name: ' 李检查', role: 'member' },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['team.2.name', '考察组第 3 位成员与第 1 位重复（李检查），每人只能列一次'],
      ['team.1', '考察组成员编号中 I01 出现 2 次，每项只能列一次'],
    ]);
    // The repeat carries its rule, by which readAssignment sets it aside (having said it from the
    // file as given), never by its text; the id's repeat is no such issue.
    expect(parsed.error?.issues.map(issueRule)).toEqual([TEAM_REPEAT_RULE, null]);
    expect(
      readAssignment(
        {
          ...assignment,
          checklist: ['需求真实性'],
          team: [
            { id: 'I01', name: '李检查', role: 'leader' },
            { id: 'I02', name: '王核验', role: 'member' },
            { id: 'I03', name: ' 李检查', role: 'member' },
          ],
        },
        '2026-12-15',
      ),
    ).toEqual({
      ok: false,
      problems: ['考察组第 3 位成员与第 1 位重复（李检查），每人只能列一次'],
      malformed: false,
    });
    // The repeat is the rule's own sentence, said without its path at every command; the id's
    // issue keeps its field.
    expect(describeSchemaIssues(parsed.error ?? { issues: [] }, ASSIGNMENT_LABELS)).toEqual([
      '考察组第 3 位成员与第 1 位重复（李检查），每人只能列一次',
      '考察组第 2 位成员：考察组成员编号中 I01 出现 2 次，每项只能列一次',
    ]);
    const early = InspectionAssignmentSchema.safeParse({
      ...assignment,
      issuedOn: '2026-09-02',
      dueBy: '2026-09-01',
    });
    expect(describeSchemaIssues(early.error ?? { issues: [] }, ASSIGNMENT_LABELS)).toEqual([
      '完成日期2026年9月1日早于签发日期2026年9月2日',
    ]);
    expect(
      InspectionAssignmentSchema.safeParse({ ...assignment, dueBy: assignment.issuedOn }).success,
    ).toBe(true);
    // A name that may hold two people is asked about; a Latin name keeps its space.
    expect(teamNameProblem('Wang Li')).toBeNull();
    expect(teamNameProblem('李检查')).toBeNull();
    expect(teamNameProblem('李检查 王核验')).toBe(
      '“李检查 王核验”中间有空格：如是两人，请用逗号或顿号分开；如是一人，请删去空格',
    );
    expect(teamNameProblem('李\u3000检查')).not.toBeNull();
    expect(teamNameProblem('李检查、王核验')).toBe(
      '“李检查、王核验”含有分隔符：每位成员单列一项（一项只写一人）',
    );
  });
});
