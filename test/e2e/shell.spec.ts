import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';

test('the home screen is Chinese first, switches to English, and keeps the choice', async ({
  ui,
}) => {
  await ui.gate.create();
  await expect(ui.home.heading).toHaveText('欢迎使用揭榜评审台');
  await expect(ui.page.getByTestId('home-steps')).toContainText('专家评审：导入评审包');
  // The foundation's test buttons and the data folder are out of the user's way.
  await expect(ui.page.getByRole('button', { name: '保存测试文件' })).toHaveCount(0);
  await expect(ui.page.getByText(/数据目录/)).toHaveCount(0);
  await ui.page.screenshot({ path: 'docs/screenshots/home.png' });

  await ui.shell.switchLanguage('English');
  await expect(ui.home.heading).toHaveText('Welcome to Jiebang Panel');
  // The choice survives a reload; a reload also drops the data key, so the profile is locked.
  await ui.page.reload();
  await expect(ui.page.getByRole('heading', { name: 'Choose a profile' })).toBeVisible();
  await ui.shell.switchLanguage('中文');
  await expect(ui.page.getByRole('heading', { name: '选择用户档案' })).toBeVisible();
});

test('diagnostics (not in the sidebar) show what main reports', async ({ ui, webHost }) => {
  await ui.gate.create();
  await expect(ui.page.getByRole('link', { name: '运行诊断' })).toHaveCount(0);
  await ui.diagnostics.open();
  await expect(ui.diagnostics.host).toHaveText('网页宿主（测试用，仅本机 127.0.0.1）');
  await expect(ui.diagnostics.version).toHaveText('0.1.0');
  await expect(ui.diagnostics.info).toContainText(webHost.dataDir);
});

test('a save becomes a download with the exact bytes', async ({ ui }) => {
  await ui.gate.create();
  await ui.diagnostics.open();
  const path = await ui.diagnostics.saveTestFile();
  expect((await readFile(path)).toString('utf8')).toBe('Jiebang Panel test file\n');
  await expect(ui.diagnostics.status).toHaveText('已保存：jiebang-test.txt');
});

test('an open is a file input, and the renderer gets the exact bytes', async ({ ui }) => {
  await ui.gate.create();
  await ui.diagnostics.open();
  const content = Buffer.from('评审包 review package ✓ \u0000\u00ff', 'utf8');
  await ui.diagnostics.openFile({
    name: '样例.bin',
    mimeType: 'application/octet-stream',
    buffer: content,
  });
  const hash = createHash('sha256').update(content).digest('hex');
  await expect(ui.diagnostics.status).toHaveText(
    `已打开：样例.bin（${content.length} 字节，SHA-256 ${hash}）`,
  );
});

test('the web host refuses the page without its token and API calls from elsewhere', async ({
  app,
  webHost,
}) => {
  const page = await app.request.get(`${webHost.origin}/`);
  expect(page.status()).toBe(403);
  const noToken = await app.request.post(`${webHost.origin}/api/app:info`, { data: '' });
  expect(noToken.status()).toBe(403);
  expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const badHost = await app.request.get(`${webHost.url}`, { headers: { host: 'evil.example:80' } });
  expect(badHost.status()).toBe(421);
});
