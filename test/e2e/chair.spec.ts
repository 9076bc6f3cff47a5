import { execFileSync } from 'node:child_process';
import {
  createProfile,
  expect,
  importSampleAndEnrol,
  PASSPHRASE,
  scoreByKeyboard,
  sheetFiles,
  test,
} from './fixtures';

test('the chair gathers five sheets (a tampered sixth refused by name), checks the figures, picks a horse race of two, is stopped by the funding cap, signs and exports', async ({
  app,
}) => {
  await createProfile(app, '张志远');
  await importSampleAndEnrol(app, /E01 张志远/);
  await app.getByRole('link', { name: '组长汇总' }).click();

  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '导入评分表文件…' }).click();
  await (await chooser).setFiles(await sheetFiles());
  const outcomes = app.getByTestId('import-outcomes');
  await expect(outcomes.locator('li.ok')).toHaveCount(5);
  await expect(outcomes.locator('li.error')).toHaveCount(1);
  await expect(outcomes.locator('li.error')).toContainText('E07.jbx');
  await expect(app.getByTestId('board')).toContainText('E05 吴敏：已提交（回避 A03）');
  await expect(app.getByTestId('board')).toContainText('E07 冯立：未提交');

  // Figures computed by hand from the five sheets (E02–E06):
  // A01 86 90 85 87 89 → mean 87.40, trimmed (drop 90, 85) 87.33; A02 88 84 87 85 90 → 86.80 / 86.67;
  // A03 84 86 83 (E05 recused) 87 → 4 valid sheets, no trimming, mean 85.00;
  // A04 70 75 40 71 73 → mean 65.80, trimmed (drop 75, 40) 71.33; E04's 40 deviates by −32.25.
  const row = (id: string) => app.getByTestId('ranking').locator(`tr[data-applicant="${id}"]`);
  await expect(row('A01')).toContainText('87.40');
  await expect(row('A01')).toContainText('87.33');
  await expect(row('A01')).toContainText('(90.00)');
  await expect(row('A02')).toContainText('86.80');
  await expect(row('A02')).toContainText('86.67');
  await expect(row('A03')).toContainText('回避');
  await expect(row('A03')).toContainText('85.00');
  await expect(row('A04')).toContainText('65.80');
  await expect(row('A04')).toContainText('71.33');
  await expect(row('A04')).toContainText('(40.00)!');
  await expect(row('A01').locator('td').first()).toHaveText('1');
  await expect(row('A04').locator('td').first()).toHaveText('4');

  // The horse race proposed: A01 and A02 (close, different routes); A03 excluded (same route).
  await expect(app.getByTestId('race-reasons')).toContainText('与已入选者相同');
  await expect(app.getByLabel('核定经费（万元） A01')).toBeVisible();
  await expect(app.getByLabel('核定经费（万元） A02')).toBeVisible();

  // Funding over the cap is refused with the article.
  await app.getByLabel('核定经费（万元） A01').fill('600');
  await app.getByLabel('核定经费（万元） A02').fill('500');
  await expect(app.getByTestId('findings')).toContainText(
    '超过单个项目最高资助额 1000 万元（第十三条（二））',
  );
  await expect(app.getByRole('button', { name: '签署并导出专家组评审结果…' })).toBeDisabled();
  await app.getByLabel('核定经费（万元） A01').fill('400');
  await app.getByLabel('核定经费（万元） A02').fill('400');
  await expect(app.getByTestId('approved-total')).toHaveText('核定项目经费总额：800 万元');
  await expect(app.getByText('✓ 规则校验通过')).toBeVisible();
  await app.screenshot({ path: 'docs/screenshots/chair.png', fullPage: true });
  // The horse-race comparison, side by side, and signature lines for every member (printable).
  const comparison = app.getByTestId('comparison');
  await expect(comparison).toContainText('A01 新疆水处理技术研究院（示例）');
  await expect(comparison).toContainText('A02 西部石油大学（示例）牵头联合体');
  await expect(comparison).toContainText('技术路线：生物强化＋电化学');
  await expect(comparison).toContainText('优势');
  await comparison.screenshot({ path: 'docs/screenshots/comparison.png' });
  await expect(app.getByTestId('signatures').locator('tr')).toHaveCount(7);

  const downloadPromise = app.waitForEvent('download');
  await app.getByRole('button', { name: '签署并导出专家组评审结果…' }).click();
  const path = await (await downloadPromise).path();

  // Later: the race stage's milestone assessment, and one solver chosen to continue (第十三条（三）).
  const selection = app.getByTestId('race-selection');
  await expect(selection).toContainText('（现为 0 家）');
  await selection.getByLabel('A01 通过考核').check();
  await selection.getByLabel('A02 通过考核').check();
  await selection.getByLabel('A01 择优继续').check();
  await expect(selection).toContainText('择优支持须记录理由');
  await selection.getByLabel('A01 择优理由').fill('出水指标稳定达标，吨水成本更低');
  await expect(selection).toContainText('✓ 已择优支持 1 家揭榜方继续研究');

  // The bureau verifies it with its identity; every inner sheet still verifies.
  const out = execFileSync(
    process.execPath,
    ['out/node/jiebang.mjs', 'verify', path, '--identity', 'resources/sample/keys/bureau.agekey'],
    { encoding: 'utf8' },
  );
  expect(out).toContain('✓ 解密：age');
  expect(out).toContain('✓ 内嵌评分表：5 份专家评分表各自签名有效、未被改动');
  expect(out).toContain('揭榜方建议名单：A01、A02；核定经费总额 800 万元');
  expect(out).toContain('✓ 全部校验通过');
});

test('on a shared laptop the chair takes an expert’s exported sheet from the expert’s own profile', async ({
  app,
}) => {
  // The expert, in their own profile.
  await createProfile(app, '刘珺');
  await importSampleAndEnrol(app, /E02 刘珺/);
  for (const [id, points] of [
    ['A01', ['18', '35', '17.5', '18']],
    ['A02', ['17', '34', '17', '17.5']],
    ['A03', ['17', '34', '17', '17']],
    ['A04', ['14', '28', '14', '14']],
  ] as const) {
    await app.getByRole('button', { name: new RegExp(`^${id} `) }).click();
    await scoreByKeyboard(app, [...points], '意见');
  }
  await app.getByRole('button', { name: '提交评分表…' }).click();
  await app.getByRole('button', { name: '确认提交（提交后锁定，不能再修改）' }).click();
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: '签名并导出评分表文件…' }).click();
  await download;
  await app.getByRole('button', { name: '锁定' }).click();
  // The chair, in the chair's profile on the same laptop.
  await createProfile(app, '张志远');
  await importSampleAndEnrol(app, /E01 张志远/);
  await app.getByRole('link', { name: '组长汇总' }).click();
  await app.getByLabel('本机用户档案').selectOption({ label: '刘珺' });
  await app.getByLabel('该档案的口令').fill('wrong passphrase');
  await app.getByRole('button', { name: '导入', exact: true }).click();
  await expect(app.getByRole('alert').filter({ hasText: '口令不正确' })).toBeVisible();
  await app.getByLabel('该档案的口令').fill(PASSPHRASE);
  await app.getByRole('button', { name: '导入', exact: true }).click();
  await expect(app.getByTestId('import-outcomes')).toContainText(
    '✓ KLMY-2026-JB-001-E02.jbx：刘珺（E02）',
  );
  await expect(app.getByTestId('board')).toContainText('E02 刘珺：已提交');
});
