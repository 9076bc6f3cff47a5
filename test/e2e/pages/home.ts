import type { Page } from '@playwright/test';
import { AppShell } from './app';

/** 首页: what the app does, the steps, and the expert's private notes. */
export class HomePage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('首页');
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get notes() {
    return this.page.getByLabel('评审笔记');
  }

  async writeNotes(text: string): Promise<void> {
    await this.notes.fill(text);
    await this.shell.saved();
  }
}
