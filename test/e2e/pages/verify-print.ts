import type { Page } from '@playwright/test';
import { AppShell, type Files } from './app';

/** 核验打印件: the code from paper against a task-book bundle or JSON. */
export class VerifyPrintPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('核验打印件');
  }

  get code() {
    return this.page.getByLabel('打印件上的核验码（或二维码内容）');
  }

  async check(code: string, file: Files): Promise<void> {
    await this.code.fill(code);
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '选择任务书文件并核验…' }).click(),
      file,
    );
  }

  get result() {
    return this.page.getByTestId('verify-result');
  }

  /** A meeting form's code: the package and panel bundle chosen, with the key of the bundle. */
  async checkForm(code: string, key: string, files: Files): Promise<void> {
    await this.code.fill(code);
    await this.page
      .getByLabel('评审结果文件包的解密密钥（age 身份或口令，未加密时不填）')
      .fill(key);
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '选择评审包及评审结果并核验…' }).click(),
      files,
    );
  }

  get formResult() {
    return this.page.getByTestId('verify-form-result');
  }
}
