import { expect, type Page } from '@playwright/test';
import { AppShell, type Files } from './app';
import { PASSPHRASE } from './profile';

/** The bureau's desk (市科技局): its keys, the round being authored, the rounds and their bundles. */
export class DeskPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  /** Opens the desk and confirms the profile's passphrase (main unseals the bureau key with it). */
  async open(passphrase = PASSPHRASE): Promise<void> {
    await this.page.getByRole('link', { name: '市科技局' }).click();
    await this.page.getByTestId('bureau-passphrase').fill(passphrase);
  }

  get fingerprint() {
    return this.page.getByTestId('bureau-fingerprint');
  }

  /** The desk's last message (an outcome, or why not). */
  get message() {
    return this.page.getByTestId('bureau-message');
  }

  get verdict() {
    return this.page.getByTestId('bureau-verdict');
  }

  get signed() {
    return this.page.getByTestId('bureau-signed');
  }

  get round() {
    return this.page.getByTestId('bureau-round');
  }

  get signButton() {
    return this.page.getByRole('button', { name: '签发评审包' });
  }

  /** A problem of the lists (or a rule's finding) beside its field. */
  problem(text: string) {
    return this.page.getByTestId('bureau-problem').filter({ hasText: text });
  }

  async makeKeys(): Promise<string> {
    await this.page.getByRole('button', { name: '生成本局密钥' }).click();
    await expect(this.fingerprint).toContainText('签名密钥指纹');
    return (await this.fingerprint.innerText()).split('：')[1] ?? '';
  }

  async chooseLists(files: Files): Promise<void> {
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '选择名单与申报材料…' }).click(),
      files,
    );
  }

  /** Types a cell again beside its problem and fixes it. */
  async fix(problem: string, value: string): Promise<void> {
    const row = this.problem(problem);
    await row.getByRole('textbox').fill(value);
    await row.getByRole('button', { name: '改正' }).click();
  }

  /** Takes bundles in with the one import button (the desk recognises each kind). */
  async takeIn(files: Files): Promise<void> {
    await this.shell.choose(
      () => this.page.getByRole('button', { name: /^导入文件包/ }).click(),
      files,
    );
  }

  /** Clicks a button of `within` (or the page) and returns the path of the file it saves. */
  save(button: string, within = this.page.locator('body')): Promise<string> {
    return this.shell.download(() => within.getByRole('button', { name: button }).click());
  }

  /** The question asked before new lists replace the unsigned draft. */
  get replacePrompt() {
    return this.page.getByRole('alertdialog', { name: '替换未签发的草稿？' });
  }

  /** Asks to open new lists over the draft (the question then shows; no file dialog yet). */
  async askForNewLists(): Promise<void> {
    await this.page.getByRole('button', { name: '选择名单与申报材料…' }).click();
    await expect(this.replacePrompt).toBeVisible();
  }

  /** Answers 替换草稿 and chooses `files` as the new lists and proposals. */
  async replaceDraftWith(files: Files): Promise<void> {
    await this.shell.choose(
      () => this.replacePrompt.getByRole('button', { name: '替换草稿' }).click(),
      files,
    );
  }

  /** A round's inspection assignment form. */
  assignment(round = this.round) {
    return round.getByTestId('bureau-assign');
  }

  /** What 签发考察任务 answered, said under a round's assignment form. */
  assignMessage(round = this.round) {
    return this.assignment(round).getByTestId('bureau-assign-message');
  }
}
