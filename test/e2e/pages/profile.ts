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
    return this.page.getByRole('radio', { name: label });
  }

  /** Creates a profile (asking for a new one when others exist) and waits for the app. */
  async create(label = '张志远', passphrase = PASSPHRASE): Promise<void> {
    const newProfile = this.page.getByRole('button', { name: '新建用户档案' });
    const name = this.page.getByLabel('姓名');
    await expect(newProfile.or(name).first()).toBeVisible();
    if (await newProfile.isVisible()) await newProfile.click();
    await this.page.getByLabel('姓名').fill(label);
    await this.passphrase.fill(passphrase);
    await this.repeat.fill(passphrase);
    await this.page.getByRole('button', { name: '创建用户档案' }).click();
    await expect(this.shell.currentUser(label)).toBeVisible({ timeout: 20_000 });
  }

  /** Tries a passphrase on a profile (the outcome is for the test to check). */
  async tryUnlock(label: string, passphrase: string): Promise<void> {
    await this.radio(label).check();
    await this.passphrase.fill(passphrase);
    await this.page.getByRole('button', { name: '解锁' }).click();
  }

  async unlock(label = '张志远', passphrase = PASSPHRASE): Promise<void> {
    await this.tryUnlock(label, passphrase);
    await expect(this.shell.currentUser(label)).toBeVisible({ timeout: 20_000 });
  }

  get alert() {
    return this.page.getByRole('alert');
  }
}
