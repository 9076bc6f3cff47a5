import { expect, type Page } from '@playwright/test';
import { AppShell, type Files } from './app';

/** The chair's (E01's) sample sheet, as typed: points per criterion for each applicant. */
export const CHAIR_POINTS: readonly (readonly [string, readonly string[]])[] = [
  ['A01', ['17.5', '35', '17.5', '18']],
  ['A02', ['17', '34.5', '17', '17.5']],
  ['A03', ['17', '34', '17', '17']],
  ['A04', ['14.5', '29', '14.5', '14']],
];

/** 专家评审: import the package, enrol, score each applicant, submit, export, print. */
export class ReviewPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('专家评审');
  }

  get importChecks() {
    return this.page.getByTestId('import-checks');
  }

  get bureauFingerprint() {
    return this.page.getByTestId('bureau-fingerprint');
  }

  /** The bureau's fingerprint the import shows (groups of four hex digits), once it shows. */
  async shownBureauFingerprint(): Promise<string> {
    await expect(this.bureauFingerprint).toContainText('市科技局签名密钥指纹：');
    const text = await this.bureauFingerprint.innerText();
    return /：([0-9a-f ]+)（/.exec(text)?.[1]?.trim() ?? '';
  }

  /** Opens a review package file from the USB stick (checks shown, nothing imported yet). */
  async openPackage(file: Files): Promise<void> {
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '打开评审包…' }).click(),
      file,
    );
  }

  async useSamplePackage(): Promise<void> {
    await this.page.getByRole('button', { name: '使用示例评审包' }).click();
  }

  async confirmImport(): Promise<void> {
    await this.page.getByRole('button', { name: '指纹一致，确认导入' }).click();
  }

  expert(name: RegExp) {
    return this.page.getByRole('radio', { name });
  }

  get pledge() {
    return this.page.getByRole('checkbox', { name: /本人承诺/ });
  }

  get enrolButton() {
    return this.page.getByRole('button', { name: '确认报到并生成签名密钥' });
  }

  async enrol(expert: RegExp): Promise<void> {
    await this.expert(expert).check();
    await this.pledge.check();
    await this.enrolButton.click();
  }

  /** Opens the sample, imports it and enrols as `expert`. */
  async importSampleAndEnrol(expert: RegExp): Promise<void> {
    await this.open();
    await this.useSamplePackage();
    await this.confirmImport();
    await this.enrol(expert);
  }

  get progress() {
    return this.page.getByTestId('review-progress');
  }

  get total() {
    return this.page.getByTestId('sheet-total');
  }

  /** Beside the total: the criteria it leaves out (not scored, or their value refused). */
  get totalPending() {
    return this.page.getByTestId('sheet-total-pending');
  }

  get keyFingerprint() {
    return this.page.getByText(/您的签名密钥指纹：/);
  }

  async selectApplicant(id: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${id} `) }).click();
  }

  /** A criterion's points field, by the criterion's name and maximum. */
  points(criterion: string) {
    return this.page.getByLabel(new RegExp(`^${criterion}（满分 \\d+）$`));
  }

  comment(criterion: string) {
    return this.page.getByLabel(`评语：${criterion}`);
  }

  get opinion() {
    return this.page.getByLabel('总体意见');
  }

  get suggestedFunding() {
    return this.page.getByLabel('建议经费（万元）');
  }

  alert(text: string | RegExp) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** Scores the selected applicant with the keyboard only: digits, Tab to the comment, Tab on. */
  async scoreByKeyboard(points: readonly string[], opinion: string): Promise<void> {
    await this.points('揭榜方资质条件').focus();
    for (const [i, p] of points.entries()) {
      await this.page.keyboard.type(p);
      await this.page.keyboard.press('Tab');
      await this.page.keyboard.type(`第${i + 1}项评语`);
      await this.page.keyboard.press('Tab');
    }
    await this.opinion.fill(opinion);
  }

  async recuse(kind: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: '申请回避' }).click();
    await this.page.getByLabel('回避情形').selectOption({ label: kind });
    await this.page.getByLabel('回避理由').fill(reason);
    await this.page.getByRole('button', { name: '申请回避' }).click();
  }

  get submitIssues() {
    return this.page.getByTestId('submit-issues');
  }

  async startSubmit(): Promise<void> {
    await this.page.getByRole('button', { name: '提交评分表…' }).click();
  }

  async confirmSubmit(): Promise<void> {
    await this.page.getByRole('button', { name: '确认提交（提交后锁定，不能再修改）' }).click();
    await expect(this.page.getByText('评分表已提交并锁定')).toBeVisible();
  }

  /** Scores every applicant of `sheet` by keyboard and submits. */
  async scoreAndSubmit(sheet = CHAIR_POINTS, opinion = '方案先进可行，建议支持。'): Promise<void> {
    for (const [id, p] of sheet) {
      await this.selectApplicant(id);
      await this.scoreByKeyboard(p, opinion);
    }
    await this.startSubmit();
    await this.confirmSubmit();
  }

  get reopenButton() {
    return this.page.getByRole('button', { name: '撤回提交，继续修改' });
  }

  /** 签名并导出评分表文件…: returns the downloaded bundle's path and its suggested name. */
  async exportSheet(): Promise<{ path: string; name: string }> {
    const downloaded = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '签名并导出评分表文件…' }).click();
    const d = await downloaded;
    return { path: (await d.path()) ?? '', name: d.suggestedFilename() };
  }

  /** 打印纸质评分表（PDF）…: returns the downloaded PDF's path. */
  paperSheet(): Promise<string> {
    return this.shell.download(() =>
      this.page.getByRole('button', { name: '打印纸质评分表（PDF）…' }).click(),
    );
  }

  get notice() {
    return this.page.getByTestId('review-notice');
  }
}
