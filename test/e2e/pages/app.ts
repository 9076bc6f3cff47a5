import { expect, type FileChooser, type Page } from '@playwright/test';

export type Files = Parameters<FileChooser['setFiles']>[0];

/** The shell around every screen: the sidebar, the top bar (save state, lock, language). */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Opens a screen from the sidebar by its name. */
  async go(screen: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: '评审工作' })
      .getByRole('link', { name: screen })
      .click();
  }

  /** Opens a screen that is not in the sidebar, by its address (#/diagnostics). */
  async goTo(route: string): Promise<void> {
    await this.page.evaluate(`window.location.hash = ${JSON.stringify(`#${route}`)}`);
  }

  get saveState() {
    return this.page.getByTestId('save-state');
  }

  /** Waits until every edit is written (「已保存」). */
  async saved(): Promise<void> {
    await expect(this.saveState).toHaveText('已保存');
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: '锁定', exact: true }).click();
  }

  async switchLanguage(to: 'English' | '中文'): Promise<void> {
    await this.page.getByRole('button', { name: to }).click();
  }

  /** The current profile's label as the top bar shows it. */
  currentUser(label: string) {
    return this.page.getByText(`当前用户：${label}`);
  }

  /** Clicks `trigger` and returns the path of the file it downloads (a save under the web host). */
  async download(trigger: () => Promise<void>): Promise<string> {
    const downloaded = this.page.waitForEvent('download');
    await trigger();
    return (await (await downloaded).path()) ?? '';
  }

  /** Clicks `trigger` and chooses `files` in the file picker it opens. */
  async choose(trigger: () => Promise<void>, files: Files): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await trigger();
    await (await chooser).setFiles(files);
  }
}
