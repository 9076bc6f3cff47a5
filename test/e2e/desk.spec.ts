/**
 * The bureau's desk in the app (issue 18), on the web host in Chromium: a bureau profile makes its
 * keys, reads the sample's workbooks and two proposals' worth of PDFs with one applicant's id
 * typed twice, fixes that row in place; the draft survives a reload and unlock; signs and prints
 * the notice (read back: fingerprint and dates); takes in the chair's panel bundle for that package
 * (made here as the chair's screen makes it, encrypted to the desk's recipient), sees the ranking,
 * approves on 2026-09-29 and gets the window with its make-up working day, prints the publicity
 * notice (read back); then the signed task book, refused first for a package it did not issue, is
 * taken in through the same import button and the round shows 任务书已签订.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { auditChain } from '../../src-shared/audit/sample-chain';
import { buildBundle, openBundle, type InspectionAssignment } from '../../src-shared/bundle';
import { ageEncrypt } from '../../src-shared/crypto/age';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { samplePanelBundle } from '../fixtures/panel';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';
import { ProfileGate } from './pages/profile';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';
const BUREAU = '市科技局 李明';

/** A PDF's text, whitespace dropped (pdftotext lays CJK out with spaces). */
const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

/** The sample task book, signed by the chair (the panel's own key) and the 发榜方. */
function taskBookBundle(tb: TaskBook, chairKey: Uint8Array): Promise<Uint8Array> {
  // The chair's audit log has grown since the panel's result (4 entries then).
  const audit = auditChain('E01', 6);
  return buildBundle({
    crypto: nodeCrypto,
    kind: 'task-book',
    bundleId: `${tb.taskBookId}-1`,
    subject: { type: 'task-book', id: tb.taskBookId },
    signers: [
      {
        role: 'chair',
        id: 'E01',
        name: '张志远',
        secretKey: chairKey,
        counter: 3,
        audit: audit.head,
      },
      {
        role: 'issuer',
        id: 'ISSUER',
        name: '克拉玛依油田开发有限公司（示例）',
        secretKey: generateSigningKey().secretKey,
        counter: 1,
        audit: EMPTY_HEAD,
      },
    ],
    document: tb,
    files: new Map([
      ['taskbook.pdf', new TextEncoder().encode('%PDF-1.4 task book')],
      ['audit.json', audit.bytes],
    ]),
    createdAt: '2026-10-20T09:00:00+08:00',
  });
}

/** The team's report answering `a` (its bundle's manifest hash), signed by both, encrypted back. */
async function reportBundle(a: InspectionAssignment, manifest: string): Promise<Uint8Array> {
  const inspectors = a.team.map((m) => ({ id: m.id, name: m.name }));
  const [first, ...rest] = inspectors.map((m) => ({
    role: 'inspector' as const,
    ...m,
    secretKey: generateSigningKey().secretKey,
    counter: 1,
    audit: EMPTY_HEAD,
  }));
  if (!first) throw new Error('team');
  const zip = await buildBundle({
    crypto: nodeCrypto,
    kind: 'inspection-report',
    bundleId: `${a.assignmentId}-R1`,
    subject: a.subject,
    signers: [first, ...rest],
    answers: [{ kind: 'inspection-assignment', manifestSha256: manifest }],
    document: {
      formatVersion: 2,
      reportId: `${a.assignmentId}-R1`,
      assignmentId: a.assignmentId,
      subject: a.subject,
      date: a.issuedOn,
      site: a.sites[0]?.name ?? '',
      inspectors,
      checklist: [{ item: '技术需求是否真实', result: 'met', note: '' }],
      notes: '',
      photos: [],
      conclusion: '需求真实，发榜方为技术需求最终用户。',
    },
  });
  return ageEncrypt(zip, { recipient: a.reportTo.ageRecipient }, nodeCrypto);
}

test('the bureau authors a round from its workbooks, fixes a bad row in place, signs, takes the panel’s result in and approves with the publicity window', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-desk-'));
  for (const f of readdirSync(LISTS)) copyFileSync(join(LISTS, f), join(dir, f));
  for (const f of readdirSync(ATTACHMENTS)) copyFileSync(join(ATTACHMENTS, f), join(dir, f));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(LISTS, 'applicants.xlsx')).buffer);
  const ws = wb.getWorksheet('揭榜方');
  if (!ws) throw new Error('sheet');
  ws.getCell('A4').value = 'A02';
  ws.getCell('E5').value = '股权关系';
  writeFileSync(join(dir, 'applicants.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));

  const gate = new ProfileGate(app);
  const desk = new DeskPage(app);
  await gate.create(BUREAU);
  await desk.open();
  const fingerprint = await desk.makeKeys();

  await desk.chooseLists(readdirSync(dir).map((f) => join(dir, f)));
  const duplicate = '第 4 行 A 列「揭榜方编号」：揭榜方编号 A02 与第 3 行重复';
  await expect(desk.problem(duplicate)).toBeVisible();
  await desk.fix(duplicate, 'A03');
  // Then a rule of the measures (checkReviewPackage) beside the field it concerns, with its
  // article, typed again in place.
  const equity = desk.problem('第 5 行 E 列「与发榜方关系（第十条）」');
  await expect(equity).toContainText('申报了与发榜方的股权关系');
  await expect(equity.getByTestId('bureau-article')).toHaveText('第十条');
  await expect(equity.getByRole('textbox')).toHaveValue('股权关系');
  await desk.fix('申报了与发榜方的股权关系', '无关联关系');
  await expect(desk.verdict).toContainText('评审包 KLMY-2026-JB-001（揭榜方 4 家，专家 7 名）');

  // The draft is kept sealed as it is typed: a reload (which locks) loses nothing.
  await expect(desk.signButton).toBeEnabled();
  await app.reload();
  await gate.unlock(BUREAU);
  await desk.open();
  await expect(desk.message).toContainText('已恢复上次未签发的草稿');
  await expect(desk.verdict).toContainText('评审包 KLMY-2026-JB-001（揭榜方 4 家，专家 7 名）');
  await expect(desk.problem(duplicate)).toHaveCount(0);

  await desk.signButton.click();
  await expect(desk.signed).toContainText('已签发 KLMY-2026-JB-001.jbx');
  await expect(desk.signed).toContainText(fingerprint);
  await app.screenshot({ path: 'docs/screenshots/bureau-author.png', fullPage: true });
  const jbx = await desk.save('保存 .jbx', desk.signed);
  // The printed notice, read back: the same fingerprint, the review date and the signing date.
  const notice = pdfText(await desk.save('打印发放通知', desk.signed));
  expect(notice).toContain(fingerprint.replace(/\s+/g, ''));
  expect(notice).toContain('评审包编号KLMY-2026-JB-001');
  const opened = await openBundle(new Uint8Array(readFileSync(jbx)), { crypto: nodeCrypto });
  if (!opened.ok || opened.bundle.kind !== 'review-package') throw new Error('package');
  expect(notice).toContain(`评审日期${opened.bundle.document.schedule.reviewDate}`);
  expect(notice).toContain(`签发时间${opened.bundle.manifest.createdAt}`);

  // The chair's panel bundle for that package, as the chair's screen makes it.
  const chairKey = generateSigningKey().secretKey;
  const panel = join(dir, 'panel.jbx');
  writeFileSync(
    panel,
    await samplePanelBundle(opened.bundle.document, opened.bundle.manifestSha256, chairKey),
  );
  await desk.takeIn(panel);
  const round = desk.round;
  await expect(round.getByTestId('bureau-stage')).toHaveText('评审结果已导入');
  await expect(round.getByTestId('bureau-ranking')).toContainText(
    'A01 新疆水处理技术研究院（示例）',
  );
  await expect(round).toContainText('✓ 规则校验通过，无阻断问题');
  await round.getByTestId('bureau-approve-date').fill('2026-09-29');
  await round.getByRole('button', { name: '审定' }).click();
  await expect(round.getByTestId('bureau-publicity')).toContainText(
    '2026-09-30, 2026-10-08, 2026-10-09, 2026-10-10（调休上班）, 2026-10-12',
  );
  const publicity = pdfText(await desk.save('打印公示通知', round));
  expect(publicity).toContain('公示期2026年9月30日至2026年10月12日（5个工作日）');
  expect(publicity).toContain('审定日期2026年9月29日');
  const xlsx = await desk.save('导出 XLSX', round);
  expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

  // The signed task book: one for a package this desk did not issue is refused by name.
  const tb = TaskBookSchema.parse({
    ...JSON.parse(readFileSync('resources/sample/taskbook.json', 'utf8')),
    status: 'final',
  });
  const foreign = join(dir, 'foreign-taskbook.jbx');
  writeFileSync(
    foreign,
    await taskBookBundle(
      { ...tb, taskBookId: 'TB-OTHER-001', packageId: 'OTHER-2026-JB-009' },
      chairKey,
    ),
  );
  await desk.takeIn(foreign);
  await expect(desk.message).toContainText(
    '未导入 foreign-taskbook.jbx：任务书 TB-OTHER-001 所属的评审包 OTHER-2026-JB-009 不是本工作台签发的评审轮次',
  );
  await expect(round.getByTestId('bureau-stage')).not.toHaveText('任务书已签订');
  const signedBook = join(dir, 'taskbook.jbx');
  writeFileSync(signedBook, await taskBookBundle(tb, chairKey));
  await desk.takeIn(signedBook);
  await expect(round.getByTestId('bureau-stage')).toHaveText('任务书已签订');
  await expect(round.getByTestId('bureau-taken')).toContainText('taskbook.jbx');

  // An inspection of the round's demand: the desk issues the assignment; the team's report,
  // encrypted back to the desk, comes in through the same import button and is listed by round.
  const assign = round.getByTestId('bureau-assign');
  await assign.getByLabel('考察地点').fill('采出水处理站');
  await assign.getByLabel('考察组（组长在前，以逗号分隔）').fill('李检查，王核验');
  await assign.getByLabel('完成日期').fill('2026-12-31');
  const asgFile = await desk.save('签发考察任务', assign);
  await expect(desk.message).toContainText('已签发考察任务 KLMY-2026-JB-001-ASG-1.jbx');
  const asg = await openBundle(new Uint8Array(readFileSync(asgFile)), { crypto: nodeCrypto });
  if (!asg.ok || asg.bundle.kind !== 'inspection-assignment') throw new Error('assignment');
  const report = join(dir, 'report.jbx');
  writeFileSync(report, await reportBundle(asg.bundle.document, asg.bundle.manifestSha256));
  await desk.takeIn(report);
  await expect(round.getByTestId('bureau-taken')).toContainText('report.jbx');
  await expect(round.getByTestId('bureau-taken')).toContainText('李检查, 王核验');
  await app.screenshot({ path: 'docs/screenshots/bureau-rounds.png', fullPage: true });
});
