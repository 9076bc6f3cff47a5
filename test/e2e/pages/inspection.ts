import { expect, type Page } from '@playwright/test';
import { AppShell, type Files } from './app';

/** 实地考察: the inspection team's screen, as the team uses it. */
export class InspectionPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('实地考察');
    await expect(this.page.getByRole('heading', { level: 1, name: '实地考察' })).toBeVisible();
  }

  get notice() {
    return this.page.getByTestId('inspection-notice');
  }

  get assignment() {
    return this.page.getByTestId('inspection-assignment');
  }

  get team() {
    return this.page.getByTestId('inspection-team');
  }

  get checklist() {
    return this.page.getByTestId('inspection-checklist');
  }

  get photos() {
    return this.page.getByTestId('inspection-photos');
  }

  get photoList() {
    return this.page.getByTestId('inspection-photo-list').getByRole('listitem');
  }

  get signCard() {
    return this.page.getByTestId('inspection-sign');
  }

  /** The visit's date field (考察日期). */
  get visitDate() {
    return this.checklist.getByLabel('考察日期');
  }

  /** What the checks before signing say of an edit that is not saved. */
  get unsaved() {
    return this.signCard.getByTestId('inspection-unsaved');
  }

  /** The dialog asked before an edit not saved is dropped. */
  get leaveDialog() {
    return this.page.getByRole('alertdialog', { name: '考察报告有未保存的修改' });
  }

  /** Imports a bundle through 导入考察任务. */
  async importFile(files: Files): Promise<void> {
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '导入考察任务（.jbx）…' }).click(),
      files,
    );
  }

  member(id: string) {
    return this.page.getByTestId(`inspector-${id}`);
  }

  /** A member enrols: their passphrase typed twice, then 登记. */
  async enrol(id: string, name: string, passphrase: string): Promise<void> {
    const row = this.member(id);
    await row.getByLabel(`${name} 的签名口令（至少 8 个字符）`).fill(passphrase);
    await row.getByLabel(`再次输入 ${name} 的签名口令`).fill(passphrase);
    await row.getByRole('button', { name: `登记 ${name}` }).click();
    // A key made and wrapped under the passphrase (scrypt): slow on a busy machine.
    await expect(row.getByText(/^指纹 [0-9a-f]{4}( [0-9a-f]{4}){7}$/)).toBeVisible({
      timeout: 120_000,
    });
  }

  async startReport(): Promise<void> {
    await this.page.getByRole('button', { name: '开始填写考察报告' }).click();
    await expect(this.checklist).toBeVisible();
  }

  /** Sets item `n`'s finding (符合 / 基本符合 / 不符合 / 未检查 / 不适用) from the keyboard. */
  async finding(n: number, label: string): Promise<void> {
    const select = this.checklist.getByRole('combobox', { name: new RegExp(`^第 ${n} 项 `) });
    await select.focus();
    await select.selectOption({ label });
  }

  /** Item `n`'s note field (第 n 项的说明). */
  noteField(n: number) {
    return this.checklist.getByLabel(`第 ${n} 项的说明`);
  }

  /** The conclusion field (考察结论). */
  get conclusionField() {
    return this.checklist.getByLabel('考察结论');
  }

  async note(n: number, text: string): Promise<void> {
    await this.checklist.getByLabel(`第 ${n} 项的说明`).fill(text);
  }

  async conclusion(text: string): Promise<void> {
    await this.checklist.getByLabel('考察结论').fill(text);
  }

  /** Adds a photo from a file with its caption and, if given, the checklist item it documents. */
  async addPhoto(files: Files, caption: string, item?: number): Promise<void> {
    await this.photos.getByLabel('照片说明', { exact: true }).fill(caption);
    if (item !== undefined)
      // Option 0 is 「不对应具体检查项」; option n is item n.
      await this.photos.getByLabel('对应检查项').selectOption({ index: item });
    await this.shell.choose(
      () => this.photos.getByRole('button', { name: '从文件添加照片…' }).click(),
      files,
    );
  }

  async preview(): Promise<void> {
    await this.signCard.getByRole('button', { name: '预览报告 PDF' }).click();
  }

  /** Every member types their own passphrase (by id: [name, passphrase]). */
  async passphrases(passphrases: Record<string, [string, string]>): Promise<void> {
    for (const [id, [name, passphrase]] of Object.entries(passphrases))
      await this.signCard.getByLabel(`${name}（${id}）的签名口令`).fill(passphrase);
  }

  get signButton() {
    return this.signCard.getByRole('button', { name: '全体签名并保存文件包' });
  }
}
