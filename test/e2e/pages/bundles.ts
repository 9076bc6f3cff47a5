import type { Page } from '@playwright/test';
import { AppShell, type Files } from './app';

/** 文件包核验: open any bundle and see every check, the signers and the contents. */
export class BundlesPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('文件包核验');
  }

  async openFile(file: Files): Promise<void> {
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '打开文件包…' }).click(),
      file,
    );
  }

  async decrypt(secret: string): Promise<void> {
    await this.page.getByLabel('口令或身份密钥').fill(secret);
    await this.page.getByRole('button', { name: '解密并核验' }).click();
  }

  get checks() {
    return this.page.getByTestId('bundle-checks');
  }

  get summary() {
    return this.page.getByTestId('bundle-summary');
  }

  get fingerprints() {
    return this.page.getByTestId('bundle-fingerprint');
  }

  get passed() {
    return this.page.getByRole('status').filter({ hasText: '核验通过' });
  }

  /** The working-day calendar card of a calendar bundle. */
  get calendar() {
    return this.page.getByTestId('calendar-import');
  }

  async importCalendar(): Promise<void> {
    await this.calendar.getByRole('button', { name: '导入此日历' }).click();
  }

  /** Types the publicity's first day; the window it counts is `publicityWindow`. */
  async publicityFrom(date: string): Promise<void> {
    await this.calendar.getByLabel('公示开始日期').fill(date);
  }

  get publicityWindow() {
    return this.calendar.getByTestId('publicity-window');
  }

  get askedForKey() {
    return this.page.getByText('该文件已加密');
  }
}
