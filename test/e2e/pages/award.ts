import { expect, type Page } from '@playwright/test';
import { AppShell, type Files } from './app';

/** A card of the screen, by its test id's tail (award-race, award-assessment…). */
export type AwardCard =
  'race' | 'assessment' | 'change' | 'extension' | 'acceptance' | 'termination';

/** A signer's role as the 身份 select values it. */
export type SignerRole = 'assessor' | 'issuer' | 'bureau' | 'solver';

/**
 * 项目实施与验收: the signed task book's life on one page — the signers, 赛马择优, 里程碑考核,
 * 变更 and 延期, 终止, 验收 — each card filled beside its findings, then signed and exported.
 */
export class AwardPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.go('项目实施与验收');
  }

  get timeline() {
    return this.page.getByTestId('award-timeline');
  }

  /** The money line of the timeline (已拨付, 暂缓). */
  get money() {
    return this.page.getByTestId('award-money');
  }

  get closure() {
    return this.page.getByTestId('award-closure');
  }

  /** The documents signed so far, one list item each. */
  get signed() {
    return this.page.getByTestId('award-signed').getByRole('listitem');
  }

  /** The screen's last message (an export, or why not). */
  get message() {
    return this.page.getByTestId('award-message');
  }

  get signers() {
    return this.page.getByTestId('award-signers');
  }

  card(name: AwardCard) {
    return this.page.getByTestId(`award-${name}`);
  }

  findings(name: AwardCard) {
    return this.card(name).getByTestId('award-findings');
  }

  /** A card's 「✓ 未发现问题」: none of its findings. */
  noFindings(name: AwardCard) {
    return this.card(name).getByText('✓ 未发现问题');
  }

  /** A card's note that its form is not complete yet (its issues held back until edited). */
  incomplete(name: AwardCard) {
    return this.card(name).getByTestId('award-incomplete');
  }

  /** What is to be recovered (第十七条, 第二十条): on the termination and acceptance cards. */
  recovery(name: 'termination' | 'acceptance') {
    return this.card(name).getByTestId('award-recovery');
  }

  signButton(name: AwardCard) {
    return this.card(name).getByTestId(`sign-${name}`).getByRole('button', { name: '签名导出…' });
  }

  /** Enrols a signer with a key of their own and waits for them in the list. */
  async enrol(name: string, role: SignerRole): Promise<void> {
    await this.signers.getByLabel('签名人姓名').fill(name);
    await this.signers.getByLabel('身份').selectOption(role);
    await this.signers.getByRole('button', { name: '登记签名人' }).click();
    await expect(this.signers.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  }

  /**
   * Signs a card's document and saves its bundle; waits for the message naming `id`
   * (RC-1, MA-P2-1…). Returns the downloaded bundle's path.
   */
  async signAndExport(name: AwardCard, id: string): Promise<string> {
    const path = await this.shell.download(() => this.signButton(name).click());
    await expect(this.message).toContainText('已签名导出：');
    await expect(this.message).toContainText(`-${id}.jbx`);
    return path;
  }

  // 赛马择优 (第十二条（八）3, 第十三条（三）)

  /** A racing solver's row, by applicant id. */
  racer(applicantId: string) {
    return this.card('race').getByTestId(`race-${applicantId}`);
  }

  /** Scores a racing solver's stage and enters their race-stage share (万元, as typed). */
  async scoreRacer(applicantId: string, score: string, share: string): Promise<void> {
    await this.racer(applicantId).getByLabel('赛马阶段考核得分').fill(score);
    await this.racer(applicantId).getByLabel('赛马阶段拨付（万元）').fill(share);
  }

  async choose(applicantId: string): Promise<void> {
    await this.racer(applicantId).getByLabel('择优支持').check();
  }

  async decideRace(d: { reason: string; assessedOn: string; approvedOn: string }): Promise<void> {
    const race = this.card('race');
    await race.getByLabel('理由').fill(d.reason);
    await race.getByLabel('考核日期').fill(d.assessedOn);
    await race.getByLabel('市科技局审定日期').fill(d.approvedOn);
  }

  get raceContinuing() {
    return this.card('race').getByTestId('race-continuing');
  }

  get racePlan() {
    return this.card('race').getByTestId('race-plan');
  }

  // 里程碑考核

  async assessMilestone(id: string): Promise<void> {
    await this.card('assessment').getByLabel('里程碑').selectOption(id);
  }

  /** An indicator's 完成情况 (1-based), checked 达到 when `met`. */
  async reportIndicator(n: number, achieved: string, met: boolean): Promise<void> {
    const row = this.card('assessment').getByTestId(`indicator-${n}`);
    await row.getByLabel('完成情况').fill(achieved);
    if (met) await row.getByLabel('达到').check();
  }

  async dateAssessment(assessedOn: string, approvedOn: string): Promise<void> {
    await this.card('assessment').getByLabel('考核日期').fill(assessedOn);
    await this.card('assessment').getByLabel('市科技局审定日期').fill(approvedOn);
  }

  /** Why a tranche is held or cut (第十二条（八）3). */
  async holdBecause(reason: string): Promise<void> {
    await this.card('assessment').getByLabel('理由').fill(reason);
  }

  async attachEvidence(files: Files): Promise<void> {
    await this.shell.choose(
      () => this.card('assessment').getByRole('button', { name: '添加证明材料…' }).click(),
      files,
    );
  }

  /** Re-opens a signed assessment from the list of signed documents (重新打开). */
  async reopen(assessmentId: string): Promise<void> {
    await this.page
      .getByTestId('award-signed')
      .getByRole('button', { name: `重新打开考核表 ${assessmentId}` })
      .click();
  }

  /** The assessment's overall verdict (通过, 未通过). */
  get overall() {
    return this.card('assessment').getByTestId('award-overall');
  }

  // 变更 and 延期 (第十九条)

  async requestChange(c: {
    kind: string;
    from: string;
    to: string;
    reason: string;
    requestedOn: string;
  }): Promise<void> {
    const change = this.card('change');
    await change.getByLabel('变更事项').selectOption(c.kind);
    await change.getByLabel('变更前').fill(c.from);
    await change.getByLabel('变更后').fill(c.to);
    await change.getByLabel('理由').fill(c.reason);
    await change.getByLabel('申请日期').fill(c.requestedOn);
  }

  async requestExtension(e: { requestedOn: string; until: string; reason: string }): Promise<void> {
    const extension = this.card('extension');
    await extension.getByLabel('申请日期').fill(e.requestedOn);
    await extension.getByLabel('延期至').fill(e.until);
    await extension.getByLabel('理由').fill(e.reason);
  }

  // 终止 (第十七条)

  async proposeTermination(t: {
    reason: string;
    decidedOn: string;
    paid: string;
    spent: string;
  }): Promise<void> {
    const termination = this.card('termination');
    await termination.getByLabel('理由').fill(t.reason);
    await termination.getByLabel('决定日期').fill(t.decidedOn);
    await termination.getByLabel('已拨付的市财政资金（万元）').fill(t.paid);
    await termination.getByLabel('其中已使用（万元）').fill(t.spent);
  }

  /** 市科技局 and 发榜方 both agree to the termination. */
  async approveTermination(): Promise<void> {
    await this.card('termination').getByLabel('市科技局审核同意').check();
    await this.card('termination').getByLabel('发榜方审核同意').check();
  }

  async terminationKind(kind: '终止' | '撤销'): Promise<void> {
    await this.card('termination').getByLabel(kind).check();
  }

  // 验收 (第二十条)

  /** Applies for acceptance with the given materials and the issuer's user evaluation. */
  async applyForAcceptance(a: {
    appliedOn: string;
    evaluatedOn: string;
    materials: readonly string[];
  }): Promise<void> {
    const acceptance = this.card('acceptance');
    await acceptance.getByLabel('验收申请日期').fill(a.appliedOn);
    await acceptance.getByLabel('综合绩效评价日期').fill(a.evaluatedOn);
    for (const m of a.materials) await acceptance.getByLabel(m).check();
    await acceptance.getByLabel('发榜方已出具用户技术评价报告').check();
  }

  async concludeAcceptance(conclusion: string): Promise<void> {
    await this.card('acceptance').getByLabel('验收结论').selectOption(conclusion);
  }

  /** Why acceptance failed, and what of the city's money had been paid (万元). */
  async failedBecause(cause: string, paid: string): Promise<void> {
    await this.card('acceptance').getByLabel('未通过的原因').selectOption(cause);
    await this.card('acceptance').getByLabel('已拨付的市财政资金（万元）').fill(paid);
  }
}
