import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProfile,
  expect,
  importSampleAndEnrol,
  signSampleDecision,
  test,
  unlockProfile,
} from './fixtures';

const pdftotext = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

test('the chair drafts the task book from the signed decision, fixes what the rules find, previews, prints, finalises, signs it, and a print is verified', async ({
  app,
}) => {
  test.setTimeout(180_000);
  // A label of its own: profiles live in main, shared by the tests of this worker.
  await createProfile(app, '张志远（任务书）');
  await importSampleAndEnrol(app, /E01 张志远/);
  await signSampleDecision(app);

  // Drafted from the decision: a joint task book of both horse-race solvers.
  await app.getByRole('link', { name: '任务书' }).click();
  await expect(
    app.getByText('新疆水处理技术研究院（示例）、西部石油大学（示例）牵头联合体'),
  ).toBeVisible();
  await expect(
    app.getByText('赛马制：各揭榜方共同签订联合项目任务书（第十二条（七））'),
  ).toBeVisible();
  await app.getByRole('button', { name: '起草任务书' }).click();

  // What the draft cannot know yet is found at once, with its article; 定稿 waits for it.
  const findings = app.getByTestId('tb-findings');
  await expect(findings).toContainText('任务书应明确知识产权的归属（第十五条）');
  await expect(findings).toContainText('任务书应明确利益分配（第十五条）');
  await expect(app.getByRole('button', { name: '定稿' })).toBeDisabled();
  await expect(app.getByLabel('丙方（揭榜方）').first()).toHaveValue(
    '新疆水处理技术研究院（示例）',
  );

  await app.getByLabel('合同编号').fill('KKJ-JBGS-2026-001');
  await app
    .getByLabel('知识产权归属')
    .fill('项目形成的知识产权归完成该成果的揭榜方所有；发榜方在本油田范围内享有免费实施许可。');
  await app
    .getByLabel('利益分配')
    .fill('成果在本油田以外转化取得的收益，揭榜方与发榜方按 7:3 分配。');
  await expect(findings).toHaveCount(0);
  await expect(app.getByText('✓ 未发现问题')).toBeVisible();

  // A tranche that breaks the sum is named; a cleared date is named in the editor's words.
  const m1 = app.getByTestId('milestone-1');
  const tranche = m1.getByLabel('拨付（万元）');
  const original = await tranche.inputValue();
  await tranche.fill('1');
  await expect(findings).toContainText('与市财政资助 800 万元 不一致（第十二条（八））');
  await tranche.fill(original);
  // (The draft's dates follow today's date: put back what was there.)
  const due = await m1.getByLabel('完成时间').inputValue();
  await m1.getByLabel('完成时间').fill('');
  await expect(findings).toContainText('里程碑 · 1 · 完成时间：');
  await m1.getByLabel('完成时间').fill(due);
  await expect(app.getByText('✓ 未发现问题')).toBeVisible();

  // Rare characters in a name print from the embedded fallback font; one no font has is named.
  await app.getByLabel('姓名').fill('吉𠮷、陈堃、赵喆');
  await app.getByRole('button', { name: '预览' }).click();
  const preview = app.getByTestId('tb-preview');
  await expect(preview).toContainText('共 5 页', { timeout: 30_000 });
  await expect(app.getByTestId('tb-missing')).toHaveCount(0);
  await app.getByLabel('姓名').fill('吉𠮷、陈堃、赵喆、𪚥');
  // An edit makes the preview stale: it is gone until rendered again.
  await expect(preview).toHaveCount(0);
  await app.getByRole('button', { name: '预览' }).click();
  // Named by its code point in the editor (and printed as [U+2A6A5], never from a stray font).
  await expect(app.getByTestId('tb-missing')).toContainText('U+2A6A5 𪚥');
  await app.getByLabel('姓名').fill('吉𠮷、陈堃、赵喆');

  // Drafts are autosaved: after a reload and unlock, the edits are there.
  await expect(app.getByText('已保存')).toBeVisible();
  await app.reload();
  await unlockProfile(app, '张志远（任务书）');
  await app.getByRole('link', { name: '任务书' }).click();
  await expect(app.getByLabel('合同编号')).toHaveValue('KKJ-JBGS-2026-001');
  await expect(app.getByLabel('姓名')).toHaveValue('吉𠮷、陈堃、赵喆');

  // Preview: the pages drawn in the app; then the draft saved as a PDF with its watermark.
  await app.getByRole('button', { name: '预览' }).click();
  await expect(preview).toContainText('共 5 页', { timeout: 30_000 });
  await expect(preview).not.toContainText('正在打开文档');
  await app.screenshot({ path: 'docs/screenshots/taskbook.png' });
  const saved = app.waitForEvent('download');
  await app.getByRole('button', { name: '保存 PDF…' }).click();
  const draftPdf = (await (await saved).path()) ?? '';
  const draftText = pdftotext(draftPdf);
  expect(draftText).toContain('KKJ-JBGS-2026-001');
  expect(draftText).toContain('吉𠮷、陈堃、赵喆');
  expect(draftText).toContain('草稿');
  // In the web host, 打印 downloads the PDF for the browser to print.
  const printed = app.waitForEvent('download');
  await app.getByRole('button', { name: '打印…' }).click();
  await printed;
  await expect(app.getByText('浏览器版不能直接打印')).toBeVisible();

  // 定稿, confirmed; the form locks; signed and exported with its PDF.
  app.once('dialog', (d) => void d.accept());
  await app.getByRole('button', { name: '定稿' }).click();
  await expect(app.getByLabel('合同编号')).toBeDisabled();
  const code = (await app.getByTestId('tb-code').innerText()).replace(/^.*：/, '').trim();
  expect(code).toMatch(/^[0-9a-f]{64}$/);
  const exported = app.waitForEvent('download');
  await app.getByRole('button', { name: '签名导出任务书文件包…' }).click();
  const bundle = (await (await exported).path()) ?? '';
  await expect(app.getByText(/已导出任务书文件包/)).toBeVisible();
  const verified = execFileSync(process.execPath, ['out/node/jiebang.mjs', 'verify', bundle], {
    encoding: 'utf8',
  });
  expect(verified).toContain('✓ 全部校验通过');
  const cli = execFileSync(
    process.execPath,
    ['out/node/jiebang.mjs', 'verify-print', '--code', code, bundle],
    { encoding: 'utf8' },
  );
  expect(cli).toContain('✓ 一致');

  // 核验打印件: the code as typed from paper (in groups, upper case) against the bundle.
  await app.getByRole('link', { name: '核验打印件' }).click();
  const field = app.getByLabel('打印件上的核验码（或二维码内容）');
  await field.fill('12345');
  await expect(app.getByText('核验码应为 64 位十六进制数字')).toBeVisible();
  await field.fill(code.toUpperCase().replace(/(.{8})/g, '$1 '));
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '选择任务书文件并核验…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'taskbook.jbx',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(bundle),
  });
  await expect(app.getByTestId('verify-result')).toContainText(
    '✓ 一致：打印件与任务书 TB-KLMY-2026-JB-001（定稿）相符',
  );
  await expect(app.getByTestId('verify-result')).toContainText('张志远（chair）');
  await app.screenshot({ path: 'docs/screenshots/verify-print.png', fullPage: true });
  // One digit off: not this task book.
  const wrong = `${code.slice(0, 63)}${code.endsWith('0') ? '1' : '0'}`;
  await field.fill(wrong);
  const again = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '选择任务书文件并核验…' }).click();
  await (
    await again
  ).setFiles({
    name: 'taskbook.jbx',
    mimeType: 'application/octet-stream',
    buffer: readFileSync(bundle),
  });
  await expect(app.getByTestId('verify-result')).toContainText('✗ 不一致');
  await expect(app.getByTestId('verify-result')).toContainText(code);
});
