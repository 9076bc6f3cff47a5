import { readFile } from 'node:fs/promises';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { execFileSync } from 'node:child_process';
import { createProfile, expect, importSampleAndEnrol, scoreByKeyboard, test } from './fixtures';

test('an expert imports the sample, enrols, recuses, scores by keyboard, fixes an error, submits and exports a signed sheet', async ({
  app,
}) => {
  await createProfile(app, '刘珺');
  await app.getByRole('link', { name: '专家评审' }).click();

  // Import: checks shown step by step, the bureau fingerprint to compare with paper.
  await app.getByRole('button', { name: '使用示例评审包' }).click();
  await expect(app.getByTestId('import-checks')).toContainText('✓ 签名：Ed25519 签名有效');
  await expect(app.getByTestId('bureau-fingerprint')).toContainText(
    '9955 e4cd 08fa 8007 f34e f507 cff6 6106',
  );
  await app.screenshot({ path: 'docs/screenshots/expert-import.png' });
  await app.getByRole('button', { name: '指纹一致，确认导入' }).click();

  // Enrol: pick myself, confirm the pledge (第七条), get a signing key.
  await app.getByRole('radio', { name: /E02 刘珺/ }).check();
  const enrol = app.getByRole('button', { name: '确认报到并生成签名密钥' });
  await expect(enrol).toBeDisabled();
  await app.getByRole('checkbox').check();
  await app.screenshot({ path: 'docs/screenshots/expert-enrol.png' });
  await enrol.click();
  await expect(app.getByText(/您的签名密钥指纹：([0-9a-f]{4} ){7}[0-9a-f]{4}/)).toBeVisible();
  await expect(app.getByTestId('review-progress')).toHaveText('评审进度：0/4');

  // The proposal beside the sheet: page 1 drawn, its text searchable.
  await expect(app.getByTestId('pdf-text')).toContainText('揭榜', { timeout: 20_000 });
  await app.getByLabel('在文档中查找').fill('油田采出水深度处理');
  await app.getByLabel('在文档中查找').press('Enter');
  await expect(app.getByText('找到 1 处：第 1 页')).toBeVisible();
  // Count dark pixels on the drawn canvas (evaluated in the page: the test itself has no DOM).
  const inked = await app.evaluate(`(() => {
    const c = document.querySelector('[data-testid="pdf-canvas"]');
    const ctx = c && c.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
    return dark;
  })()`);
  expect(inked).toBeGreaterThan(1000);

  // A01: an out-of-range score is flagged in place, then fixed.
  await scoreByKeyboard(app, ['25', '35', '17.5', '18'], '方案先进可行，建议支持。');
  await expect(
    app.getByRole('alert').filter({ hasText: '“揭榜方资质条件”的分值应在 0 至 20 分之间' }),
  ).toBeVisible();
  await app.getByLabel('揭榜方资质条件（满分 20）').focus();
  await app.keyboard.press('Control+A');
  await app.keyboard.type('18');
  await expect(app.getByRole('alert').filter({ hasText: '分值应在' })).toHaveCount(0);
  await expect(app.getByTestId('sheet-total')).toHaveText('总分：88.50 / 100.00');
  await app.screenshot({ path: 'docs/screenshots/expert-sheet.png' });

  // A02 by keyboard; ↓ steps a score down by the rubric's step.
  await app.getByRole('button', { name: /^A02 / }).click();
  await scoreByKeyboard(app, ['17', '34', '17', '17.5'], '路线新颖，建议支持。');
  await app.getByLabel('揭榜方案可行性（满分 40）').focus();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByTestId('sheet-total')).toHaveText('总分：85.00 / 100.00');

  // A03: recuse (same organisation).
  await app.getByRole('button', { name: /^A03 / }).click();
  await app.getByRole('button', { name: '申请回避' }).click();
  await app.getByLabel('回避情形').selectOption({ label: '与揭榜方为同一单位' });
  await app.getByLabel('回避理由').fill('本人曾在该公司任职');
  await app.getByRole('button', { name: '申请回避' }).click();
  await expect(app.getByText('已回避：不对该揭榜方评分')).toBeVisible();

  // Submitting with A04 unscored names what is missing.
  await app.getByRole('button', { name: '提交评分表…' }).click();
  await expect(app.getByTestId('submit-issues')).toContainText(
    '尚未评审：天山新材料研究所（示例）',
  );
  await app.getByTestId('submit-issues').getByRole('button', { name: 'A04' }).click();
  await scoreByKeyboard(app, ['14', '28', '14', '14'], '方案基本可行。');
  await expect(app.getByTestId('review-progress')).toHaveText('评审进度：4/4');
  await app.getByRole('button', { name: '确认提交（提交后锁定，不能再修改）' }).click();
  await expect(app.getByText('评分表已提交并锁定')).toBeVisible();
  await expect(app.getByLabel('揭榜方资质条件（满分 20）')).toBeDisabled();

  // Export: a signed sheet bundle, downloaded.
  const downloadPromise = app.waitForEvent('download');
  await app.getByRole('button', { name: '签名并导出评分表文件…' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('KLMY-2026-JB-001-E02.jbx');
  const path = await download.path();
  await expect(app.getByText('评分表已导出，不能再修改。')).toBeVisible();
  await expect(app.getByRole('button', { name: '撤回提交，继续修改' })).toHaveCount(0);

  // The paper sheet for the wet signature: rendered in main, with the key fingerprint and a signature line.
  const paperPromise = app.waitForEvent('download');
  await app.getByRole('button', { name: '打印纸质评分表（PDF）…' }).click();
  const paper = await (await paperPromise).path();
  const paperText = execFileSync('pdftotext', [paper, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  expect(paperText).toContain('“揭榜挂帅”项目专家评分表');
  expect(paperText).toContain('评审专家：E02刘珺');
  expect(paperText).toContain('专家签字');
  expect(paperText).toContain('回避：与揭榜方为同一单位——本人曾在该公司任职');
  const shownFingerprint =
    (await app.getByText(/您的签名密钥指纹：/).textContent())?.match(
      /(([0-9a-f]{4} ){7}[0-9a-f]{4})/,
    )?.[1] ?? 'missing';
  expect(paperText).toContain(`签名密钥指纹：${shownFingerprint.replace(/\s+/g, '')}`);

  // `jiebang verify` accepts it, and its contents are what was typed.
  const out = execFileSync(process.execPath, ['out/node/jiebang.mjs', 'verify', path], {
    encoding: 'utf8',
  });
  expect(out).toContain('✓ 全部校验通过');
  expect(out).toContain('专家 E02：评分 3 家，回避 1 家');
  const opened = await openBundle(new Uint8Array(await readFile(path)), { crypto: nodeCrypto });
  expect(opened.ok).toBe(true);
  if (!opened.ok || opened.bundle.kind !== 'expert-sheets') return;
  const sheet = opened.bundle.document;
  expect(sheet.status).toBe('submitted');
  const points = (id: string) =>
    sheet.scores.find((s) => s.applicantId === id)?.criteria.map((c) => c.points);
  expect(points('A01')).toEqual([18, 35, 17.5, 18]);
  expect(points('A02')).toEqual([17, 33.5, 17, 17.5]);
  expect(points('A04')).toEqual([14, 28, 14, 14]);
  expect(sheet.scores.find((s) => s.applicantId === 'A03')?.recusal).toEqual({
    kind: 'same-organisation',
    reason: '本人曾在该公司任职',
  });
  expect(opened.bundle.files.has('audit.json')).toBe(true);
});

test('what an expert types is read as typed: full-width digits count, words are errors, text is held to the schema', async ({
  app,
}) => {
  await createProfile(app, '全角录入');
  await importSampleAndEnrol(app, /E03 孙昇/);
  const c1 = app.getByLabel('揭榜方资质条件（满分 20）');
  const c2 = app.getByLabel('揭榜方案可行性（满分 40）');
  // A Chinese IME in full-width mode types １８: it counts as 18.
  await c1.focus();
  await app.keyboard.type('１８');
  await expect(app.getByTestId('sheet-total')).toHaveText('总分：18.00 / 100.00');
  // 十八分 is no number: an error in place, nothing counted, nothing silently dropped.
  await c2.focus();
  await app.keyboard.type('十八分');
  await expect(app.getByRole('alert').filter({ hasText: '“十八分”不是数字' })).toBeVisible();
  await expect(c2).toHaveValue('十八分');
  await expect(c2).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByTestId('sheet-total')).toHaveText('总分：18.00 / 100.00');
  await c2.fill('３４．５');
  await expect(app.getByRole('alert').filter({ hasText: '不是数字' })).toHaveCount(0);
  await expect(app.getByTestId('sheet-total')).toHaveText('总分：52.50 / 100.00');
  // A minus sign is kept, and the range check names it.
  await c1.fill('-3');
  await expect(
    app.getByRole('alert').filter({ hasText: '“揭榜方资质条件”的分值应在 0 至 20 分之间' }),
  ).toBeVisible();
  await c1.fill('18');

  // Text: a 10,000-character comment stops at the schema's 5,000 at the field.
  const comment = app.getByLabel('评语：揭榜方资质条件');
  await comment.fill('长'.repeat(10_000));
  await expect(comment).toHaveValue('长'.repeat(5_000));
  // Zero-width characters are dropped as typed; a bidi override is refused by its code point.
  const opinion = app.getByLabel('总体意见');
  await opinion.fill('方案\u200b可行');
  await expect(opinion).toHaveValue('方案可行');
  await opinion.fill('方案\u202e可行');
  await expect(app.getByRole('alert').filter({ hasText: 'U+202E' })).toBeVisible();
  await opinion.fill('方案可行，建议支持。');
  await expect(app.getByRole('alert').filter({ hasText: 'U+202E' })).toHaveCount(0);
});
