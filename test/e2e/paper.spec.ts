/**
 * Paper scores in (issue 19): the chair imports a GB18030 paper transcription twice (double
 * entry) with one differing cell, sees the cell, corrects the second file, and the transcribed
 * sheet joins the desk with its typist, checker and scan.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const gb18030 = (text: string): Buffer =>
  execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
const e05 = readFileSync('resources/sample/paper-sheets.csv', 'utf8')
  .split('\n')
  .filter((l, i) => i === 0 || l.startsWith('E05,'))
  .join('\n');
const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: gb18030(text),
});

test('the chair imports a paper transcription twice, sees the differing cell, corrects it, and the sheet joins the desk', async ({
  ui,
}) => {
  const { chair, page } = ui;
  await ui.gate.create('张志远（纸质）');
  await ui.review.importSampleAndEnrol(/E01 张志远/);
  await chair.open();
  const card = page.getByTestId('paper-card');
  const choose = (button: string, files: Parameters<typeof ui.shell.choose>[1]) =>
    ui.shell.choose(() => card.getByRole('button', { name: button }).click(), files);

  await choose('选择转录文件（CSV）…', csv('E05-first.csv', e05));
  await card.getByLabel('录入人', { exact: true }).fill('秘书 陈静');
  // No scan yet: refused, by name of what is missing.
  await card.getByRole('button', { name: '导入纸质评分' }).click();
  await expect(card.getByTestId('paper-problems')).toContainText('请选择签字纸质评分表的扫描件');

  await choose('选择签字原件扫描件…', {
    name: 'E05-signed.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 scan of E05 wet-signed sheet'),
  });
  await card.getByLabel('双人录入（两份转录逐格比对）').check();
  // The second typist read E05's C2 for A02 as 33.5.
  const typo = e05.replace(/^(E05,A02,,,[^,]*,)([^,]*)/m, '$133.5');
  await choose('选择第二份转录（CSV）…', csv('E05-second.csv', typo));
  await card.getByLabel('第二录入人（复核）').fill('秘书 王芳');
  await card.getByRole('button', { name: '导入纸质评分' }).click();
  const differences = card.getByTestId('paper-differences');
  await expect(differences).toContainText('两份转录有 1 处不一致，未导入');
  await expect(differences.locator('tbody tr')).toHaveCount(1);
  await expect(differences.locator('tbody tr')).toContainText('E05 / A02 / C2');
  await expect(differences.locator('tbody tr')).toContainText('33.5');
  await card.screenshot({ path: 'docs/screenshots/paper-scores.png' });

  await choose('选择第二份转录（CSV）…', csv('E05-second-fixed.csv', e05));
  await card.getByRole('button', { name: '导入纸质评分' }).click();
  await expect(card.getByRole('status')).toContainText(
    '已导入 E05 的纸质评分表转录（录入 秘书 陈静）',
  );
  await expect(card.getByTestId('paper-held')).toContainText(
    'E05：录入 秘书 陈静，复核 秘书 王芳；扫描件 E05-signed.pdf SHA-256',
  );
  await expect(chair.board).toContainText('E05 吴敏：已提交（纸质评分表转录）');
});
