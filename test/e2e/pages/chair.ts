import { expect, type Page } from '@playwright/test';
import { AppShell, type Files } from './app';

/** 组长汇总: gather sheet bundles, read the figures, decide, sign and export the panel result. */
export class ChairPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('组长汇总');
  }

  async importSheets(files: Files): Promise<void> {
    await this.shell.choose(
      () => this.page.getByRole('button', { name: '导入评分表文件…' }).click(),
      files,
    );
  }

  /** From another profile on this laptop, with that profile's passphrase. */
  async importFromProfile(label: string, passphrase: string): Promise<void> {
    await this.page.getByLabel('本机用户档案').selectOption({ label });
    await this.page.getByLabel('该档案的口令').fill(passphrase);
    await this.page.getByRole('button', { name: '导入', exact: true }).click();
  }

  get outcomes() {
    return this.page.getByTestId('import-outcomes');
  }

  /** Whether the last import's sheets are stored: 正在保存… → 已保存, or why they were not. */
  get saving() {
    return this.page.getByTestId('import-saving');
  }

  get board() {
    return this.page.getByTestId('board');
  }

  /** The ranking table (评分汇总表). */
  get ranking() {
    return this.page.getByTestId('ranking');
  }

  /** An applicant's row of the ranking. */
  row(applicantId: string) {
    return this.ranking.locator(`tr[data-applicant="${applicantId}"]`);
  }

  get method() {
    return this.page.getByTestId('method-statement');
  }

  get findings() {
    return this.page.getByTestId('findings');
  }

  get allRulesPass() {
    return this.page.getByText('✓ 规则校验通过');
  }

  get raceReasons() {
    return this.page.getByTestId('race-reasons');
  }

  /** The race-stage share (第十三条（三）): empty until the panel writes the one it agreed on. */
  get raceShare() {
    return this.page.getByLabel('“赛马”阶段拨付比例（如 30% 或 0.3，第十三条（三））');
  }

  funding(applicantId: string) {
    return this.page.getByLabel(`核定经费（万元） ${applicantId}`);
  }

  get approvedTotal() {
    return this.page.getByTestId('approved-total');
  }

  /** The reason field for an absent member ('E07 冯立'). */
  absence(member: string) {
    return this.page.getByLabel(`${member} 既未提交评分表也未回避——缺席原因`);
  }

  get belowMinReason() {
    return this.page.getByLabel(/^有效评分表少于 \d+ 份：/);
  }

  get opinion() {
    return this.page.getByTestId('opinion');
  }

  get comparison() {
    return this.page.getByTestId('comparison');
  }

  /** The comparison's chart (a canvas), its tooltip and the table of its figures. */
  get raceChart() {
    return this.comparison.getByRole('img', { name: /赛马揭榜方各评分指标平均分的柱状图/ });
  }

  get raceTip() {
    return this.comparison.getByRole('tooltip');
  }

  /** The figures table's rows: the criterion, then each solver's mean as shown. */
  async raceFigures(): Promise<string[][]> {
    return this.comparison
      .getByTestId('race-figures')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
      );
  }

  get signatures() {
    return this.page.getByTestId('signatures');
  }

  get raceSelection() {
    return this.page.getByTestId('race-selection');
  }

  get signButton() {
    return this.page.getByRole('button', { name: '签署并导出专家组评审结果…' });
  }

  /** The confirmation asked before signing (signing is final). */
  get signConfirm() {
    return this.page.getByTestId('sign-confirm');
  }

  get signConfirmButton() {
    return this.signConfirm.getByRole('button', {
      name: '确认签署并导出（签署后锁定，不能再修改）',
    });
  }

  /** Signs (and confirms) and exports the panel result; returns the downloaded bundle's path. */
  async sign(): Promise<string> {
    await expect(this.signButton).toBeEnabled();
    await this.signButton.click();
    await expect(this.signConfirm).toBeVisible();
    return this.shell.download(() => this.signConfirmButton.click());
  }

  get notice() {
    return this.page.getByTestId('chair-notice');
  }

  /** The panel result as signed (read-only, with its date), shown instead of the form. */
  get signedDecision() {
    return this.page.getByTestId('signed-decision');
  }

  get signedAt() {
    return this.page.getByTestId('signed-at');
  }

  /** Prints a form of the meeting (the web host downloads it): the PDF's path and its code. */
  async printForm(form: string): Promise<{ path: string; code: string }> {
    const forms = this.page.getByTestId('meeting-print');
    const path = await this.shell.download(() =>
      forms.getByRole('button', { name: `打印${form}` }).click(),
    );
    const line = forms.getByRole('status').filter({ hasText: `${form}核验码` });
    await expect(line).toBeVisible();
    const code = new RegExp(`${form}核验码：([0-9a-f]{64})`).exec((await line.textContent()) ?? '');
    return { path, code: code?.[1] ?? '' };
  }
}
