/**
 * The bureau desk's forms (issue 18), on the web host in Chromium: new lists over the unsigned
 * draft are asked about first (the draft named with its last edit; Esc and 保留草稿 keep it, by
 * keyboard; 替换草稿 takes the new lists); an inspection assignment with the checklist as the
 * bureau edited it (a blank item refused, what was typed kept; once signed the form starts
 * afresh; the saved bundle carries the edited items); then the round brought to 任务书已签订 (the
 * chair's panel result and task book as fixtures) and a form after the award that passes — the
 * race's choice, signed by the award screen's workflow — taken in through the one import button
 * and listed with its kind, date and signers. Then a package id already issued: the same lists
 * signed again after the round's result, 审定 and publicity are refused by name (the id, the stage,
 * a new id), the round keeps its ranking and publicity, and the chair's panel.jbx is still this
 * desk's (taken once).
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sampleRaceChoice } from '../../src-shared/award/samples';
import { openBundle } from '../../src-shared/bundle';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { TaskBookSchema } from '../../src-shared/model';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { appSignedAward } from '../fixtures/award-signed';
import { samplePanelBundle } from '../fixtures/panel';
import { chairTaskBookBundle } from '../fixtures/taskbook-bundle';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';
import { ProfileGate } from './pages/profile';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';
const BUREAU = '市科技局 表单（desk-forms）';
const PACKAGE = '评审包 KLMY-2026-JB-001（揭榜方 4 家，专家 7 名）';
const DUPLICATE = '第 4 行 A 列「揭榜方编号」：揭榜方编号 A02 与第 3 行重复';

/** The sample's lists and proposals in a folder of their own; `bad`: one applicant id twice. */
async function listsIn(dir: string, bad: boolean): Promise<string[]> {
  mkdirSync(dir);
  for (const f of readdirSync(LISTS)) copyFileSync(join(LISTS, f), join(dir, f));
  for (const f of readdirSync(ATTACHMENTS)) copyFileSync(join(ATTACHMENTS, f), join(dir, f));
  if (bad) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(LISTS, 'applicants.xlsx')).buffer);
    const ws = wb.getWorksheet('揭榜方');
    if (!ws) throw new Error('sheet');
    ws.getCell('A4').value = 'A02';
    writeFileSync(join(dir, 'applicants.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
  }
  return readdirSync(dir).map((f) => join(dir, f));
}

test('the desk asks before new lists replace its draft, signs an inspection with its own checklist and clears the form, and takes in a form after the award that passes', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-desk-forms-'));
  const gate = new ProfileGate(app);
  const desk = new DeskPage(app);
  await gate.create(BUREAU);
  await desk.open();
  await desk.makeKeys();
  await desk.chooseLists(await listsIn(join(dir, 'good'), false));
  await expect(desk.verdict).toContainText(PACKAGE);

  // New lists over the draft: asked first, the draft named with its last edit; Esc keeps it.
  const openButton = app.getByRole('button', { name: '选择名单与申报材料…' });
  await desk.askForNewLists();
  await expect(desk.replacePrompt).toContainText(
    /本档案已有一份未签发的草稿：评审包 KLMY-2026-JB-001，最后编辑于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/,
  );
  const keep = desk.replacePrompt.getByRole('button', { name: '保留草稿' });
  await expect(keep).toBeFocused();
  await app.screenshot({ path: 'docs/screenshots/bureau-replace-draft.png', fullPage: true });
  await app.keyboard.press('Escape');
  await expect(desk.replacePrompt).toHaveCount(0);
  await expect(desk.message).toContainText('草稿已保留，未作任何更改');
  await expect(openButton).toBeFocused();
  await expect(desk.verdict).toContainText(PACKAGE);
  // By keyboard: Enter asks again, Enter on 保留草稿 (focused) keeps.
  await app.keyboard.press('Enter');
  await expect(keep).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(desk.replacePrompt).toHaveCount(0);
  await expect(desk.verdict).toContainText(PACKAGE);
  // 替换草稿: the new lists (one applicant id typed twice) are the draft now, fixed in place.
  await desk.askForNewLists();
  await desk.replaceDraftWith(await listsIn(join(dir, 'bad'), true));
  await expect(desk.problem(DUPLICATE)).toBeVisible();
  await desk.fix(DUPLICATE, 'A03');
  await expect(desk.verdict).toContainText(PACKAGE);

  await desk.signButton.click();
  await expect(desk.signed).toContainText('已签发 KLMY-2026-JB-001.jbx');
  const jbx = await desk.save('保存 .jbx', desk.signed);
  const pkg = await openBundle(new Uint8Array(readFileSync(jbx)), { crypto: nodeCrypto });
  if (!pkg.ok || pkg.bundle.kind !== 'review-package') throw new Error('package');

  // An inspection with the checklist as the bureau edits it, the demand's items to start with.
  const round = desk.round;
  const assign = desk.assignment();
  const item = (n: number) => assign.getByRole('textbox', { name: `检查项 ${n}`, exact: true });
  await expect(assign.getByTestId('bureau-checklist').getByRole('textbox')).toHaveCount(4);
  await expect(item(1)).toHaveValue('技术需求真实存在（现场所见与需求材料一致）');
  await assign.getByLabel('考察地点').fill('采出水处理站');
  // A member twice and a day that does not exist: each said in the summary as the rule says it
  // (before, the day was handed on as missing: 「请填写完成日期」).
  await assign.getByLabel('考察组（组长在前，以逗号分隔）').fill('李检查，李检查');
  await assign.getByLabel('完成日期').fill('2026/2/30');
  await expect(assign).toContainText('2026-02-30 不是实际存在的日期');
  await assign.getByRole('button', { name: '签发考察任务' }).click();
  // Said under the form that asked, not with the desk's messages under the passphrase.
  await expect(desk.assignMessage()).toContainText(
    '考察组第 2 位成员与第 1 位重复（李检查），每人只能列一次，未签发；完成日期：2026-02-30 不是实际存在的日期，未签发',
  );
  await expect(desk.assignMessage()).toHaveAttribute('role', 'alert');
  await expect(desk.assignMessage()).not.toContainText('请填写完成日期');
  await expect(desk.message).toHaveCount(0);
  await assign.getByLabel('考察组（组长在前，以逗号分隔）').fill('李检查，王核验');
  await assign.getByLabel('完成日期').fill('2026-12-31');
  await item(1).fill('  采出水日处理量与需求材料一致\u200b');
  await assign.getByRole('button', { name: '删除检查项 3' }).click();
  await assign.getByRole('button', { name: '添加检查项' }).click();
  // A blank item is refused by its place; nothing signed, what was typed kept.
  await assign.getByRole('button', { name: '签发考察任务' }).click();
  await expect(desk.assignMessage()).toContainText('检查项第 4 项：不能为空，未签发');
  await expect(assign.getByLabel('考察地点')).toHaveValue('采出水处理站');
  await expect(assign.getByLabel('考察组（组长在前，以逗号分隔）')).toHaveValue('李检查，王核验');
  await expect(assign.getByLabel('完成日期')).toHaveValue('2026-12-31');
  await expect(item(1)).toHaveValue('  采出水日处理量与需求材料一致\u200b');
  await item(4).fill('现场水质取样送检');
  const asgFile = await desk.save('签发考察任务', assign);
  await expect(desk.assignMessage()).toContainText('已签发考察任务 KLMY-2026-JB-001-ASG-1.jbx');
  await expect(desk.assignMessage()).toHaveAttribute('role', 'status');
  await expect(desk.message).toHaveCount(0);
  const asg = await openBundle(new Uint8Array(readFileSync(asgFile)), { crypto: nodeCrypto });
  if (!asg.ok || asg.bundle.kind !== 'inspection-assignment') throw new Error('assignment');
  expect(asg.bundle.document.checklist).toEqual([
    '采出水日处理量与需求材料一致',
    '发榜方为技术需求的最终用户',
    '发榜方配套资金与应用场景已落实',
    '现场水质取样送检',
  ]);
  // Signed: the form starts afresh for the next assignment.
  await expect(assign).toContainText('已签发的考察任务：KLMY-2026-JB-001-ASG-1');
  await expect(assign.getByLabel('考察地点')).toHaveValue('');
  await expect(assign.getByLabel('考察组（组长在前，以逗号分隔）')).toHaveValue('');
  await expect(assign.getByLabel('完成日期')).toHaveValue('');
  await expect(item(1)).toHaveValue('技术需求真实存在（现场所见与需求材料一致）');
  await expect(item(3)).toHaveValue('需求可行、技术条件成熟');

  // The round to 任务书已签订: the chair's panel result, 审定, the signed task book.
  const chairKey = generateSigningKey().secretKey;
  const panel = join(dir, 'panel.jbx');
  writeFileSync(
    panel,
    await samplePanelBundle(pkg.bundle.document, pkg.bundle.manifestSha256, chairKey),
  );
  await desk.takeIn(panel);
  await expect(round.getByTestId('bureau-stage')).toHaveText('评审结果已导入');
  // The day after the review (the sample's result is signed on 2026-12-08): a 审定 on the review
  // day is not after today, whatever day the test runs.
  await app.clock.setFixedTime(new Date('2026-12-09T10:00:00+08:00'));
  await round.getByTestId('bureau-approve-date').fill('2026-12-08');
  await round.getByRole('button', { name: '审定' }).click();
  await expect(round.getByTestId('bureau-publicity')).toBeVisible();
  const tb = TaskBookSchema.parse({
    ...JSON.parse(readFileSync('resources/sample/taskbook.json', 'utf8')),
    status: 'final',
  });
  const book = join(dir, 'taskbook.jbx');
  writeFileSync(book, await chairTaskBookBundle(tb, chairKey, { crypto: nodeCrypto }));
  await desk.takeIn(book);
  await expect(round.getByTestId('bureau-stage')).toHaveText('任务书已签订');

  // The race's choice, signed on the project's device by the award screen's workflow.
  const choice = await appSignedAward({
    tb,
    document: { type: 'race', doc: sampleRaceChoice() },
    signers: [
      { role: 'bureau', name: '克拉玛依市科学技术局' },
      { role: 'issuer', name: '陈立新' },
    ],
    now: '2027-12-28T09:00:00+08:00',
  });
  const form = join(dir, choice.name);
  writeFileSync(form, choice.bytes);
  await desk.takeIn(form);
  await expect(desk.message).toContainText('✓ 已导入 TB-KLMY-2026-001-RC-1.jbx');
  // Its signers are new here: each named with its fingerprint, to compare with the paper.
  await expect(desk.message).toContainText('新签名者 陈立新（发榜方）');
  const taken = round.getByTestId('bureau-taken-item').last();
  await expect(taken).toContainText(
    '赛马择优：任务书 TB-KLMY-2026-001：A01 88 分，A02 79 分；择优支持 A01（2027年12月20日；TB-KLMY-2026-001-RC-1.jbx，签名：克拉玛依市科学技术局、陈立新）',
  );
  await expect(round.getByTestId('bureau-taken-item').first()).toContainText('项目任务书：');
  await expect(round.getByTestId('bureau-stage')).toHaveText('任务书已签订');
  await round.screenshot({ path: 'docs/screenshots/bureau-assign.png' });
});

test('a package id already issued and approved is flagged in the draft’s checks, 签发 not offered: the round keeps its ranking, approval and publicity, and the chair’s panel.jbx is still the desk’s', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-desk-reissue-'));
  const gate = new ProfileGate(app);
  const desk = new DeskPage(app);
  await gate.create('市科技局 再签发（desk-forms）');
  await desk.open();
  await desk.makeKeys();
  await desk.chooseLists(await listsIn(join(dir, 'first'), false));
  await expect(desk.verdict).toContainText(PACKAGE);
  await desk.signButton.click();
  await expect(desk.signed).toContainText('已签发 KLMY-2026-JB-001.jbx');
  const jbx = await desk.save('保存 .jbx', desk.signed);
  const pkg = await openBundle(new Uint8Array(readFileSync(jbx)), { crypto: nodeCrypto });
  if (!pkg.ok || pkg.bundle.kind !== 'review-package') throw new Error('package');
  const panel = join(dir, 'panel.jbx');
  writeFileSync(panel, await samplePanelBundle(pkg.bundle.document, pkg.bundle.manifestSha256));
  await desk.takeIn(panel);
  const round = desk.round;
  await expect(round.getByTestId('bureau-stage')).toHaveText('评审结果已导入');
  // The day after the review (the sample's result is signed on 2026-12-08): a 审定 on the review
  // day is not after today, whatever day the test runs.
  await app.clock.setFixedTime(new Date('2026-12-09T10:00:00+08:00'));
  await round.getByTestId('bureau-approve-date').fill('2026-12-08');
  await round.getByRole('button', { name: '审定' }).click();
  await expect(round.getByTestId('bureau-publicity')).toBeVisible();
  await expect(round.getByTestId('bureau-stage')).not.toHaveText('评审结果已导入');
  const stage = await round.getByTestId('bureau-stage').innerText();
  const ranking = round.getByTestId('bureau-ranking').locator('tbody tr');
  await expect(ranking).toHaveCount(4);

  // New lists with the same 评审包编号: flagged by name in the draft's checks, before 签发评审包
  // (which is not offered), nothing lost.
  await desk.chooseLists(await listsIn(join(dir, 'again'), false));
  await expect(desk.verdict).toContainText(PACKAGE);
  await expect(desk.verdict).toContainText(
    `评审包编号 KLMY-2026-JB-001 已签发过，该评审轮次${stage}，未签名`,
  );
  await expect(desk.verdict).toContainText('改用新的编号（如 KLMY-2026-JB-002）后再签发');
  await expect(desk.signButton).toBeDisabled();
  await expect(desk.round).toHaveCount(1);
  await expect(round.getByTestId('bureau-stage')).toHaveText(stage);
  await expect(ranking).toHaveCount(4);
  await expect(round.getByTestId('bureau-publicity')).toBeVisible();
  // The draft stays to be corrected.
  await expect(desk.verdict).toContainText(PACKAGE);

  // The chair's panel.jbx answers the package this desk issued: recognised, taken once.
  await desk.takeIn(panel);
  await expect(desk.message).toContainText('✓ panel.jbx 此前已导入，未作任何更改');
  await expect(round.getByTestId('bureau-stage')).toHaveText(stage);
});
