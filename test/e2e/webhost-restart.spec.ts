import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { expect, screensOf, test } from './fixtures';
import { startBuiltWebHost, type RunningWebHost } from './webhost';

/** A port free right now (the host is then started on it twice, as `npm run web` would be). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

test('the web host keeps a profile and its data across a restart (stable data folder and port)', async () => {
  // The user's home for this test: no JIEBANG_DATA_DIR, so the host picks its default folder.
  const home = await mkdtemp(join(tmpdir(), 'jb-home-'));
  const env = { HOME: home, XDG_DATA_HOME: join(home, 'data') };
  const expectedDir = join(home, 'data', 'jiebang-panel');
  const userDataDir = await mkdtemp(join(tmpdir(), 'jb-chromium-'));
  const port = await freePort();
  const hosts: RunningWebHost[] = [];
  const marker = `重启后仍在${Date.now().toString(36)}`;
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      locale: 'zh-CN',
    });
  try {
    const first = await startBuiltWebHost(env, { defaultDataDir: true, port });
    hosts.push(first);
    expect(first.dataDir).toBe(expectedDir);
    const browser = await launch();
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(first.url);
    const ui = screensOf(page);
    await ui.gate.create('王立新');
    await ui.home.writeNotes(marker);
    await browser.close();
    await first.stop();
    expect(await readdir(join(expectedDir, 'profiles'))).toHaveLength(1);

    // Started again as a user would: same folder, same port (the browser's database is per origin).
    const second = await startBuiltWebHost(env, { defaultDataDir: true, port });
    hosts.push(second);
    expect(second.dataDir).toBe(expectedDir);
    expect(second.origin).toBe(first.origin);
    const again = await launch();
    const page2 = again.pages()[0] ?? (await again.newPage());
    await page2.goto(second.url);
    const ui2 = screensOf(page2);
    await ui2.gate.unlock('王立新');
    await expect(ui2.home.notes).toHaveValue(marker);
    await again.close();
  } finally {
    for (const host of hosts) await host.stop();
    await rm(home, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
  }
});
