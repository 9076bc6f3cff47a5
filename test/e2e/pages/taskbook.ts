import { expect, type Page } from '@playwright/test';
import { AppShell } from './app';

/** 任务书: draft from the decision, edit beside the findings, preview, print, 定稿, sign. */
export class TaskBookPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('任务书');
  }

  async draft(): Promise<void> {
    await this.page.getByRole('button', { name: '起草任务书' }).click();
  }

  get findings() {
    return this.page.getByTestId('tb-findings');
  }

  get noFindings() {
    return this.page.getByText('✓ 未发现问题');
  }

  get finaliseButton() {
    return this.page.getByRole('button', { name: '定稿' });
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** A party's block: 'bureau', 'issuer', or a solver's applicant id. */
  party(who: string) {
    return this.page.getByTestId(`party-${who}`);
  }

  representative(who: string) {
    return this.party(who).getByLabel('法定代表人或授权代表');
  }

  /** A solver's chief-expert field: 姓名, 职称 or 单位. */
  chiefExpert(applicantId: string, field: '姓名' | '职称' | '单位') {
    return this.party(applicantId).getByLabel(field, { exact: true });
  }

  milestone(n: number) {
    return this.page.getByTestId(`milestone-${n}`);
  }

  async fillRepresentatives(names: Readonly<Record<string, string>>): Promise<void> {
    for (const [who, name] of Object.entries(names)) await this.representative(who).fill(name);
  }

  get preview() {
    return this.page.getByTestId('tb-preview');
  }

  get side() {
    return this.page.getByTestId('tb-side');
  }

  /** The verification code as the screen shows it (groups of four), read as 64 hex digits. */
  async code(): Promise<string> {
    const code = (await this.page.getByTestId('tb-code').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    return code;
  }

  async showPreview(): Promise<void> {
    await this.page.getByRole('button', { name: '预览' }).click();
  }

  savePdf(): Promise<string> {
    return this.shell.download(() => this.page.getByRole('button', { name: '保存 PDF…' }).click());
  }

  get printButton() {
    return this.page.getByRole('button', { name: '打印…' });
  }

  /** The app's dialog asking before 定稿 (never the browser's confirm()). */
  get finaliseDialog() {
    return this.page.getByRole('alertdialog', { name: '确认定稿？' });
  }

  /** 定稿, confirming the dialog. */
  async finalise(): Promise<void> {
    await this.finaliseButton.click();
    await this.finaliseDialog.getByRole('button', { name: '确认定稿' }).click();
    await expect(this.finaliseDialog).toHaveCount(0);
  }

  /** Signs and exports the final task book; returns the downloaded bundle's path. */
  exportBundle(): Promise<string> {
    return this.shell.download(() =>
      this.page.getByRole('button', { name: '签名导出任务书文件包…' }).click(),
    );
  }

  get notice() {
    return this.page.getByTestId('tb-notice');
  }
}
