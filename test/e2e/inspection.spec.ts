/**
 * 实地考察 on the team's laptop, offline (issue 20): the bureau's assignment, signed with the
 * built CLI as the bureau signs it, imported; two inspectors enrol with their own keys, fill the
 * checklist with two photos made at test time (one with an EXIF capture time, one large enough to
 * be scaled on the canvas), both sign; the report PDF's text, photo count and signer names read
 * back with pdftotext and pdfimages; the bundle verified with the CLI and with age, unzip,
 * openssl and sha256sum alone, both signatures; the bureau's CLI takes it in. Bad input — a
 * bundle that is not an assignment, a file that is not an image, a 200 MB photo, a wrong
 * passphrase, a report for an assignment the bureau never issued — each named, nothing written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { withExifTime } from '../../src-shared/inspection/test-helpers';
import { CHECKLIST_TEMPLATES } from '../../src-shared/inspection/checklist';
import { beijingDayAt, formatDateZh } from '../../src-shared/text/date';
import { expect, test } from './fixtures';
import { InspectionPage } from './pages/inspection';
import { sh, verifyWithStandardTools } from '../fixtures/standard-tools';

const BUREAU_SIGNING_KEY = 'resources/sample/keys/bureau-signing.key';
const BUREAU_KEY = resolve('resources/sample/keys/bureau.agekey');
const BUREAU_RECIPIENT = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
/** The CLI's exit code and what it wrote to stderr, for a run that must fail. */
function cliRefusal(...args: string[]): { code: number; err: string } {
  try {
    cli(...args);
    return { code: 0, err: '' };
  } catch (e) {
    const failed = e instanceof Error && 'status' in e && 'stderr' in e ? e : null;
    return { code: Number(failed?.status ?? -1), err: String(failed?.stderr ?? '') };
  }
}

/** A date `days` from today, YYYY-MM-DD (the report's date is today's: the assignment is around it). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ISSUED = day(-2);
/**
 * A day `days` from today in Beijing time (what every screen calls today, `beijingDayAt`, whatever
 * the browser's zone: between 16:00 and 24:00 UTC it is already tomorrow's date in the UTC browser).
 */
const localDay = (days: number) => beijingDayAt(new Date(Date.now() + days * 86_400_000));
/** The same day as the Chinese screen writes it (2026年12月8日). */
const localDayZh = (days: number) => formatDateZh(localDay(days));
/** Key work (scrypt on every enrolment and signature) on a busy machine. */
const SLOW = 120_000;
const DUE = day(10);

const assignment = (id: string) => ({
  formatVersion: 1,
  assignmentId: id,
  subject: { type: 'demand', id: 'D-2026-31' },
  round: 'R-2026-3',
  purpose: '评榜：核实技术需求的真实性、发榜方是否为最终用户（第十二条（二））',
  sites: [{ name: '克拉玛依石化污水处理场', address: '克拉玛依市独山子区' }],
  team: [
    { id: 'I31', name: '李检查', role: 'leader' },
    { id: 'I32', name: '王核验', role: 'member' },
  ],
  // As the bureau's desk prefills it: the demand template's items (an empty list is refused).
  checklist: [...CHECKLIST_TEMPLATES.demand.items],
  reportTo: { name: '克拉玛依市科学技术局', ageRecipient: BUREAU_RECIPIENT },
  issuedOn: ISSUED,
  dueBy: DUE,
});

/** A JPEG drawn on the page's canvas now (a site photo stand-in), `w`×`h` pixels. */
async function drawnJpeg(page: Page, w: number, h: number): Promise<Uint8Array> {
  const base64 = await page.evaluate<string>(`(async () => {
    const canvas = new OffscreenCanvas(${w}, ${h});
    const g = canvas.getContext('2d');
    g.fillStyle = '#4a7a9c'; g.fillRect(0, 0, ${w}, ${h});
    g.fillStyle = '#d9c27a'; g.fillRect(${w / 8}, ${h / 3}, ${w / 2}, ${h / 3});
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  })()`);
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

const jpegFile = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: Buffer.from(bytes),
});

test('an inspection team imports the assignment, enrols, fills the checklist with photos, both sign; the bundle verifies alone', async ({
  ui,
}) => {
  test.setTimeout(600_000);
  const { page, gate } = ui;
  const inspection = new InspectionPage(page);
  const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-inspection-'));
  writeFileSync(join(dir, 'ASG.json'), JSON.stringify(assignment('ASG-2026-31')));
  const assigned = cli(
    'inspection',
    'assign',
    join(dir, 'ASG.json'),
    '--key',
    BUREAU_SIGNING_KEY,
    '-o',
    join(dir, 'ASG-2026-31.jbx'),
    '--data',
    join(dir, 'bureau'),
  );
  expect(assigned).toContain('已签发实地考察任务 ASG-2026-31');

  await gate.create('李检查（考察）');
  await inspection.open();
  await expect(inspection.assignment).toContainText('本机尚无考察任务');

  // A bundle that is not an assignment: named, nothing imported.
  await inspection.importFile('resources/sample/review-package.jbx');
  await expect(inspection.notice).toHaveText('此文件包是评审包，不是实地考察任务，未导入');
  await expect(inspection.assignment).toContainText('本机尚无考察任务');

  await inspection.importFile(join(dir, 'ASG-2026-31.jbx'));
  await expect(inspection.notice).toHaveText('已导入考察任务 ASG-2026-31');
  for (const s of [
    '榜单 D-2026-31',
    '批次R-2026-3',
    '克拉玛依石化污水处理场（克拉玛依市独山子区）',
    '考察任务所附清单（4 项）',
    `${formatDateZh(ISSUED)}，报告截止 ${formatDateZh(DUE)}`,
    '克拉玛依市科学技术局',
  ])
    await expect(inspection.assignment).toContainText(s);

  await inspection.enrol('I31', '李检查', 'li-jiancha-2026');
  await expect(inspection.notice).toContainText('已登记 李检查，签名密钥指纹');
  // The second member enrols from the keyboard: type, Tab, type, Enter.
  const second = inspection.member('I32');
  await second.getByLabel('王核验 的签名口令（至少 8 个字符）').fill('wang-heyan-2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wang-heyan-2026');
  await page.keyboard.press('Enter');
  await expect(second.getByText(/^指纹 [0-9a-f]{4}/)).toBeVisible({ timeout: SLOW });
  await inspection.team.screenshot({ path: 'docs/screenshots/inspection-team.png' });

  await inspection.startReport();
  for (const n of [1, 2, 3]) await inspection.finding(n, '符合');
  await inspection.finding(4, '基本符合');
  // A note holding a bidi control is refused, the field named as the form labels it (before:
  // 「checklist.3.note」); the conclusion typed while it is held counts in the checks (before:
  // 「请填写考察结论」, judged on the report last saved).
  await inspection.note(4, '配套资金尚未到位\u202e反向');
  await inspection.conclusion('需求真实，发榜方为技术需求最终用户，建议发榜。');
  await expect(inspection.shell.saveState).toHaveText(
    '未保存：第 4 项的说明：含有双向控制字符 U+202E，它可改变文字显示顺序、掩盖真实内容，请删除后重新输入',
  );
  await expect(inspection.unsaved).toContainText('报告未保存：第 4 项的说明：含有双向控制字符');
  await expect(inspection.signCard).not.toContainText('请填写考察结论');
  await inspection.note(4, '配套资金已列入 2027 年预算，尚未拨付');
  await expect(inspection.unsaved).toHaveCount(0);

  // Bad photos: each named, nothing written.
  await inspection.addPhoto(
    { name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') },
    '',
  );
  // Each refused photo named beside the photo control, every one kept (before: at the top of
  // the page, each replacing the one before).
  const photoRefusals = inspection.photos.getByTestId('inspection-photo-refusals');
  await expect(photoRefusals).toContainText('说明.pdf 不是 JPEG 或 PNG 图片，未导入');
  const huge = join(dir, 'huge.jpg');
  writeFileSync(huge, '');
  truncateSync(huge, 200 * 1024 * 1024);
  await inspection.addPhoto(huge, '');
  await expect(photoRefusals.getByRole('listitem')).toHaveText([
    /说明\.pdf 不是 JPEG 或 PNG 图片，未导入/,
    /照片 huge\.jpg 有 200\.0 MB，超过 25\.0 MB 的上限，未导入/,
  ]);
  await expect(inspection.photos).toContainText('尚未添加照片。');

  const withTime = withExifTime(await drawnJpeg(page, 800, 600), '2026:12:15 10:31:07');
  await inspection.addPhoto(jpegFile('IMG_0412.jpg', withTime), '污水处理场全景', 1);
  await expect(inspection.notice).toHaveText('已加入照片 IMG_0412.jpg');
  const large = await drawnJpeg(page, 2400, 1800);
  await inspection.addPhoto(jpegFile('IMG_0413.jpg', large), '在线监测屏');
  await expect(inspection.photoList).toHaveCount(2);
  await expect(inspection.photoList.nth(0)).toContainText('拍摄时间：2026年12月15日 10:31:07');
  await expect(inspection.photoList.nth(0)).toContainText(/SHA-256 [0-9a-f]{12}…/);
  await expect(inspection.photoList.nth(1)).toContainText('照片未记录拍摄时间');
  await page.screenshot({ path: 'docs/screenshots/inspection-checklist.png', fullPage: true });

  await inspection.preview();
  // The preview as it will print: its pages drawn, its text selectable.
  // The viewer's own page count (the report's footer, 第 1 页 共 5 页, is in its text layer too).
  await expect(inspection.signCard.getByTestId('pdf-page-count')).toHaveText(/共 [1-9]\d* 页/, {
    timeout: SLOW,
  });
  await expect(inspection.signCard).toContainText('实地考察报告', { timeout: SLOW });
  await expect(inspection.signCard).not.toContainText('正在打开文档');
  await inspection.signCard.screenshot({ path: 'docs/screenshots/inspection-sign.png' });

  // A wrong passphrase: named, nothing signed, nothing saved.
  await inspection.passphrases({
    I31: ['李检查', 'li-jiancha-2026'],
    I32: ['王核验', 'not-his-passphrase'],
  });
  await inspection.signButton.click();
  // Said beside 王核验's field, the keyboard there, only his cleared (before: at the top of the
  // page, every member's field emptied).
  const wrongPass = inspection.signCard.getByTestId('passphrase-refused');
  await expect(wrongPass).toHaveText('王核验（I32）的签名口令不正确，未签名', { timeout: SLOW });
  const wang = inspection.signCard.getByLabel('王核验（I32）的签名口令');
  await expect(wang).toBeFocused();
  await expect(wang).toHaveValue('');
  await expect(wang).toHaveAttribute('aria-invalid', 'true');
  await expect(inspection.signCard.getByLabel('李检查（I31）的签名口令')).toHaveValue(
    'li-jiancha-2026',
  );
  await expect(page.getByText('王核验（I32）的签名口令不正确，未签名')).toHaveCount(1);
  // The refusal is a message, shown in the user's language.
  await inspection.shell.switchLanguage('English');
  await expect(wrongPass).toHaveText('王核验 (I32): wrong signing passphrase; not signed');
  await inspection.shell.switchLanguage('中文');

  // A visit date that does not exist cannot be saved, and the screen says so, once: the field
  // its sentence, the top bar 未保存 with why (before: 已保存), the checks before signing
  // 报告未保存 (before: twice, and again as the screen's notice); signing and preview wait until it
  // is corrected (before, the report saved before it was signed, under its older date).
  const visitDate = await inspection.visitDate.inputValue();
  await inspection.visitDate.fill('2026/2/30');
  await expect(inspection.checklist.getByRole('alert')).toHaveText('2026-02-30 不是实际存在的日期');
  await expect(inspection.shell.saveState).toHaveText(
    '未保存：考察日期：2026-02-30 不是实际存在的日期',
  );
  await expect(inspection.unsaved).toHaveText(
    '报告未保存：考察日期：2026-02-30 不是实际存在的日期。改正后才能签名或预览。',
  );
  await expect(page.getByText('报告未保存')).toHaveCount(1);
  await expect(inspection.notice.filter({ hasText: '考察日期' })).toHaveCount(0);
  await expect(inspection.signCard.getByRole('button', { name: '预览报告 PDF' })).toBeDisabled();
  // A date written month first and an emptied field: the date rule's own sentences.
  await inspection.visitDate.fill('12/31/2026');
  await expect(inspection.shell.saveState).toHaveText(
    '未保存：考察日期：“12/31/2026”不是日期，请按年、月、日填写，如 2026-12-01 或 2026年12月1日',
  );
  await inspection.visitDate.fill('');
  await expect(inspection.shell.saveState).toHaveText('未保存：考察日期：缺少此项（必填）');
  // The field says it too (before: nothing at the field).
  await expect(inspection.checklist.getByRole('alert')).toHaveText('缺少此项（必填）');
  await expect(inspection.unsaved).toHaveText(
    '报告未保存：考察日期：缺少此项（必填）。改正后才能签名或预览。',
  );
  // A visit after today: a report records a visit that took place (第十二条（二）). Refused at the
  // field in the rule's one sentence (before: saved, with only the due date's warning).
  const [today, tomorrow] = [localDay(0), localDay(1)];
  const afterToday = `${localDayZh(1)}晚于今天（${localDayZh(0)}），考察报告记录的是已经进行的实地考察`;
  await inspection.visitDate.fill(tomorrow);
  await expect(inspection.checklist.getByRole('alert')).toHaveText(afterToday);
  await expect(inspection.shell.saveState).toHaveText(`未保存：考察日期：${afterToday}`);
  await expect(inspection.unsaved).toHaveText(
    `报告未保存：考察日期：${afterToday}。改正后才能签名或预览。`,
  );
  await page.screenshot({ path: 'docs/screenshots/inspection-after-today.png' });
  // In English, its twin.
  await inspection.shell.switchLanguage('English');
  await expect(inspection.checklist.getByRole('alert')).toHaveText(
    `${tomorrow} is after today (${today}): a report records a visit that has taken place`,
  );
  await inspection.shell.switchLanguage('中文');
  await inspection.visitDate.fill('2026/2/30');
  // While the date is refused, the conclusion and a note typed are saved all the same (before:
  // nothing was, and leaving lost them).
  const conclusion = '需求真实，发榜方为技术需求最终用户，建议发榜。现场核对无误。';
  await inspection.conclusion(conclusion);
  await inspection.note(1, '需求单位现场演示');

  // Reloading the page with it: the browser asks first (before: reloaded without a word).
  const asked = page.waitForEvent('dialog');
  const reloading = page.evaluate('window.location.reload()');
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await reloading;
  await expect(inspection.visitDate).toHaveValue('2026/2/30');

  // Leaving the screen with it asks first (before: the edit was dropped without a word). From the
  // keyboard: the safe choice is focused, Escape stays, the edit still on screen, the focus back
  // on the link pressed (before: on the page's body).
  await inspection.shell.go('首页');
  await expect(inspection.leaveDialog).toBeVisible();
  await expect(inspection.leaveDialog).toContainText(
    `考察日期：2026-02-30 不是实际存在的日期。离开将放弃这项修改（考察日期保留为上次保存的 ${visitDate}），其余内容已保存。`,
  );
  await expect(inspection.leaveDialog.getByRole('button', { name: '留下改正' })).toBeFocused();
  await page.screenshot({ path: 'docs/screenshots/inspection-leave.png' });
  await page.keyboard.press('Escape');
  await expect(inspection.leaveDialog).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: '评审工作' }).getByRole('link', { name: '首页' }),
  ).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: '实地考察' })).toBeVisible();
  await expect(inspection.visitDate).toHaveValue('2026/2/30');
  await expect(inspection.shell.saveState).toHaveText(
    '未保存：考察日期：2026-02-30 不是实际存在的日期',
  );
  // 锁定 with it asks first, in the same dialog (before: locked, and the edit was gone); staying
  // keeps the app unlocked on this screen with the text as typed.
  await inspection.shell.lock();
  await expect(inspection.leaveDialog).toBeVisible();
  await expect(
    inspection.leaveDialog.getByRole('button', { name: '放弃修改并锁定' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(inspection.leaveDialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: '实地考察' })).toBeVisible();
  await expect(inspection.visitDate).toHaveValue('2026/2/30');
  await expect(inspection.shell.currentUser('李检查（考察）')).toBeVisible();
  // Again, and Tab to 放弃修改并离开, Enter: the home screen, nothing left unsaved; back on the
  // screen, the report as last saved: the date as it was, the conclusion and the note as typed.
  await inspection.shell.go('首页');
  await expect(inspection.leaveDialog).toBeVisible();
  const discard = inspection.leaveDialog.getByRole('button', { name: '放弃修改并离开' });
  await page.keyboard.press('Tab');
  await expect(discard).toBeFocused();
  // Tab and Shift+Tab go round the dialog's buttons (before: Tab left the dialog).
  await page.keyboard.press('Tab');
  await expect(inspection.leaveDialog.getByRole('button', { name: '留下改正' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(discard).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '欢迎使用揭榜评审台' })).toBeVisible();
  await inspection.shell.saved();
  await inspection.open();
  await expect(inspection.visitDate).toHaveValue(visitDate);
  await expect(inspection.conclusionField).toHaveValue(conclusion);
  await expect(inspection.noteField(1)).toHaveValue('需求单位现场演示');
  await expect(inspection.unsaved).toHaveCount(0);

  await inspection.passphrases({
    I31: ['李检查', 'li-jiancha-2026'],
    I32: ['王核验', 'wang-heyan-2026'],
  });
  await inspection.visitDate.fill('2026/2/30');
  await expect(inspection.signButton).toBeDisabled();
  await inspection.visitDate.fill(visitDate);
  await expect(inspection.signButton).toBeEnabled();
  await expect(inspection.unsaved).toHaveCount(0);
  await inspection.shell.saved();
  const saved = await inspection.shell.download(() => inspection.signButton.click());
  await expect(inspection.notice).toHaveText('已签名并保存考察报告文件包 ASG-2026-31-R.jbx');
  const report = join(dir, 'REPORT.jbx');
  await copyFile(saved, report);

  // The CLI reads it: both signatures, the assignment answered.
  const verified = cli('verify', report, '--identity', BUREAU_KEY);
  expect(verified).toContain('李检查');
  expect(verified).toContain('王核验');
  expect(
    cli('check', report, '--assignment', join(dir, 'ASG-2026-31.jbx'), '--identity', BUREAU_KEY),
  ).toContain('实地考察报告文件包');

  // age, unzip, openssl and sha256sum alone.
  sh('age', ['-d', '-i', BUREAU_KEY, '-o', 'report.zip', 'REPORT.jbx'], dir);
  sh('unzip', ['-q', 'report.zip', '-d', 'out'], dir);
  const out = join(dir, 'out');
  const { signatures, sums } = verifyWithStandardTools(out);
  expect(signatures).toHaveLength(2);
  for (const answer of signatures) expect(answer).toContain('Signature Verified Successfully');
  for (const f of ['report.json', 'report.pdf', 'photos/p01.jpg', 'photos/p02.jpg'])
    expect(sums).toContain(`${f}: OK`);
  expect(sums).not.toContain('FAILED');
  // The photo with EXIF went in as chosen; the large one was scaled on the canvas.
  expect(readFileSync(join(out, 'photos/p01.jpg')).equals(Buffer.from(withTime))).toBe(true);
  expect(readFileSync(join(out, 'photos/p02.jpg')).length).toBeLessThan(large.length * 2);

  // The report PDF: cover, checklist, both photos with their times, both signers.
  const text = sh('pdftotext', ['-layout', 'report.pdf', '-'], out);
  for (const s of [
    '实地考察报告',
    '榜单 D-2026-31',
    '克拉玛依石化污水处理场',
    '基本符合',
    '配套资金已列入 2027 年预算',
    '污水处理场全景',
    '拍摄时间：2026年12月15日 10:31:07',
    '拍摄时间：照片未记录拍摄时间',
    '李检查（I31）',
    '王核验（I32）',
  ])
    expect(text).toContain(s);
  const images = sh('pdfimages', ['-list', 'report.pdf'], out)
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image');
  expect(images.length).toBe(2);
  expect(images.map((cols) => Number(cols[3]))).toEqual([800, 1600]);

  // The bureau takes it in and lists it by round.
  const ingested = cli(
    'inspection',
    'ingest',
    report,
    '--identity',
    BUREAU_KEY,
    '--data',
    join(dir, 'bureau'),
  );
  expect(ingested).toContain('已收回实地考察报告 ASG-2026-31-R（批次 R-2026-3）');

  // A bureau folder that never issued ASG-2026-31: refused by name, nothing written.
  const elsewhere = join(dir, 'bureau-elsewhere');
  const refused = cliRefusal(
    'inspection',
    'ingest',
    report,
    '--identity',
    BUREAU_KEY,
    '--data',
    elsewhere,
  );
  expect(refused.code).toBe(2);
  expect(refused.err).toContain('考察报告 ASG-2026-31-R 回应的考察任务 ASG-2026-31 不在本机');
  expect(existsSync(elsewhere)).toBe(false);
});
