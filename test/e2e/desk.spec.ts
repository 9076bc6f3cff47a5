/**
 * The bureau's desk in the app (issue 18, its "Must show" in one run), on the web host in
 * Chromium, every hand-over a real file:
 * - a bureau profile makes its keys, reads the sample's workbooks and two proposals' worth of PDFs
 *   with one applicant's id typed twice, fixes that row in place; the draft survives a reload and
 *   unlock; signs, saves the .jbx and prints the notice (read back: fingerprint and dates);
 * - an expert (E02, own profile) opens THAT .jbx: the fingerprint the import shows is the desk's
 *   and the printed notice's; scores every applicant, submits and exports the sheet bundle;
 * - the chair (E01, own profile) imports the same .jbx, scores and submits, gathers the expert's
 *   downloaded sheet and four more (fixture-signed, answering the desk's package), funds the horse
 *   race, signs the panel bundle (encrypted to the desk), and finalises and signs the task book;
 * - the bureau takes the panel bundle in and sees the chair's ranking row for row, is refused 审定
 *   before the review and after today, approves (the day after, on the clock) on the review day
 *   2026-12-08 and gets the window, prints the
 *   publicity notice (read back), exports the XLSX (its 评分汇总表 read back equals the ranking shown); then the chair's
 *   task book, after one for a package the desk did not issue is refused, is taken in through the
 *   same import button (任务书已签订), and an inspection is assigned and its report taken in.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { buildBundle, openBundle, type InspectionAssignment } from '../../src-shared/bundle';
import { ageEncrypt } from '../../src-shared/crypto/age';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { TaskBookSchema } from '../../src-shared/model';
import { formatDateTimeZh, formatDateZh } from '../../src-shared/text/date';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { expect, finalTaskBook, sheetFiles, test } from './fixtures';
import { chairTaskBookBundle } from '../fixtures/taskbook-bundle';
import { DeskPage } from './pages/desk';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';
const BUREAU = '市科技局 李明';
const EXPERT = '刘珺（揭榜全程）';
const CHAIR = '张志远（揭榜全程）';

/** E02's sample sheet, as typed: points per criterion for each applicant. */
const EXPERT_POINTS: readonly (readonly [string, readonly string[]])[] = [
  ['A01', ['17', '34.5', '17', '17.5']],
  ['A02', ['17.5', '35', '17.5', '18']],
  ['A03', ['17', '33.5', '17', '16.5']],
  ['A04', ['14', '28', '14', '14']],
];

/** A PDF's text, whitespace dropped (pdftotext lays CJK out with spaces). */
const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

/**
 * The 评分汇总表 of an exported workbook as the desk shows it: rank, applicant (id and name) and the
 * figure the ranking uses (the bold one), two decimals.
 */
async function xlsxRanking(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path).buffer);
  const sheet = book.getWorksheet('评分汇总表');
  if (!sheet) throw new Error('no 评分汇总表');
  const rows: string[][] = [];
  let columns: string[] = [];
  sheet.eachRow((row) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1));
    if (columns.length === 0) {
      if (cells[0]?.text === '名次') columns = cells.map((c) => c.text);
      return;
    }
    const at = (name: string) => cells[columns.indexOf(name)]?.text ?? '';
    // The rows end where the footer (method, legend) starts.
    if (!/^\d+=?$/.test(at('名次'))) return;
    const final = cells.find((c) => c.font?.bold === true && typeof c.value === 'number');
    rows.push([
      at('名次'),
      `${at('揭榜方编号')} ${at('揭榜方')}`,
      typeof final?.value === 'number' ? final.value.toFixed(2) : '—',
    ]);
  });
  return rows;
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

test('the bureau authors a round from its workbooks, fixes a bad row in place, signs; an expert and the chair review that package; the bureau takes the chair’s result in, sees the same ranking, approves with the publicity window and exports it', async ({
  app,
  ui,
}) => {
  test.setTimeout(900_000);
  // The review day: the chair scores and signs on 2026-12-08 (the package's 评审日期), whatever day
  // the test runs; the bureau approves the day after (a 审定 after today is refused).
  await app.clock.setFixedTime(new Date('2026-12-08T10:00:00+08:00'));
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

  const { gate, review, chair } = ui;
  const desk = new DeskPage(app);
  await gate.create(BUREAU);
  await desk.open();
  const fingerprint = await desk.makeKeys();
  // No round signed yet: 导入文件包 waits, and says why beside it.
  const takeIn = app.getByRole('button', { name: /^导入文件包/ });
  await expect(takeIn).toBeDisabled();
  await expect(takeIn).toHaveAccessibleDescription(
    '签发评审包后才能导入文件包：评审结果、任务书和项目表单都须答复本局签发的评审包。',
  );

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
  expect(notice).toContain(`评审日期${formatDateZh(opened.bundle.document.schedule.reviewDate)}`);
  expect(notice).toContain(
    `签发时间${formatDateTimeZh(opened.bundle.manifest.createdAt).replace(/\s+/g, '')}`,
  );

  const manifest = opened.bundle.manifestSha256;
  const pkgFile = join(dir, 'KLMY-2026-JB-001.jbx');
  copyFileSync(jbx, pkgFile);

  // The expert E02, in their own profile, opens THAT file: the fingerprint the import shows is the
  // desk's, the one on the printed notice; imports, enrols, scores every applicant, exports.
  await ui.shell.lock();
  await ui.gate.create(EXPERT);
  await review.open();
  await review.openPackage(pkgFile);
  await expect(review.importChecks).toContainText('✓ 签名：Ed25519 签名有效');
  const shown = await review.shownBureauFingerprint();
  expect(shown).toBe(fingerprint);
  expect(notice).toContain(shown.replace(/\s+/g, ''));
  await review.confirmImport();
  await review.enrol(/E02 刘珺/);
  await review.scoreAndSubmit(EXPERT_POINTS, '路线可行，建议支持。');
  const exported = await review.exportSheet();
  expect(exported.name).toBe('KLMY-2026-JB-001-E02.jbx');

  // The chair E01, in another profile, imports the same file, scores and submits, and gathers the
  // expert's downloaded sheet with four more (signed here, answering the desk's package).
  await ui.shell.lock();
  await ui.gate.create(CHAIR);
  await review.open();
  await review.openPackage(pkgFile);
  expect(await review.shownBureauFingerprint()).toBe(fingerprint);
  await review.confirmImport();
  await review.enrol(/E01 张志远/);
  await review.scoreAndSubmit();
  await chair.open();
  await expect(chair.board).toContainText('E01 张志远：已提交（组长本人，本机评分表）');
  const expertSheet = {
    name: exported.name,
    mimeType: 'application/octet-stream',
    buffer: readFileSync(exported.path),
  };
  await chair.importSheets([
    expertSheet,
    ...(await sheetFiles(['E03', 'E04', 'E05', 'E06', 'E07'], [], manifest)),
  ]);
  await expect(chair.outcomes.locator('li.ok')).toHaveCount(6);
  await expect(chair.outcomes).toContainText('✓ KLMY-2026-JB-001-E02.jbx：刘珺（E02）');
  await expect(chair.saving).toHaveText('已保存导入的评分表');
  await chair.raceShare.fill('0.3');
  await chair.funding('A01').fill('400');
  await chair.funding('A02').fill('400');
  await expect(chair.allRulesPass).toBeVisible();
  // The chair's ranking as the chair's screen shows it: rank, applicant, the figure it ranks by.
  await expect(chair.ranking.locator('tbody tr')).toHaveCount(4);
  const chairRanking: string[][] = [];
  for (const row of await chair.ranking.locator('tbody tr').all()) {
    const cells = row.locator('td');
    chairRanking.push([
      await cells.nth(0).innerText(),
      `${(await row.getAttribute('data-applicant')) ?? ''} ${await cells.nth(1).innerText()}`,
      await row.locator('td strong').innerText(),
    ]);
  }
  // Seven sheets: the trimmed mean ranks; A01 first with 87.00.
  expect(chairRanking[0]).toEqual(['1', 'A01 新疆水处理技术研究院（示例）', '87.00']);
  const panel = join(dir, 'KLMY-2026-JB-001-panel.jbx');
  copyFileSync(await chair.sign(), panel);
  await expect(chair.notice).toContainText(
    '已导出：KLMY-2026-JB-001-panel.jbx（已加密给市科技局）',
  );
  // The chair's task book of the race, finalised and signed with the same key.
  await finalTaskBook(ui, 'KKJ-JBGS-2026-018');
  const signedBook = join(dir, 'taskbook.jbx');
  copyFileSync(await ui.taskbook.exportBundle(), signedBook);
  await expect(ui.taskbook.notice).toContainText('已导出任务书文件包');

  // Back on the bureau's profile the next day: the chair's panel bundle, as downloaded, taken in.
  await app.clock.setFixedTime(new Date('2026-12-09T10:00:00+08:00'));
  await ui.shell.lock();
  await gate.unlock(BUREAU);
  await desk.open();
  await desk.takeIn(panel);
  const round = desk.round;
  await expect(round.getByTestId('bureau-stage')).toHaveText('评审结果已导入');
  await expect(round).toContainText('✓ 规则校验通过，无阻断问题');
  const ranking = round.getByTestId('bureau-ranking');
  await expect(ranking.locator('tbody tr')).toHaveCount(chairRanking.length);
  const deskRanking: string[][] = [];
  for (const row of await ranking.locator('tbody tr').all())
    deskRanking.push(await row.locator('td').allInnerTexts());
  expect(deskRanking).toEqual(chairRanking);
  // 审定 before the review (评审日期 2026-12-08) is refused in the rule's sentence.
  await round.getByTestId('bureau-approve-date').fill('2026-09-29');
  await round.getByRole('button', { name: '审定' }).click();
  await expect(desk.message).toContainText(
    '审定日期 2026年9月29日 早于评审日期 2026年12月8日：揭榜方建议名单经专家评审提出后，才由市科技局审定（第十二条（六））',
  );
  // Nor after today (2026-12-09 on this clock): said at the field as the date is typed, in the
  // rule's sentence (`approvalAfterToday`), and 审定 waits — the field is typed, no picker to bound.
  await round.getByTestId('bureau-approve-date').fill('2026/12/10');
  await expect(round.getByRole('alert')).toHaveText(
    '审定日期 2026年12月10日 晚于今天（2026年12月9日）：审定日期记录的是市科技局已经作出的审定，公示期自其次日起计（第十二条（六））',
  );
  await expect(round.getByRole('button', { name: '审定' })).toBeDisabled();
  await round.getByTestId('bureau-approve-date').fill('2026-12-08');
  await expect(round.getByRole('alert')).toHaveCount(0);
  await round.getByRole('button', { name: '审定' }).click();
  await expect(round.getByTestId('bureau-publicity')).toContainText(
    '公示期：2026年12月9日 至 2026年12月15日',
  );
  await expect(round.getByTestId('bureau-publicity')).toContainText(
    '计入的工作日：2026年12月9日、2026年12月10日、2026年12月11日、2026年12月14日、2026年12月15日',
  );
  const publicity = pdfText(await desk.save('打印公示通知', round));
  expect(publicity).toContain('公示期2026年12月9日至2026年12月15日（5个工作日）');
  expect(publicity).toContain('审定日期2026年12月8日');
  // A public notice: the measures by their full title, the publisher, no hand-over signatures.
  expect(publicity).toContain('依据《克拉玛依市科技计划“揭榜挂帅”项目管理办法》第十二条（六）');
  expect(publicity).toContain('克拉玛依市科学技术局');
  expect(publicity).not.toContain('领取人签字');
  // The XLSX, read back: its 评分汇总表 is the ranking shown.
  expect(await xlsxRanking(await desk.save('导出 XLSX', round))).toEqual(deskRanking);

  // The signed task book: one for a package this desk did not issue is refused by name.
  const tb = TaskBookSchema.parse({
    ...JSON.parse(readFileSync('resources/sample/taskbook.json', 'utf8')),
    status: 'final',
  });
  const foreign = join(dir, 'foreign-taskbook.jbx');
  writeFileSync(
    foreign,
    await chairTaskBookBundle(
      { ...tb, taskBookId: 'TB-OTHER-001', packageId: 'OTHER-2026-JB-009' },
      generateSigningKey().secretKey,
      { crypto: nodeCrypto },
    ),
  );
  await desk.takeIn(foreign);
  await expect(desk.message).toContainText(
    '未导入 foreign-taskbook.jbx：任务书 TB-OTHER-001 所属的评审包 OTHER-2026-JB-009 不是本工作台签发的评审轮次',
  );
  await expect(round.getByTestId('bureau-stage')).not.toHaveText('任务书已签订');
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
  await expect(desk.assignMessage(round)).toContainText(
    '已签发考察任务 KLMY-2026-JB-001-ASG-1.jbx',
  );
  const asg = await openBundle(new Uint8Array(readFileSync(asgFile)), { crypto: nodeCrypto });
  if (!asg.ok || asg.bundle.kind !== 'inspection-assignment') throw new Error('assignment');
  const report = join(dir, 'report.jbx');
  writeFileSync(report, await reportBundle(asg.bundle.document, asg.bundle.manifestSha256));
  await desk.takeIn(report);
  await expect(round.getByTestId('bureau-taken')).toContainText('report.jbx');
  // A list inside Chinese text with 、 (before: ASCII 「, 」); a finding's article said once (before:
  // 「[第十二条（二）] …（第十二条（二））」).
  await expect(round.getByTestId('bureau-taken')).toContainText('签名：李检查、王核验');
  await expect(round.getByTestId('bureau-taken')).not.toContainText('[第');
  await app.screenshot({ path: 'docs/screenshots/bureau-rounds.png', fullPage: true });
});
