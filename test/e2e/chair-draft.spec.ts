/**
 * The chair's decision is kept (DESIGN: autosave on every edit; nothing on screen is lost): the
 * funding and an absence typed on the desk are there again after a reload (which locks) and after
 * 锁定 and unlocking; once signed, the desk shows the signed result, read-only with its date and
 * no sign button, after a reload too, and its 专家组意见 prints with the code it had before
 * signing — the code `jiebang verify-print` finds in the signed panel bundle.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, sheetFiles, test } from './fixtures';

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], { encoding: 'utf8' });
const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const IDENTITY = 'resources/sample/keys/bureau.agekey';

test('the chair’s funding survives a reload and a lock; the signed result is shown after a reload, not signed again, and prints with the same code', async ({
  ui,
}) => {
  // Two reloads, a lock, signing, three prints and a CLI run: long on a busy 2-core machine.
  test.setTimeout(300_000);
  const { chair, gate, shell, page } = ui;
  const label = await gate.create('张志远（决定草稿）');
  await ui.review.importSampleAndEnrol(/E01 张志远/);
  await ui.review.scoreAndSubmit();
  await chair.open();
  await chair.importSheets(await sheetFiles());
  await expect(chair.outcomes.locator('li.ok')).toHaveCount(5);

  await chair.absence('E07 冯立').fill('评分表文件损坏，本人未到会');
  await chair.raceShare.fill('0.3');
  await chair.funding('A01').fill('400');
  await chair.funding('A02').fill('350');
  await expect(chair.approvedTotal).toHaveText('核定项目经费总额：750 万元');
  await shell.saved();

  // A reload (the data key dropped: the profile locked) loses nothing.
  await page.reload();
  await gate.unlock(label);
  await chair.open();
  await expect(chair.funding('A01')).toHaveValue('400');
  await expect(chair.funding('A02')).toHaveValue('350');
  await expect(chair.absence('E07 冯立')).toHaveValue('评分表文件损坏，本人未到会');
  await expect(chair.approvedTotal).toHaveText('核定项目经费总额：750 万元');
  await shell.saved();

  // Nor does 锁定 and unlocking.
  await shell.lock();
  await gate.unlock(label);
  await chair.open();
  await expect(chair.funding('A02')).toHaveValue('350');
  await expect(chair.approvedTotal).toHaveText('核定项目经费总额：750 万元');
  await expect(chair.allRulesPass).toBeVisible();

  // The opinion printed from the draft for the members to sign, then the chair signs.
  const before = await chair.printForm('专家组意见');
  expect(before.code).toMatch(/^[0-9a-f]{64}$/);
  expect(pdfText(before.path)).toContain('柒佰伍拾万元整');
  const path = join(mkdtempSync(join(tmpdir(), 'jb-draft-')), 'KLMY-2026-JB-001-panel.jbx');
  copyFileSync(await chair.sign(), path);
  await expect(chair.notice).toContainText('已导出：KLMY-2026-JB-001-panel.jbx');
  await expect(chair.signedDecision).toBeVisible();
  await expect(chair.signButton).toHaveCount(0);

  // Reopened: the signed result, read-only, with its date; nothing to sign, no findings listed.
  await page.reload();
  await gate.unlock(label);
  await chair.open();
  await expect(chair.signedAt).toContainText(/^已签名：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
  await expect(chair.signedDecision).toContainText('A01 新疆水处理技术研究院（示例）：400 万元');
  await expect(chair.signedDecision).toContainText('A02 西部石油大学（示例）牵头联合体：350 万元');
  await expect(chair.signedDecision).toContainText('缺席：E07 冯立（评分表文件损坏，本人未到会）');
  await expect(chair.approvedTotal).toHaveText('核定项目经费总额：750 万元');
  await expect(chair.signButton).toHaveCount(0);
  await expect(chair.findings).toHaveCount(0);
  await expect(chair.funding('A01')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/chair-signed.png', fullPage: true });

  // Printed again after signing: the same content, the same code — the signed bundle's.
  const after = await chair.printForm('专家组意见');
  expect(after.code).toBe(before.code);
  const text = pdfText(after.path);
  expect(text).toContain('柒佰伍拾万元整');
  expect(text).not.toContain('零元整');
  const verified = cli(
    'verify-print',
    '--code',
    after.code,
    '--package',
    'resources/sample/review-package.json',
    path,
    '--identity',
    IDENTITY,
  );
  expect(verified).toContain('✓ 一致：打印件是评审包 KLMY-2026-JB-001 的专家组意见');

  // The file as signed can be saved again: the same bytes, never a second signature.
  const again = await shell.download(() =>
    chair.signedDecision.getByRole('button', { name: '再次保存专家组评审结果文件…' }).click(),
  );
  expect(execFileSync('cmp', [again, path]).toString()).toBe('');
});
