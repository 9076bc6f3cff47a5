import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signSampleDecision, test, type Screens } from './fixtures';

const jiebang = (...args: string[]) =>
  execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], { encoding: 'utf8' });

/** The day `days` after `iso` (negative: before). */
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function exportFrom(app: Page, testId: string, id: string): Promise<string> {
  const download = app.waitForEvent('download');
  await app.getByTestId(testId).getByRole('button', { name: '签名导出…' }).click();
  const path = (await (await download).path()) ?? '';
  await expect(app.getByTestId('award-message')).toContainText('已签名导出：');
  await expect(app.getByTestId('award-message')).toContainText(`-${id}.jbx`);
  return path;
}

/** A signed task book of the sample's horse race (A01 and A02), as the chair finalises it. */
async function finalTaskBook(ui: Screens) {
  const app = ui.page;
  await app.getByRole('link', { name: '任务书' }).click();
  await app.getByRole('button', { name: '起草任务书' }).click();
  await app.getByLabel('合同编号').fill('KKJ-JBGS-2026-021');
  await app.getByLabel('知识产权归属').fill('项目形成的知识产权归揭榜方所有。');
  await app.getByLabel('利益分配').fill('转化收益由揭榜方与发榜方按 7:3 分配。');
  await ui.taskbook.fillRepresentatives({ A01: '周立群', A02: '孟庆和' });
  await expect(app.getByText('✓ 未发现问题')).toBeVisible();
  app.once('dialog', (d) => void d.accept());
  await app.getByRole('button', { name: '定稿' }).click();
  await expect(app.getByLabel('合同编号')).toBeDisabled();
}

test('after the award: a held tranche, the race’s choice, a late extension refused, termination and a failed acceptance with their recoveries, all on the timeline', async ({
  ui,
}) => {
  test.setTimeout(600_000);
  const app = ui.page;
  await ui.gate.create('张志远（实施验收）');
  await ui.review.importSampleAndEnrol(/E01 张志远/);
  await signSampleDecision(ui);
  await finalTaskBook(ui);

  await app.getByRole('link', { name: '项目实施与验收' }).click();
  const timeline = app.getByTestId('award-timeline');
  await expect(timeline).toContainText('实施周期开始');
  const text = await timeline.innerText();
  const end = /实施周期结束：(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? '';
  expect(end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // The draft starts next month: the documents below are dated within the period.
  const start = /(\d{4}-\d{2}-\d{2})\s*已完成\s*实施周期开始/.exec(text)?.[1] ?? '';
  expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Each signer enrols with their own key.
  const signers = app.getByTestId('award-signers');
  for (const [name, role] of [
    ['王建国', 'assessor'],
    ['陈立新', 'issuer'],
    ['克拉玛依市科学技术局', 'bureau'],
    ['新疆水处理技术研究院（示例）', 'solver'],
  ] as const) {
    await signers.getByLabel('签名人姓名').fill(name);
    await signers.getByLabel('身份').selectOption(role);
    await signers.getByRole('button', { name: '登记签名人' }).click();
    await expect(signers.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  }

  // 赛马择优 first: the milestone assessments follow it (第十二条（八）3). Both solvers side by side, A01 chosen; exported and verified by standard tools.
  const race = app.getByTestId('award-race');
  await race.getByTestId('race-A01').getByLabel('赛马阶段考核得分').fill('88');
  await race.getByTestId('race-A02').getByLabel('赛马阶段考核得分').fill('79');
  await race.getByTestId('race-A01').getByLabel('赛马阶段拨付（万元）').fill('120');
  await race.getByTestId('race-A02').getByLabel('赛马阶段拨付（万元）').fill('１２０');
  await race.getByTestId('race-A01').getByLabel('择优支持').check();
  await expect(race.getByTestId('award-findings')).toContainText('择优支持须记录理由');
  await race.getByLabel('理由').fill('中试出水指标全部达到，工艺路线成熟度更高');
  await race.getByLabel('考核日期').fill(shift(start, 300));
  await race.getByLabel('市科技局审定日期').fill(shift(start, 308));
  // The race shares (240) and the chosen solver's tranches after the choice (400) miss the city
  // funding of 800 万元: a warning, which does not stop the signature (第十三条).
  await expect(race.getByTestId('award-findings')).toHaveText(
    '! 赛马阶段拨付 240 万元与择优后各阶段拨付 400 万元合计 640 万元，少于市财政资助 800 万元（相差 160 万元）（第十三条）',
  );
  await expect(race.getByTestId('race-continuing')).toContainText('择优支持后拨付：560 万元');
  // The race shares carried into the tranches, per payee (第十三条（三）).
  await expect(race.getByTestId('race-plan')).toContainText(
    '西部石油大学（示例）牵头联合体：赛马阶段 120 万元；合计 120 万元',
  );
  const chosen = await exportFrom(app, 'sign-race', 'RC-1');
  expect(jiebang('verify', chosen)).toContain('✓ 全部校验通过');
  const dir = mkdtempSync(join(tmpdir(), 'award-race-'));
  execFileSync('unzip', ['-q', chosen, '-d', dir]);
  const sigs = readdirSync(join(dir, 'signatures')).filter((f) => f.endsWith('.sig'));
  expect(sigs).toHaveLength(2);
  for (const sig of sigs) {
    const out = execFileSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        join('signatures', sig.replace('.sig', '.pem')),
        '-rawin',
        '-in',
        'manifest.json',
        '-sigfile',
        join('signatures', sig),
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(out).toContain('Signature Verified Successfully');
  }
  expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toContain(
    'race.json: OK',
  );
  await expect(timeline).toContainText('赛马择优：新疆水处理技术研究院（示例） 继续研究');
  // The race shares are paid: the timeline counts them (第十三条（三）).
  await expect(app.getByTestId('award-money')).toContainText('已拨付 240 万元');

  // 里程碑考核 of P2: one indicator missed → 未通过, its 400 万元 held; signed by three keys.
  const assessment = app.getByTestId('award-assessment');
  await assessment.getByLabel('里程碑').selectOption('P2');
  await assessment.getByTestId('indicator-1').getByLabel('完成情况').fill('4.2 mg/L');
  await assessment.getByTestId('indicator-1').getByLabel('达到').check();
  await assessment.getByTestId('indicator-2').getByLabel('完成情况').fill('3.1 mg/L');
  await assessment.getByLabel('考核日期').fill(shift(start, 660));
  await assessment.getByLabel('市科技局审定日期').fill(shift(start, 665));
  await expect(assessment.getByTestId('award-overall')).toContainText('未通过');
  await expect(assessment.getByTestId('award-findings')).toContainText(
    '暂缓或核减拨付须写明理由（第十二条（八）3）',
  );
  await assessment.getByLabel('理由').fill('出水悬浮物未达到任务书指标，整改复核后再拨付');
  const chooser = app.waitForEvent('filechooser');
  await assessment.getByRole('button', { name: '添加证明材料…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'test-report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 third-party test report'),
  });
  await expect(assessment).toContainText('test-report.pdf');
  await expect(assessment.getByText('✓ 未发现问题')).toBeVisible();
  await app.screenshot({ path: 'docs/screenshots/award-assessment.png', fullPage: true });
  const assessed = await exportFrom(app, 'sign-assessment', 'MA-P2-1');
  const verified = jiebang('verify', assessed);
  expect(verified).toContain('✓ 全部校验通过');
  expect(verified).toContain('王建国');
  expect(verified).toContain('陈立新');
  await expect(timeline).toContainText('里程碑 P2 经费：暂缓拨付');
  await expect(app.getByTestId('award-money')).toContainText('暂缓 400 万元');

  // 延期 requested 20 calendar days before the end: refused, citing 第十九条.
  const extension = app.getByTestId('award-extension');
  await extension.getByLabel('申请日期').fill(shift(end, -20));
  await extension.getByLabel('延期至').fill(shift(end, 180));
  await extension.getByLabel('理由').fill('现场中试因检修停产三个月');
  await expect(extension.getByTestId('award-findings')).toContainText(
    '延期申请应在实施周期到期 30 日前提出（本申请距到期仅 20 日）（第十九条）',
  );
  await expect(extension.getByRole('button', { name: '签名导出…' })).toBeDisabled();

  // 验收 不通过 for a non-objective cause: 第二十条's recovery and integrity investigation.
  const acceptance = app.getByTestId('award-acceptance');
  await acceptance.getByLabel('验收申请日期').fill(shift(end, 10));
  await acceptance.getByLabel('综合绩效评价日期').fill(shift(end, 40));
  for (const m of ['项目综合绩效自评价报告', '科技报告', '资金决算报告', '专项审计报告'])
    await acceptance.getByLabel(m).check();
  await acceptance.getByLabel('发榜方已出具用户技术评价报告').check();
  await acceptance.getByLabel('验收结论').selectOption('fail');
  await expect(acceptance.getByTestId('award-findings')).toContainText(
    '验收结论为“不通过”，须载明未通过是否因客观原因所致（第二十条）',
  );
  await acceptance.getByLabel('未通过的原因').selectOption('not-objective');
  await acceptance.getByLabel('已拨付的市财政资金（万元）').fill('240');
  await expect(acceptance.getByTestId('award-recovery')).toContainText(
    '应收回：240 万元（第二十条）：因非客观原因未通过验收：收回已拨付的市财政科研项目资金，并开展科研诚信调查',
  );
  await expect(acceptance.getByTestId('award-findings')).toContainText(
    '因非客观原因未通过验收：开展科研诚信调查（第二十条）',
  );
  const accepted = await exportFrom(app, 'sign-acceptance', 'ACC-1');
  expect(jiebang('verify', accepted)).toContain('✓ 全部校验通过');

  // 终止: the unspent balance of what was paid is recovered (第十七条).
  const termination = app.getByTestId('award-termination');
  await termination.getByLabel('理由').fill('核心工艺被证明不可行，项目无法继续实施');
  await termination.getByLabel('决定日期').fill(shift(start, 700));
  await termination.getByLabel('已拨付的市财政资金（万元）').fill('240');
  await termination.getByLabel('其中已使用（万元）').fill('185.5');
  await expect(termination.getByTestId('award-findings')).toContainText(
    '终止或撤销须经市科技局与发榜方共同审核同意（第十七条）',
  );
  await termination.getByLabel('市科技局审核同意').check();
  await termination.getByLabel('发榜方审核同意').check();
  await expect(termination.getByTestId('award-recovery')).toContainText(
    '应收回：54.5 万元（第十七条）：项目终止：由发榜方追回并原路退回结余的市财政科研项目资金',
  );
  await termination.getByLabel('撤销').check();
  await expect(termination.getByTestId('award-recovery')).toContainText('应收回：240 万元');
  await termination.getByLabel('终止').check();
  const terminated = await exportFrom(app, 'sign-termination', 'TRM-1');
  expect(jiebang('verify', terminated)).toContain('✓ 全部校验通过');
  await expect(timeline).toContainText('收回 54.5 万元');

  // After the termination no acceptance is taken (第十七条), naming it.
  await expect(acceptance.getByTestId('award-findings')).toContainText(
    '终止（TRM-1），不再受理验收（第十七条）',
  );

  // The project's life on one page.
  await expect(timeline).toContainText('验收结论：不通过');
  await expect(timeline).toContainText('收回 240 万元');
  await expect(timeline).toContainText('项目终止');
  await expect(app.getByTestId('award-closure')).toContainText('已终止');
  await expect(app.getByTestId('award-signed').getByRole('listitem')).toHaveCount(4);
  await timeline.screenshot({ path: 'docs/screenshots/award-timeline.png' });
});
