import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { encodeWire } from '../../src-shared/wire';
import { expect, test } from './fixtures';

test('an expert imports the sample, enrols, recuses, scores by keyboard, fixes an error, submits and exports a signed sheet', async ({
  ui,
}) => {
  const { review, page } = ui;
  await ui.gate.create('刘珺');
  await review.open();

  // Import: checks shown step by step, the bureau fingerprint to compare with paper.
  await review.useSamplePackage();
  await expect(review.importChecks).toContainText('✓ 签名：Ed25519 签名有效');
  await expect(review.bureauFingerprint).toContainText('9955 e4cd 08fa 8007 f34e f507 cff6 6106');
  await page.screenshot({ path: 'docs/screenshots/expert-import.png' });
  await review.confirmImport();

  // Enrol: pick myself, confirm the pledge (第七条), get a signing key.
  await review.expert(/E02 刘珺/).check();
  await expect(review.enrolButton).toBeDisabled();
  await review.pledge.check();
  await page.screenshot({ path: 'docs/screenshots/expert-enrol.png' });
  await review.enrolButton.click();
  await expect(page.getByText(/您的签名密钥指纹：([0-9a-f]{4} ){7}[0-9a-f]{4}/)).toBeVisible();
  await expect(review.progress).toHaveText('评审进度：0/4');

  // The proposal beside the sheet: page 1 drawn, its text searchable.
  await expect(page.getByTestId('pdf-text')).toContainText('揭榜', { timeout: 60_000 });
  await page.getByLabel('在文档中查找').fill('油田采出水深度处理');
  await page.getByLabel('在文档中查找').press('Enter');
  await expect(page.getByText('找到 1 处：第 1 页')).toBeVisible();
  // Count dark pixels on the drawn canvas (evaluated in the page: the test itself has no DOM).
  const inked = await page.evaluate(`(() => {
    const c = document.querySelector('[data-testid="pdf-canvas"]');
    const ctx = c && c.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
    return dark;
  })()`);
  expect(inked).toBeGreaterThan(1000);
  // Beside the sheet, a 1280 px window leaves the proposal a narrow pane: the page opens fitted
  // to it (its title read whole, never cut at the pane's edge), + zooms in.
  const pane = await page.locator('.proposal').boundingBox();
  const drawn = await page.getByTestId('pdf-canvas').boundingBox();
  expect(drawn && pane && drawn.x + drawn.width <= pane.x + pane.width).toBe(true);

  // A01: an out-of-range score is flagged in place, then fixed.
  await review.scoreByKeyboard(['25', '35', '17.5', '18'], '方案先进可行，建议支持。');
  await expect(review.alert('“揭榜方资质条件”的分值应在 0 至 20 分之间')).toBeVisible();
  await review.points('揭榜方资质条件').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('18');
  await expect(review.alert('分值应在')).toHaveCount(0);
  await expect(review.total).toHaveText('总分：88.50 / 100.00');
  await page.screenshot({ path: 'docs/screenshots/expert-sheet.png' });

  // 建议经费 typed as no amount: said beside the field and held 未保存 in the top bar (never
  // 已保存 over an amount the sheet does not hold); another applicant asks first, 留下改正 keeps the
  // text; written in full-width digits it is an amount, saved.
  await review.suggestedFunding.fill('二百');
  await expect(review.shell.saveState).toHaveText(
    '未保存：建议经费（万元）：“二百”不是金额（单位万元，只填数字，如 400、1,000 或 12.5）',
  );
  await review.selectApplicant('A02');
  const leave = page.getByRole('alertdialog', { name: '有未保存的修改' });
  await expect(leave).toContainText('离开将放弃这项修改');
  await leave.getByRole('button', { name: '留下改正' }).click();
  await expect(leave).toHaveCount(0);
  await expect(review.suggestedFunding).toHaveValue('二百');
  await review.suggestedFunding.fill('２００');
  await review.shell.saved();

  // A02 by keyboard; ↓ steps a score down by the rubric's step.
  await review.selectApplicant('A02');
  await review.scoreByKeyboard(['17', '34', '17', '17.5'], '路线新颖，建议支持。');
  await review.points('揭榜方案可行性').focus();
  await page.keyboard.press('ArrowDown');
  await expect(review.total).toHaveText('总分：85.00 / 100.00');

  // A03: recuse (same organisation).
  await review.selectApplicant('A03');
  await review.recuse('与揭榜方为同一单位', '本人曾在该公司任职');
  await expect(page.getByText('已回避：不对该揭榜方评分')).toBeVisible();

  // Submitting with A04 unscored names what is missing; Escape closes that, back to 提交.
  await review.startSubmit();
  await expect(review.submitIssues).toContainText('尚未评审：天山新材料研究所（示例）');
  await page.keyboard.press('Escape');
  await expect(review.submitIssues).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交评分表…' })).toBeFocused();
  await review.startSubmit();
  await review.submitIssues.getByRole('button', { name: 'A04' }).click();
  await review.scoreByKeyboard(['14', '28', '14', '14'], '方案基本可行。');
  await expect(review.progress).toHaveText('评审进度：4/4');
  // The confirmation has a way back: 返回修改, or Escape on the focused 确认提交.
  const confirm = page.getByRole('button', { name: '确认提交（提交后锁定，不能再修改）' });
  await page.getByRole('button', { name: '返回修改' }).click();
  await expect(confirm).toHaveCount(0);
  await review.startSubmit();
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await review.startSubmit();
  await review.confirmSubmit();
  await expect(review.points('揭榜方资质条件')).toBeDisabled();

  // Export: a signed sheet bundle, downloaded; the sheet can no longer change.
  const exported = await review.exportSheet();
  expect(exported.name).toBe('KLMY-2026-JB-001-E02.jbx');
  await expect(review.notice).toContainText('已导出：KLMY-2026-JB-001-E02.jbx');
  await expect(page.getByText('评分表已导出，不能再修改。')).toBeVisible();
  await expect(review.reopenButton).toHaveCount(0);

  // The paper sheet for the wet signature: rendered in main, with the key fingerprint and a signature line.
  const paper = await review.paperSheet();
  await expect(review.notice).toContainText('纸质评分表已保存');
  const paperText = execFileSync('pdftotext', [paper, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  expect(paperText).toContain('“揭榜挂帅”项目专家评分表');
  expect(paperText).toContain('评审专家：E02刘珺');
  expect(paperText).toContain('专家签字');
  expect(paperText).toContain('回避：与揭榜方为同一单位——本人曾在该公司任职');
  const shownFingerprint =
    (await review.keyFingerprint.textContent())?.match(/(([0-9a-f]{4} ){7}[0-9a-f]{4})/)?.[1] ??
    'missing';
  expect(paperText).toContain(`签名密钥指纹：${shownFingerprint.replace(/\s+/g, '')}`);

  // `jiebang verify` accepts it, and its contents are what was typed.
  const out = execFileSync(process.execPath, ['out/node/jiebang.mjs', 'verify', exported.path], {
    encoding: 'utf8',
  });
  expect(out).toContain('✓ 全部校验通过');
  expect(out).toContain('专家 E02：评分 3 家，回避 1 家');
  const opened = await openBundle(new Uint8Array(await readFile(exported.path)), {
    crypto: nodeCrypto,
  });
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

test('a paper sheet that cannot be made is said so, not dropped', async ({ ui }) => {
  const { review, page } = ui;
  await ui.gate.create('纸质失败');
  await review.importSampleAndEnrol(/E03 孙昇/);
  await review.scoreAndSubmit();
  // main fails to render (as when its PDF worker dies): the answer is an error envelope.
  await page.route(
    (url) => decodeURIComponent(url.pathname) === '/api/sheet:pdf',
    (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: encodeWire({
          ok: false,
          error: { code: 'handler-failed', message: '排版失败：字体文件缺失。 Rendering failed.' },
        }),
      }),
  );
  await page.getByRole('button', { name: '打印纸质评分表（PDF）…' }).click();
  await expect(review.alert('纸质评分表未能生成或保存：排版失败：字体文件缺失。')).toBeVisible();
  await expect(review.notice).not.toContainText('Rendering failed');
});

test('what an expert types is read as typed: full-width digits count, words are errors, text is held to the schema', async ({
  ui,
}) => {
  const { review, page } = ui;
  await ui.gate.create('全角录入');
  await review.importSampleAndEnrol(/E03 孙昇/);
  const c1 = review.points('揭榜方资质条件');
  const c2 = review.points('揭榜方案可行性');
  // A Chinese IME in full-width mode types １８: it counts as 18.
  await c1.focus();
  await page.keyboard.type('１８');
  await expect(review.total).toHaveText('总分：18.00 / 100.00');
  // 十八分 is no number: an error in place, nothing counted, nothing silently dropped.
  await c2.focus();
  await page.keyboard.type('十八分');
  await expect(review.alert('“十八分”不是数字')).toBeVisible();
  await expect(c2).toHaveValue('十八分');
  await expect(c2).toHaveAttribute('aria-invalid', 'true');
  await expect(review.total).toHaveText('总分：18.00 / 100.00');
  await c2.fill('３４．５');
  await expect(review.alert('不是数字')).toHaveCount(0);
  await expect(review.total).toHaveText('总分：52.50 / 100.00');
  await expect(review.totalPending).toHaveText(
    '总分只计入通过校验的分值，未计入：经费合理性（未评分）、成果转化与产业化前景（未评分）',
  );
  // A minus sign is kept, and the range check names it; the total leaves the value out (the
  // tester's -1 and 99 on a 20-point criterion), as the sheet's check does.
  await c1.fill('-3');
  await expect(review.alert('“揭榜方资质条件”的分值应在 0 至 20 分之间')).toBeVisible();
  await expect(review.alert('须填写评语')).toHaveCount(0);
  await expect(review.total).toHaveText('总分：34.50 / 100.00');
  await expect(review.totalPending).toContainText('揭榜方资质条件（分值未通过校验）');
  await c1.fill('99');
  await expect(review.alert('（填写的是 99）')).toBeVisible();
  await expect(review.total).toHaveText('总分：34.50 / 100.00');
  // 1 then e1: 1e1 is no plain decimal; the 1 saved before no longer counts while it is shown.
  await c1.fill('1');
  await expect(review.total).toHaveText('总分：35.50 / 100.00');
  await c1.press('End');
  await page.keyboard.type('e1');
  await expect(review.alert('“1e1”不是数字')).toBeVisible();
  // Only its own refusal: not also the comment the 1 saved before would need (tester iC, 11).
  await expect(review.alert('须填写评语')).toHaveCount(0);
  await expect(review.total).toHaveText('总分：34.50 / 100.00');
  await expect(review.totalPending).toContainText('揭榜方资质条件（分值未通过校验）');
  // More places than the 0.5 step: refused as typed, as a transcribed cell is, never read as 17.5.
  await c1.fill('17.500000000000000001');
  await expect(review.alert('最多 1 位小数')).toBeVisible();
  await expect(review.total).toHaveText('总分：34.50 / 100.00');
  // 17.3 is off the 0.5 step; then 0x11 typed over it: only what is shown is spoken of — the
  // field's 「不是数字」, not the sheet's off-step finding about the 17.3 no longer shown.
  await c1.fill('17.3');
  await c1.press('Tab');
  await expect(review.alert('须为 0.5 分的整数倍')).toContainText('填写的是 17.3');
  // Pasted over it (typed key by key, its first 0 would be read and saved first).
  await c1.fill('0x11');
  await c1.press('Tab');
  await expect(review.alert('“0x11”不是数字')).toBeVisible();
  await expect(c1).toHaveValue('0x11');
  await expect(review.alert('须填写评语')).toHaveCount(0);
  await expect(review.alert('17.3')).toHaveCount(0);
  await expect(review.alert('整数倍')).toHaveCount(0);
  // 17.5 typed key by key: no alert at 「17.」 while the field is being typed in; left at 「17.」,
  // the field says it is no plain decimal.
  await c1.fill('');
  await c1.pressSequentially('17.');
  await expect(c1).toHaveValue('17.');
  await expect(review.alert('不是数字')).toHaveCount(0);
  await page.keyboard.type('5');
  await expect(review.total).toHaveText('总分：52.00 / 100.00');
  await c1.fill('17.');
  await c1.press('Tab');
  await expect(review.alert('“17.”不是数字')).toBeVisible();
  await c1.fill(' １８ ');
  await expect(review.total).toHaveText('总分：52.50 / 100.00');
  await expect(review.totalPending).not.toContainText('揭榜方资质条件');

  // Text: a 10,000-character comment stops at the schema's 5,000 at the field.
  const comment = review.comment('揭榜方资质条件');
  await comment.fill('长'.repeat(10_000));
  await expect(comment).toHaveValue('长'.repeat(5_000));
  // Zero-width characters are dropped as typed; a bidi override is refused by its code point.
  await review.opinion.fill('方案\u200b可行');
  await expect(review.opinion).toHaveValue('方案可行');
  await review.opinion.fill('方案\u202e可行');
  await expect(review.alert('U+202E')).toBeVisible();
  await review.opinion.fill('方案可行，建议支持。');
  await expect(review.alert('U+202E')).toHaveCount(0);
  // An amount is kept while half typed (12.), read from full-width digits, refused as words.
  await review.suggestedFunding.fill('１２.');
  await expect(review.suggestedFunding).toHaveValue('１２.');
  await review.suggestedFunding.fill('十二万');
  await expect(review.alert('“十二万”不是金额')).toBeVisible();
  await review.suggestedFunding.fill('12.5');
  await expect(review.alert('不是金额')).toHaveCount(0);
  await review.shell.saved();
  // The measures' bounds at the field, each citing its article (the tester's 0 and 99,999,999
  // were taken silently, then 0 was refused yet 已保存): an amount they refuse is not saved — held
  // at the field with its sentence, the top bar 未保存 saying why — as unreadable text is.
  await review.suggestedFunding.fill('0');
  await expect(
    review.alert('建议经费不能为 0 万元：专家组评审经费的合理性并核定项目经费'),
  ).toContainText('（第十二条（五））');
  await expect(review.shell.saveState).toContainText(
    '未保存：建议经费不能为 0 万元：专家组评审经费的合理性并核定项目经费',
  );
  await expect(review.alert('建议经费不能为 0 万元')).toHaveCount(1);
  await expect(review.suggestedFunding).toHaveValue('0');
  await review.suggestedFunding.fill('99999999');
  await expect(review.alert('超过单个项目最高资助额 1,000 万元')).toHaveText(
    '建议经费 99,999,999 万元（大写：玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万元整） 超过单个项目最高资助额 1,000 万元；看来是以元填写：99,999,999 元即 9,999.9999 万元，请以万元填写（第十三条（二））',
  );
  await review.suggestedFunding.fill('801');
  await expect(
    review.alert('超过合同金额 2,000 万元 的 40%（上限 800 万元）（第十三条（二））'),
  ).toBeVisible();
  await review.suggestedFunding.fill('12.5');
  await expect(review.alert('建议经费')).toHaveCount(0);
  await review.shell.saved();
});
