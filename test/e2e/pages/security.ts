import { expect, type Page } from '@playwright/test';
import { AppShell } from './app';

/** 账户与安全: passphrase, idle auto-lock, and the audit log. */
export class SecurityPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('账户与安全');
  }

  async changePassphrase(old: string, next: string, repeat = next): Promise<void> {
    await this.page.getByLabel('当前口令').fill(old);
    await this.page.getByLabel('新口令', { exact: true }).fill(next);
    await this.page.getByLabel('再次输入新口令').fill(repeat);
    await this.page.getByRole('button', { name: '修改口令' }).click();
  }

  async autoLockAfter(minutes: string): Promise<void> {
    await this.page.getByLabel('无操作自动锁定（分钟）').fill(minutes);
  }

  get timeline() {
    return this.page.getByTestId('audit-timeline');
  }

  get verdict() {
    return this.page.getByTestId('audit-verdict');
  }

  /** Every action label the audit log shows, newest first. */
  async actions(): Promise<string[]> {
    await expect(this.timeline.locator('li').first()).toBeVisible();
    return this.timeline.getByTestId('audit-action').allInnerTexts();
  }
}
