/**
 * The bureau's desk in the app (issue 18), on the web host in Chromium: a bureau profile makes its
 * keys, reads the sample's workbooks and two proposals' worth of PDFs with one applicant's id
 * typed twice, fixes that row in place, signs; takes in the chair's panel bundle for that package
 * (made here as the chair's screen makes it, encrypted to the desk's recipient), sees the ranking,
 * approves on 2026-09-29 and gets the window with its make-up working day.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { samplePanelBundle } from '../fixtures/panel';
import { expect, PASSPHRASE, test } from './fixtures';
import { ProfileGate } from './pages/profile';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';

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
  writeFileSync(join(dir, 'applicants.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));

  await new ProfileGate(app).create('市科技局 李明');
  await app.getByRole('link', { name: '市科技局' }).click();
  await app.getByTestId('bureau-passphrase').fill(PASSPHRASE);
  await app.getByRole('button', { name: '生成本局密钥' }).click();
  await expect(app.getByTestId('bureau-fingerprint')).toContainText('签名密钥指纹');
  const fingerprint = (await app.getByTestId('bureau-fingerprint').innerText()).split('：')[1];

  const lists = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '选择名单与申报材料…' }).click();
  await (await lists).setFiles(readdirSync(dir).map((f) => join(dir, f)));
  const problem = app
    .getByTestId('bureau-problem')
    .filter({ hasText: '第 4 行 A 列「揭榜方编号」：揭榜方编号 A02 与第 3 行重复' });
  await expect(problem).toBeVisible();
  await problem.getByRole('textbox').fill('A03');
  await problem.getByRole('button', { name: '改正' }).click();
  await expect(app.getByTestId('bureau-verdict')).toContainText(
    '评审包 KLMY-2026-JB-001（揭榜方 4 家，专家 7 名）',
  );
  await app.getByRole('button', { name: '签发评审包' }).click();
  const signed = app.getByTestId('bureau-signed');
  await expect(signed).toContainText('已签发 KLMY-2026-JB-001.jbx');
  await expect(signed).toContainText(fingerprint ?? 'missing');
  await app.screenshot({ path: 'docs/screenshots/bureau-author.png', fullPage: true });
  const download = app.waitForEvent('download');
  await signed.getByRole('button', { name: '保存 .jbx' }).click();
  const jbx = join(dir, 'signed.jbx');
  await (await download).saveAs(jbx);

  // The chair's panel bundle for that package, as the chair's screen makes it.
  const opened = await openBundle(new Uint8Array(readFileSync(jbx)), { crypto: nodeCrypto });
  if (!opened.ok || opened.bundle.kind !== 'review-package') throw new Error('package');
  const panel = join(dir, 'panel.jbx');
  writeFileSync(
    panel,
    await samplePanelBundle(opened.bundle.document, opened.bundle.manifestSha256),
  );

  const results = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '导入专家组评审结果…' }).click();
  await (await results).setFiles(panel);
  const round = app.getByTestId('bureau-round');
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
  await app.screenshot({ path: 'docs/screenshots/bureau-rounds.png', fullPage: true });
  const xlsx = app.waitForEvent('download');
  await round.getByRole('button', { name: '导出 XLSX' }).click();
  expect((await xlsx).suggestedFilename()).toBe('KLMY-2026-JB-001-summary.xlsx');
});
