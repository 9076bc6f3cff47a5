/**
 * The meeting's paper on the chair's desk (issue 19), from printing to the signed bundle: the chair
 * prints the 签到表 (read back with pdftotext: every member), gathers four signed sheets, imports
 * E05's paper scores as a GB18030 transcription typed twice with one differing cell, sees the
 * cell, corrects the second file (saved from Excel as a workbook), prints the 专家组意见 (the
 * figures, the funding in capitals), signs and exports; `jiebang verify` on the panel bundle lists
 * the transcribed sheet with its typist, checker and scan hash, and the opinion printed before
 * signing verifies against it — by `jiebang verify-print` and on the 核验打印件 screen.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { wholePdf } from '../../src-shared/io/pdf-fixture';
import { expect, sheetFiles, test } from './fixtures';

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], { encoding: 'utf8' });
const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
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
/** The CSV's table as a workbook typed in Excel: plain decimals as numbers, the rest as text. */
async function workbook(name: string, text: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('转录');
  for (const row of text.trim().split('\n'))
    ws.addRow(row.split(',').map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  return {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
const scan = Buffer.from(wholePdf('scan of E05 wet-signed sheet'));
const IDENTITY = 'resources/sample/keys/bureau.agekey';

test('the chair prints the meeting’s forms, imports a paper transcription twice, corrects the differing cell, signs, and verify lists the transcription', async ({
  ui,
}) => {
  // Printing, a double entry, signing and three CLI runs: long on a busy 2-core machine.
  test.setTimeout(300_000);
  const { chair, page } = ui;
  await ui.gate.create('张志远（纸质）');
  await ui.review.importSampleAndEnrol(/E01 张志远/);
  await ui.review.scoreAndSubmit();
  await chair.open();
  const forms = page.getByTestId('meeting-print');
  const print = (form: string) =>
    ui.shell.download(() => forms.getByRole('button', { name: `打印${form}` }).click());

  // 签到表: the roster, read back from the PDF.
  const signIn = pdfText(await print('签到表'));
  expect(signIn).toContain('签到表');
  for (const name of ['张志远', '吴敏', '冯立']) expect(signIn).toContain(name);
  expect(signIn).toContain('签到时间');

  // Every form the README lists is on the desk; the 专家评审费签收表 with the fee typed once.
  await expect(forms.getByRole('button')).toHaveCount(6);
  await forms.getByLabel('专家评审费（元/人，打印签收表用）').fill('1500');
  const fees = pdfText(await print('专家评审费签收表')).replace(/\s/g, '');
  expect(fees).toContain('张志远（E01）');
  expect(fees).toContain('1,500.00元壹仟伍佰元整');
  expect(fees).toContain('合计：10,500.00元（大写：人民币壹万零伍佰元整）');

  // Four members' signed sheets; E05 scored on paper; E07 did not come.
  await chair.importSheets(await sheetFiles(['E02', 'E03', 'E04', 'E06'], []));
  await expect(chair.outcomes.locator('li.ok')).toHaveCount(4);

  const card = page.getByTestId('paper-card');
  const choose = (button: string, files: Parameters<typeof ui.shell.choose>[1]) =>
    ui.shell.choose(() => card.getByRole('button', { name: button }).click(), files);
  await choose('选择转录文件（CSV 或 Excel）…', csv('E05-first.csv', e05));
  await card.getByLabel('录入人', { exact: true }).fill('秘书 陈静');
  // No scan yet: refused, by name of what is missing.
  await card.getByRole('button', { name: '导入纸质评分' }).click();
  await expect(card.getByTestId('paper-problems')).toContainText('请选择签字纸质评分表的扫描件');

  await choose('选择签字原件扫描件…', {
    name: 'E05-signed.pdf',
    mimeType: 'application/pdf',
    buffer: scan,
  });
  await card.getByLabel('双人录入（两份转录逐格比对）').check();
  // The second typist read E05's C2 for A02 as 33.5.
  const typo = e05.replace(/^(E05,A02,,,[^,]*,)([^,]*)/m, '$133.5');
  await choose('选择第二份转录（CSV 或 Excel）…', csv('E05-second.csv', typo));
  await card.getByLabel('第二录入人（复核）').fill('秘书 王芳');
  await card.getByRole('button', { name: '导入纸质评分' }).click();
  const differences = card.getByTestId('paper-differences');
  await expect(differences).toContainText('两份转录有 1 处不一致，未导入');
  await expect(differences.locator('tbody tr')).toHaveCount(1);
  await expect(differences.locator('tbody tr')).toContainText('E05 / A02 / C2');
  await expect(differences.locator('tbody tr')).toContainText('33.5');
  await card.screenshot({ path: 'docs/screenshots/paper-scores.png' });

  // The second typist corrects the cell in Excel and saves a workbook this time.
  await choose('选择第二份转录（CSV 或 Excel）…', await workbook('E05-second-fixed.xlsx', e05));
  await card.getByRole('button', { name: '导入纸质评分' }).click();
  await expect(card.getByRole('status')).toContainText(
    '已导入 E05 的纸质评分表转录（录入 秘书 陈静）',
  );
  const scanSha = createHash('sha256').update(scan).digest('hex');
  await expect(card.getByTestId('paper-held')).toContainText(
    `E05：录入 秘书 陈静，复核 秘书 王芳；扫描件 E05-signed.pdf SHA-256 ${scanSha}`,
  );
  await expect(chair.board).toContainText(
    'E05 吴敏：纸质评分表录入（录入 秘书 陈静，复核 秘书 王芳）',
  );

  // E07's absence recorded; the proposed horse race of A01 and A02 funded with 400 万元 each.
  await chair.absence('E07 冯立').fill('本人未到会');
  await chair.raceShare.fill('0.3');
  await chair.funding('A01').fill('400');
  await chair.funding('A02').fill('400');
  await expect(chair.approvedTotal).toHaveText('核定项目经费总额：800 万元');
  await expect(chair.allRulesPass).toBeVisible();

  // 专家组意见, printed before signing for the members to sign: the figures and the capitals.
  const opinion = pdfText(await print('专家组意见'));
  expect(opinion).toContain('专家组评审意见');
  expect(opinion).toMatch(
    /A01\s+新疆水处理技术研究院（示例）\s+1\s+87\.50\s+400 万元\s+肆佰万元整/,
  );
  expect(opinion).toContain('捌佰万元整');
  for (const name of ['张志远', '吴敏', '冯立（缺席）']) expect(opinion).toContain(name);
  const code = /专家组意见核验码：([0-9a-f]{64})/.exec(
    (await forms.getByRole('status').filter({ hasText: '核验码' }).textContent()) ?? '',
  )?.[1];
  expect(code).toMatch(/^[0-9a-f]{64}$/);

  // Kept under the name the app gave it (the CLI tells a panel bundle by its .jbx).
  const path = join(mkdtempSync(join(tmpdir(), 'jb-paper-')), 'KLMY-2026-JB-001-panel.jbx');
  copyFileSync(await chair.sign(), path);
  await expect(chair.notice).toContainText('已导出：KLMY-2026-JB-001-panel.jbx');

  // The bureau's view of the bundle: the transcription listed as such, with typist, checker, scan.
  const verified = cli('verify', path, '--identity', IDENTITY);
  expect(verified).toContain('✓ 内嵌评分表：5 份专家评分表各自签名有效、未被改动');
  expect(verified).toContain(
    `E05（纸质评分表转录，录入 秘书 陈静，复核 秘书 王芳；扫描件 paper/E05.pdf SHA-256 ${scanSha}）`,
  );
  expect(verified).toContain('✓ 全部校验通过');
  // The opinion the members signed before the chair's signature is the signed record's.
  const printed = cli(
    'verify-print',
    '--code',
    code ?? '',
    '--package',
    'resources/sample/review-package.json',
    path,
    '--identity',
    IDENTITY,
  );
  expect(printed).toContain('✓ 一致：打印件是评审包 KLMY-2026-JB-001 的专家组意见');

  // The same code on the 核验打印件 screen, with the package and the exported bundle.
  const verify = ui.verifyPrint;
  await verify.open();
  await verify.checkForm(code ?? '', readFileSync(IDENTITY, 'utf8'), [
    'resources/sample/review-package.jbx',
    path,
  ]);
  await expect(verify.formResult).toHaveText(
    '✓ 一致：打印件是评审包 KLMY-2026-JB-001 的专家组意见',
  );
  await page.screenshot({ path: 'docs/screenshots/paper-verify-form.png', fullPage: true });
});
