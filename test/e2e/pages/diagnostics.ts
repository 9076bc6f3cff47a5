import type { Page } from '@playwright/test';
import { AppShell } from './app';

/** #/diagnostics (not in the sidebar): what main reports, and a file round trip. */
export class DiagnosticsPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.goTo('/diagnostics');
  }

  get info() {
    return this.page.getByTestId('app-info');
  }

  get host() {
    return this.page.getByTestId('app-host');
  }

  get version() {
    return this.page.getByTestId('app-version');
  }

  get status() {
    return this.page.getByTestId('file-status');
  }

  /** 保存测试文件: returns the downloaded file's path. */
  saveTestFile(): Promise<string> {
    return this.shell.download(() =>
      this.page.getByRole('button', { name: '保存测试文件' }).click(),
    );
  }

  async openFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '打开文件' }).click(),
      file,
    );
  }
}
