import { expect, type Page } from '@playwright/test';
import { AppShell } from './app';

export const PASSPHRASE = '克拉玛依 评审 correct horse';

/** The profile gate: choose a profile and unlock it, or create one. */
export class ProfileGate {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  get passphrase() {
    return this.page.getByLabel('口令', { exact: true });
  }

  get repeat() {
    return this.page.getByLabel('再次输入口令');
  }

  radio(label: string) {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  /**
   * Creates a profile (asking for a new one when others exist) and waits for the app. Profiles
   * live in the worker's web host and outlast the test, so a name a test passes must be unique
   * across every spec (a second profile of that name would make `unlock(label)` ambiguous in
   * whichever spec runs later in the worker): a repeat fails here, at once. Without a name, the
   * test never selects the profile again, and the first free one of 张志远, 张志远（2）, … is used;
   * those names are kept for it (a spec naming one would clash with whichever test took it first
   * in the worker), so passing one fails at once. Resolves to the name used.
   */
  async create(label?: string, passphrase = PASSPHRASE): Promise<string> {
    if (label !== undefined && /^张志远(（\d+）)?$/.test(label))
      throw new Error(
        `${label} is kept for unnamed profiles: call create() without it, or pick a name of the spec's own`,
      );
    const newProfile = this.page.getByRole('button', { name: '新建用户档案' });
    const name = this.page.getByLabel('姓名');
    await expect(newProfile.or(name).first()).toBeVisible();
    let used = label ?? '张志远';
    if (await newProfile.isVisible()) {
      if (label === undefined) {
        for (let n = 2; (await this.radio(used).count()) > 0; n += 1) used = `张志远（${n}）`;
      } else {
        await expect(
          this.radio(label),
          `a profile named ${label} already exists in this worker`,
        ).toHaveCount(0);
      }
      await newProfile.click();
    }
    await this.page.getByLabel('姓名').fill(used);
    await this.passphrase.fill(passphrase);
    await this.repeat.fill(passphrase);
    await this.page.getByRole('button', { name: '创建用户档案' }).click();
    await expect(this.shell.currentUser(used)).toBeVisible({ timeout: 60_000 });
    return used;
  }

  /** Tries a passphrase on a profile (the outcome is for the test to check). */
  async tryUnlock(label: string, passphrase: string): Promise<void> {
    await this.radio(label).check();
    await this.passphrase.fill(passphrase);
    await this.page.getByRole('button', { name: '解锁' }).click();
  }

  async unlock(label: string, passphrase = PASSPHRASE): Promise<void> {
    await this.tryUnlock(label, passphrase);
    await expect(this.shell.currentUser(label)).toBeVisible({ timeout: 60_000 });
  }

  get alert() {
    return this.page.getByRole('alert');
  }
}
