import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, signSampleDecision, test } from './fixtures';

const pdftotext = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

test('the chair drafts the task book from the signed decision, fixes what the rules find, previews, prints, finalises, signs it, and a print is verified', async ({
  ui,
}) => {
  test.setTimeout(180_000);
  const { taskbook: tb, page } = ui;
  // A label of its own: profiles live in main, shared by the tests of this worker.
  await ui.gate.create('张志远（任务书）');
  await ui.review.importSampleAndEnrol(/E01 张志远/);
  await signSampleDecision(ui);

  // Drafted from the decision: a joint task book of both horse-race solvers.
  await tb.open();
  await expect(
    page.getByText('新疆水处理技术研究院（示例）、西部石油大学（示例）牵头联合体'),
  ).toBeVisible();
  await expect(
    page.getByText('赛马制：各揭榜方共同签订联合项目任务书（第十二条（七））'),
  ).toBeVisible();
  await tb.draft();

  // What the draft cannot know yet is found at once, with its article; 定稿 waits for it.
  await expect(tb.findings).toContainText('任务书应明确知识产权的归属（第十五条）');
  await expect(tb.findings).toContainText('任务书应明确利益分配（第十五条）');
  // Each solver's 法定代表人 is for the user to write (the chief expert is not it).
  await expect(tb.findings).toContainText(
    '丙方“新疆水处理技术研究院（示例）”的法定代表人或授权代表尚未填写（第十二条（七））',
  );
  await expect(tb.representative('A01')).toHaveValue('');
  // 企业出题 以发榜方投入为主 (第十三条（二））: drafted as 0, blocking; below the city's funds, a warning.
  await expect(tb.findings).toContainText(
    '企业出题技术攻关项目以发榜方投入为主，市财政科研项目资金根据发榜方拨款进度给予支持；发榜方投入为 0，市财政资助 800 万元（第十三条（二））',
  );
  await tb.field('发榜方投入（万元）').fill('500');
  await expect(tb.findings).toContainText(
    '企业出题技术攻关项目以发榜方投入为主：发榜方投入 500 万元 少于市财政资助 800 万元（第十三条（二））',
  );
  await tb.field('发榜方投入（万元）').fill('1200');
  await expect(tb.findings).not.toContainText('发榜方投入');
  await expect(tb.finaliseButton).toBeDisabled();
  await expect(tb.party('A01').getByLabel('丙方（揭榜方）')).toHaveValue(
    '新疆水处理技术研究院（示例）',
  );
  // Each solver names its own chief expert (第十二条（八）).
  await expect(tb.chiefExpert('A01', '姓名')).toHaveValue('王建国');
  await expect(tb.chiefExpert('A02', '姓名')).toHaveValue('李明哲');
  await expect(tb.chiefExpert('A02', '单位')).toHaveValue('西部石油大学（示例）');

  await tb.field('合同编号').fill('KKJ-JBGS-2026-001');
  await tb.fillRepresentatives({ A01: '周立群', A02: '孟庆和' });
  await tb
    .field('知识产权归属')
    .fill('项目形成的知识产权归完成该成果的揭榜方所有；发榜方在本油田范围内享有免费实施许可。');
  await tb.field('利益分配').fill('成果在本油田以外转化取得的收益，揭榜方与发榜方按 7:3 分配。');
  await expect(tb.findings).toHaveCount(0);
  await expect(tb.noFindings).toBeVisible();

  // A tranche that breaks the sum is named; a date is typed as written here, a cleared one named.
  const m1 = tb.milestone(1);
  const tranche = m1.getByLabel('拨付（万元）');
  const original = await tranche.inputValue();
  await tranche.fill('1');
  await expect(tb.findings).toContainText('与市财政资助 800 万元 不一致（第十二条（八））');
  await tranche.fill(original);
  // An amount is read as an official writes it: full-width digits taken; a misplaced thousands
  // separator said for what it is, and the top bar says the field is not saved (not 「已保存」).
  await tranche.fill('1,00');
  await expect(m1.getByRole('alert')).toHaveText(
    '拨付（万元）：“1,00”的千位分隔符位置不对：应每三位一个，如 1,000 或 12,500.5',
  );
  await expect(ui.shell.saveState).toContainText(
    '未保存：拨付（万元）：“1,00”的千位分隔符位置不对',
  );
  await tranche.fill(original.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d))));
  await expect(m1.getByRole('alert')).toHaveCount(0);
  await expect(ui.shell.saveState).toHaveText('已保存');
  await tranche.blur();
  await expect(tranche).toHaveValue(original);
  const due = m1.getByLabel('完成时间');
  const before = await due.inputValue();
  expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await due.fill('');
  // Named as the task book's one table names it, as `jiebang check` does (「里程碑第 1 项 …」).
  await expect(tb.findings).toContainText('里程碑第 1 项 完成时间：');
  const [y, mo, d] = before.split('-').map(Number);
  await due.fill(`${y}年${mo}月${d}日`);
  await expect(tb.noFindings).toBeVisible();
  await due.blur();
  await expect(due).toHaveValue(before);

  // Rare characters in a name print from the embedded fallback font; one no font has is named,
  // with its field, among the checks as it is typed — the sentence `jiebang check` and
  // `render-taskbook` say (test/doors/taskbook-unprintable.test.ts).
  const chief = tb.chiefExpert('A01', '姓名');
  await chief.fill('吉𠮷、陈堃、赵喆');
  await expect(tb.noFindings).toBeVisible();
  await tb.showPreview();
  await expect(tb.preview).toContainText('共 5 页', { timeout: 30_000 });
  await chief.fill('吉𠮷、陈堃、赵喆、𪚥');
  await expect(tb.findings).toContainText(
    '首席专家 姓名：以下字符字库中没有，打印件上以其码位代替，请改用通行写法：U+2A6A5 𪚥',
  );
  // An edit makes the preview stale: it is gone until rendered again.
  await expect(tb.preview).toHaveCount(0);
  await chief.fill('吉𠮷、陈堃、赵喆');

  // Drafts are autosaved: after a reload and unlock, the edits are there.
  await ui.shell.saved();
  await page.reload();
  await ui.gate.unlock('张志远（任务书）');
  await tb.open();
  await expect(tb.field('合同编号')).toHaveValue('KKJ-JBGS-2026-001');
  await expect(chief).toHaveValue('吉𠮷、陈堃、赵喆');

  // Preview: the pages drawn in the app; then the draft saved as a PDF with its watermark.
  await tb.showPreview();
  await expect(tb.preview).toContainText('共 5 页', { timeout: 30_000 });
  await expect(tb.preview).not.toContainText('正在打开文档');
  await page.screenshot({ path: 'docs/screenshots/taskbook.png' });
  const draftText = pdftotext(await tb.savePdf());
  expect(draftText).toContain('KKJ-JBGS-2026-001');
  expect(draftText).toContain('新疆水处理技术研究院（示例）：吉𠮷、陈堃、赵喆（研究员');
  expect(draftText).toContain('西部石油大学（示例）牵头联合体：李明哲（教授');
  expect(draftText).toContain('草稿');
  // In the web host, 打印 downloads the PDF for the browser to print.
  await ui.shell.download(() => tb.printButton.click());
  await expect(tb.notice).toContainText('浏览器版不能直接打印');

  // 定稿 asks in the app's dialog, never the browser's confirm(): 返回修改 is focused first and
  // Escape chooses it (still a draft, the focus back on 定稿); then 定稿, confirmed.
  const native: string[] = [];
  page.on('dialog', (d) => {
    native.push(d.message());
    void d.dismiss();
  });
  await tb.finaliseButton.click();
  await expect(tb.finaliseDialog).toContainText('定稿后不能再修改（可退回草稿，并记入审计日志）。');
  await expect(tb.finaliseDialog.getByRole('button', { name: '返回修改' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(tb.finaliseDialog).toHaveCount(0);
  await expect(tb.finaliseButton).toBeFocused();
  await expect(tb.field('合同编号')).toBeEnabled();
  // Confirmed: the form locks; signed and exported with its PDF.
  await tb.finalise();
  expect(native).toEqual([]);
  await expect(tb.field('合同编号')).toBeDisabled();
  const code = await tb.code();
  await expect(page.getByTestId('tb-code')).toContainText(
    code.slice(0, 4) + ' ' + code.slice(4, 8),
  );
  const bundle = await tb.exportBundle();
  await expect(tb.notice).toContainText('已导出任务书文件包');
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], { encoding: 'utf8' });
  expect(cli('verify', bundle)).toContain('✓ 全部校验通过');
  expect(cli('verify-print', '--code', code, bundle)).toContain('✓ 一致');

  // 核验打印件: the code as typed from paper (in groups, upper case) against the bundle.
  const verify = ui.verifyPrint;
  await verify.open();
  await verify.code.fill('12345');
  // How many digits were typed, in the sentence `jiebang verify-print` says (printedCodeRefusal).
  await expect(
    page.getByText(
      '核验码应为 64 位十六进制数字，所给的是 5 位（或二维码内容 jiebang:taskbook:… 或 jiebang:form:…）',
    ),
  ).toBeVisible();
  const file = {
    name: 'taskbook.jbx',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(bundle),
  };
  await verify.check(code.toUpperCase().replace(/(.{4})/g, '$1 '), file);
  await expect(verify.result).toContainText(
    '✓ 一致：打印件与任务书 TB-KLMY-2026-JB-001（定稿）相符',
  );
  // The signer's role in words, never its code.
  await expect(verify.result).toContainText('张志远（专家组组长）');
  await expect(verify.result).not.toContainText('chair');
  await page.screenshot({ path: 'docs/screenshots/verify-print.png', fullPage: true });
  // One digit off: not this task book.
  await verify.check(`${code.slice(0, 63)}${code.endsWith('0') ? '1' : '0'}`, file);
  await expect(verify.result).toContainText('✗ 不一致');
  await expect(verify.result).toContainText(code);
});
