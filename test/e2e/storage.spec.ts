import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import {
  createProfile,
  expect,
  importSampleAndEnrol,
  PASSPHRASE,
  test,
  unlockProfile,
} from './fixtures';
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
  if (create) await createProfile(page, '周海涛');
  else await unlockProfile(page, '周海涛');
  await page.getByLabel('评审笔记').fill(`A02 联合体方案：${marker}`);
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
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
    await createProfile(page, '郑雪');
    await importSampleAndEnrol(page, /E06 郑雪/);
    await page.getByLabel('揭榜方案可行性（满分 40）').focus();
    await page.keyboard.type('38.5');
    await expect(page.getByTestId('save-state')).toHaveText('已保存');
    // No clean shutdown: SIGKILL every Chromium process of this profile.
    execFileSync('pkill', ['-KILL', '-f', userDataDir]);
    await new Promise((r) => setTimeout(r, 500));
    const again = await persistent(userDataDir);
    const page2 = again.pages()[0] ?? (await again.newPage());
    await page2.goto(host.url);
    await unlockProfile(page2, '郑雪');
    await page2.getByRole('link', { name: '专家评审' }).click();
    await expect(page2.getByLabel('揭榜方案可行性（满分 40）')).toHaveValue('38.5');
    await again.close();
  } finally {
    await host.stop();
    await rm(userDataDir, { recursive: true, force: true });
  }
});

test('wrong passphrase, passphrase change, lock and idle auto-lock', async ({ app }) => {
  await createProfile(app, '孙昇');
  await app.getByLabel('评审笔记').fill('回避：A03');
  await expect(app.getByTestId('save-state')).toHaveText('已保存');
  // Lock, then a wrong passphrase: a clear message, nothing opened.
  await app.getByRole('button', { name: '锁定' }).click();
  await app.getByRole('radio', { name: '孙昇' }).check();
  await app.getByLabel('口令', { exact: true }).fill('not the passphrase');
  await app.getByRole('button', { name: '解锁' }).click();
  await expect(app.getByRole('alert')).toContainText('口令不正确');
  await expect(app.getByLabel('评审笔记')).toHaveCount(0);
  await unlockProfile(app, '孙昇');
  await expect(app.getByLabel('评审笔记')).toHaveValue('回避：A03');
  // Change the passphrase; the old one stops working, the data stays.
  await app.getByRole('link', { name: '账户与安全' }).click();
  await app.getByLabel('当前口令').fill(PASSPHRASE);
  await app.getByLabel('新口令').fill('新的口令 第二版 2026');
  await app.getByRole('button', { name: '修改口令' }).click();
  await expect(app.getByText('口令已修改')).toBeVisible({ timeout: 20_000 });
  await expect(app.getByTestId('audit-timeline')).toContainText('修改口令');
  await expect(app.getByTestId('audit-verdict')).toContainText('哈希链完整');
  await app.screenshot({ path: 'docs/screenshots/security.png' });
  // Idle auto-lock after 0.1 minute.
  await app.getByLabel('无操作自动锁定（分钟）').fill('0.1');
  await expect(app.getByRole('alert')).toContainText('已因长时间无操作自动锁定', {
    timeout: 15_000,
  });
  await app.getByRole('radio', { name: '孙昇' }).check();
  await app.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  await app.getByRole('button', { name: '解锁' }).click();
  await expect(app.getByRole('alert')).toContainText('口令不正确');
  await unlockProfile(app, '孙昇', '新的口令 第二版 2026');
  await app.getByRole('link', { name: '首页' }).click();
  await expect(app.getByLabel('评审笔记')).toHaveValue('回避：A03');
});
