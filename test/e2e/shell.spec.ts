import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createProfile, expect, test } from './fixtures';

test('the home screen is Chinese first, switches to English, and shows what main reports', async ({
  app,
  webHost,
}) => {
  await createProfile(app);
  await expect(app.getByRole('heading', { name: '欢迎使用揭榜评审台' })).toBeVisible();
  await expect(app.getByRole('link', { name: '首页' })).toBeVisible();
  // app:info round trip: the web host reports itself and its data directory.
  await expect(app.getByTestId('app-host')).toHaveText('网页宿主（测试用，仅本机 127.0.0.1）');
  await expect(app.getByTestId('app-version')).toHaveText('0.1.0');
  await expect(app.getByTestId('app-info')).toContainText(webHost.dataDir);
  await app.screenshot({ path: 'docs/screenshots/home.png' });

  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { name: 'Welcome to Jiebang Panel' })).toBeVisible();
  await expect(app.getByTestId('app-host')).toHaveText('Web host (for tests, 127.0.0.1 only)');
  // The choice survives a reload; a reload also drops the data key, so the profile is locked.
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Choose a profile' })).toBeVisible();
  await app.getByRole('button', { name: '中文' }).click();
  await expect(app.getByRole('heading', { name: '选择用户档案' })).toBeVisible();
});

test('a save becomes a download with the exact bytes', async ({ app }) => {
  await createProfile(app);
  const downloadPromise = app.waitForEvent('download');
  await app.getByRole('button', { name: '保存测试文件' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('jiebang-test.txt');
  const path = await download.path();
  const bytes = await readFile(path);
  expect(bytes.toString('utf8')).toBe('揭榜评审台 测试文件 / Jiebang Panel test file\n');
  await expect(app.getByTestId('file-status')).toHaveText('已保存：jiebang-test.txt');
});

test('an open is a file input, and the renderer gets the exact bytes', async ({ app }) => {
  await createProfile(app);
  const content = Buffer.from('评审包 review package ✓ \u0000\u00ff', 'utf8');
  const chooserPromise = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: '打开文件' }).click();
  const chooser = await chooserPromise;
  await chooser.setFiles({
    name: '样例.bin',
    mimeType: 'application/octet-stream',
    buffer: content,
  });
  const hash = createHash('sha256').update(content).digest('hex');
  await expect(app.getByTestId('file-status')).toHaveText(
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
