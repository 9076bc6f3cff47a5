import type { Page } from 'playwright-core';

/** In a fresh browser page on the web host: create a profile, import a review package, enrol. */
export async function enrolWithPackage(
  page: Page,
  url: string,
  bundle: Uint8Array,
  expert: RegExp,
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('姓名').fill('基准');
  await page.getByLabel('口令', { exact: true }).fill('benchmark passphrase');
  await page.getByLabel('再次输入口令').fill('benchmark passphrase');
  await page.getByRole('button', { name: '创建用户档案' }).click();
  await page.getByRole('navigation').getByRole('link', { name: '专家评审' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开评审包…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'bench.jbx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bundle),
  });
  await page.getByRole('button', { name: '指纹一致，确认导入' }).click();
  await page.getByRole('radio', { name: expert }).check();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: '确认报到并生成签名密钥' }).click();
}
