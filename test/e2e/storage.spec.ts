import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { expect, PASSPHRASE, screensOf, test } from './fixtures';
import { startBuiltWebHost } from './webhost';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every byte of the profile's IndexedDB folder, searched for the marker in UTF-8 and UTF-16LE. */
async function markerOnDisk(userDataDir: string, marker: string): Promise<boolean> {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const files = await filesUnder(join(userDataDir, 'Default', 'IndexedDB'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const bytes = await readFile(f);
    if (needles.some((n) => bytes.includes(n))) return true;
  }
  return false;
}

async function persistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
  });
}

async function typeNotes(context: BrowserContext, url: string, marker: string, create: boolean) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  const ui = screensOf(page);
  if (create) await ui.gate.create('周海涛');
  else await ui.gate.unlock('周海涛');
  await ui.home.writeNotes(`A02 联合体方案：${marker}`);
  return page;
}

for (const plaintext of [false, true]) {
  test(`IndexedDB on disk ${plaintext ? 'DOES hold the marker with the test-only plaintext flag' : 'never holds a marker typed into the app'}`, async () => {
    const host = await startBuiltWebHost(plaintext ? { JIEBANG_TEST_PLAINTEXT_STORAGE: '1' } : {});
    const userDataDir = await mkdtemp(join(tmpdir(), 'jb-chromium-'));
    try {
      const marker = `保密标记${Date.now().toString(36)}甲乙丙`;
      const context = await persistent(userDataDir);
      const page = await typeNotes(context, host.url, marker, true);
      if (plaintext) await expect(page.getByText('测试模式：本次数据未加密保存')).toBeVisible();
      await context.close();
      expect(await markerOnDisk(userDataDir, marker)).toBe(plaintext);
    } finally {
      await host.stop();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
}

test('a score typed just before the browser is killed is there after relaunch', async () => {
  const host = await startBuiltWebHost();
  const userDataDir = await mkdtemp(join(tmpdir(), 'jb-chromium-'));
  try {
    const context = await persistent(userDataDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(host.url);
    const ui = screensOf(page);
    await ui.gate.create('郑雪');
    await ui.review.importSampleAndEnrol(/E06 郑雪/);
    await ui.review.points('揭榜方案可行性').focus();
    await page.keyboard.type('38.5');
    await ui.shell.saved();
    // No clean shutdown: SIGKILL every Chromium process of this profile.
    execFileSync('pkill', ['-KILL', '-f', userDataDir]);
    await new Promise((r) => setTimeout(r, 500));
    const again = await persistent(userDataDir);
    const page2 = again.pages()[0] ?? (await again.newPage());
    await page2.goto(host.url);
    const ui2 = screensOf(page2);
    await ui2.gate.unlock('郑雪');
    await ui2.review.open();
    await expect(ui2.review.points('揭榜方案可行性')).toHaveValue('38.5');
    await again.close();
  } finally {
    await host.stop();
    await rm(userDataDir, { recursive: true, force: true });
  }
});

test('wrong passphrase, passphrase change (typed twice), lock and idle auto-lock', async ({
  ui,
}) => {
  const { gate, home, security, page } = ui;
  await gate.create('孙昇（口令）');
  await home.writeNotes('回避：A03');
  // Lock, then a wrong passphrase: said plainly (nothing was to change on an unlock), nothing
  // opened, and what was typed stays selected to type again.
  await ui.shell.lock();
  // Enter with nothing typed: said at the field, nothing tried (no wrong passphrase counted).
  await gate.radio('孙昇（口令）').check();
  await gate.passphrase.press('Enter');
  await expect(gate.alert).toHaveText('请输入口令');
  await expect(gate.passphrase).toBeFocused();
  await gate.tryUnlock('孙昇（口令）', 'not the passphrase');
  await expect(gate.alert).toContainText('口令不正确');
  await expect(gate.alert).not.toContainText('未作任何更改');
  await expect(gate.alert).not.toContainText('Wrong passphrase');
  await expect(gate.passphrase).toHaveValue('not the passphrase');
  await expect(gate.passphrase).toBeFocused();
  await expect(home.notes).toHaveCount(0);
  await gate.unlock('孙昇（口令）');
  await expect(home.notes).toHaveValue('回避：A03');
  // Change the passphrase: a repeat that differs is named in place and changes nothing.
  await security.open();
  await security.changePassphrase(PASSPHRASE, '新的口令 第二版 2026', '新的口令 第二版 2025');
  await expect(page.getByRole('alert').filter({ hasText: '两次输入的口令不一致' })).not.toHaveCount(
    0,
  );
  await security.changePassphrase(PASSPHRASE, '新的口令 第二版 2026');
  await expect(page.getByText('口令已修改')).toBeVisible({ timeout: 60_000 });
  await expect(security.timeline).toContainText('修改口令');
  // Times as the desk writes them (formatDateTimeZh), not the machine's ISO clock.
  await expect(security.timeline).toContainText(
    /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}（北京时间）/,
  );
  await expect(security.timeline).not.toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(security.verdict).toContainText('哈希链完整');
  await page.screenshot({ path: 'docs/screenshots/security.png' });
  // Minutes the rule refuses (-5, 0, not a number, nothing; tester iC finding 9): said at the field
  // with the range, nothing stored, the setting in force (10) unchanged — and after a reload and
  // unlock the field shows what is in force (before: 「已设置：-5 分钟…」 shown, 10 after reload).
  const refused = (typed: string) =>
    `${typed === '' ? '未填写分钟数' : `“${typed}”不可用`}：无操作自动锁定须为 0.1 至 120 分钟之间的数（如 10 或 0.5）`;
  for (const typed of ['-5', '0', 'abc', '']) {
    await security.autoLockAfter(typed);
    await expect(page.getByRole('alert').filter({ hasText: '无操作自动锁定须为' })).toHaveText(
      refused(typed),
    );
    await expect(page.getByText('已设置：10 分钟无操作后自动锁定')).toBeVisible();
  }
  await page.reload();
  await gate.unlock('孙昇（口令）', '新的口令 第二版 2026');
  await security.open();
  await expect(page.getByLabel('无操作自动锁定（分钟）')).toHaveValue('10');
  await expect(page.getByText('已设置：10 分钟无操作后自动锁定')).toBeVisible();
  // Idle auto-lock after 0.1 minute.
  await security.autoLockAfter('0.1');
  await expect(page.getByText('已设置：0.1 分钟无操作后自动锁定')).toBeVisible();
  await expect(gate.alert).toContainText('已因长时间无操作自动锁定', { timeout: 60_000 });
  await gate.tryUnlock('孙昇（口令）', PASSPHRASE);
  await expect(gate.alert).toContainText('口令不正确');
  await gate.unlock('孙昇（口令）', '新的口令 第二版 2026');
  await home.open();
  await expect(home.notes).toHaveValue('回避：A03');
});

test('creating a profile names a repeat that differs, in place, before anything is sent', async ({
  ui,
}) => {
  const { gate, page } = ui;
  await expect(
    gate.passphrase.or(page.getByRole('button', { name: '新建用户档案' })).first(),
  ).toBeVisible();
  if (await page.getByRole('button', { name: '新建用户档案' }).isVisible())
    await page.getByRole('button', { name: '新建用户档案' }).click();
  await page.getByLabel('姓名').fill('重复口令');
  await gate.passphrase.fill('克拉玛依 评审 第一版');
  await gate.repeat.fill('克拉玛依 评审 第二');
  await expect(page.getByRole('alert').filter({ hasText: '两次输入的口令不一致' })).toBeVisible();
  await expect(gate.repeat).toHaveAttribute('aria-invalid', 'true');
  await gate.repeat.fill('克拉玛依 评审 第一版');
  await expect(page.getByRole('alert').filter({ hasText: '两次输入的口令不一致' })).toHaveCount(0);
  // Ten spaces (ten characters, guarding nothing): refused beside the field, nothing created
  // (tester iC finding 10; before: the profile was made).
  await gate.passphrase.fill(' '.repeat(10));
  await gate.repeat.fill(' '.repeat(10));
  await page.getByRole('button', { name: '创建用户档案' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '口令不能只由空格组成' })).toHaveText(
    '口令不能只由空格组成（全角、半角空格或制表符都算）：请用文字、字母、数字或符号',
  );
  await expect(gate.passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(gate.passphrase).toBeFocused();
  await expect(page.getByText(/当前用户/u)).toHaveCount(0);
});

test('a second profile of the same name is refused, saying to unlock the one there is; the picker keeps one choice of it', async ({
  ui,
}) => {
  const { gate, page } = ui;
  const label = '同名专家（重名）';
  await gate.create(label);
  await ui.shell.lock();
  await page.getByRole('button', { name: '新建用户档案' }).click();
  await page.getByLabel('姓名', { exact: true }).fill(label);
  await gate.passphrase.fill(PASSPHRASE);
  await gate.repeat.fill(PASSPHRASE);
  await page.getByRole('button', { name: '创建用户档案' }).click();
  await expect(gate.alert).toContainText(
    `本机已有名为“${label}”的用户档案：请直接选择它并输入口令解锁；如确为另一人，请在姓名后注明单位以示区别`,
  );
  await expect(page.getByText(/当前用户/u)).toHaveCount(0);
  await page.getByRole('button', { name: '返回' }).click();
  await expect(gate.radio(label)).toHaveCount(1);
  await gate.unlock(label);
});

test('creating a profile: Enter on the empty form says what is missing in Chinese beside the field; a name hiding a bidi control is refused there, a zero-width character dropped', async ({
  ui,
}) => {
  const { gate, page } = ui;
  const newProfile = page.getByRole('button', { name: '新建用户档案' });
  await expect(gate.passphrase.or(newProfile).first()).toBeVisible();
  if (await newProfile.isVisible()) await newProfile.click();
  const name = page.getByLabel('姓名', { exact: true });
  await expect(name).toBeFocused();
  // Enter on the empty form: the app's own sentence beside the field, not the browser's bubble.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '请填写姓名' })).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  expect(
    await name.evaluate((el) => (el instanceof HTMLInputElement ? el.validationMessage : '')),
  ).toBe('');
  // A U+202E would show 「\u202e远志张」 as 张志远: refused at the field, by its code point.
  await name.fill('\u202e远志张\u200b');
  await expect(
    page.getByRole('alert').filter({ hasText: '姓名：含有双向控制字符 U+202E' }),
  ).toBeVisible();
  await gate.passphrase.fill(PASSPHRASE);
  await gate.repeat.fill(PASSPHRASE);
  await page.getByRole('button', { name: '创建用户档案' }).click();
  await expect(page.getByText(/当前用户/u)).toHaveCount(0);
  await expect(name).toBeFocused();
  // A zero-width space is dropped as it is typed; the name is taken as it reads.
  await name.fill('孙\u200b海涛（零宽）');
  await expect(name).toHaveValue('孙海涛（零宽）');
  await expect(page.getByRole('alert').filter({ hasText: '姓名：' })).toHaveCount(0);
  await page.getByRole('button', { name: '创建用户档案' }).click();
  await expect(ui.shell.currentUser('孙海涛（零宽）')).toBeVisible({ timeout: 60_000 });
});
