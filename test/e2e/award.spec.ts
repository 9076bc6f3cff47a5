import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, finalTaskBook, signSampleDecision, test } from './fixtures';

const jiebang = (...args: string[]) =>
  execFileSync(process.execPath, ['out/node/jiebang.mjs', ...args], { encoding: 'utf8' });

/** The day `days` after `iso` (negative: before). */
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test('after the award: a held tranche, the race’s choice, a late extension refused, termination and a failed acceptance with their recoveries, all on the timeline', async ({
  ui,
}) => {
  test.setTimeout(600_000);
  const award = ui.award;
  await ui.gate.create('张志远（实施验收）');
  await ui.review.importSampleAndEnrol(/E01 张志远/);
  await signSampleDecision(ui);
  await finalTaskBook(ui, 'KKJ-JBGS-2026-021');

  await award.open();
  const timeline = award.timeline;
  await expect(timeline).toContainText('实施周期开始');
  const text = await timeline.innerText();
  // Days as the timeline writes them (2029年12月31日), read back as the forms take them.
  const DAY = '(\\d{4})年(\\d{1,2})月(\\d{1,2})日';
  const iso = (m: RegExpExecArray | null) =>
    m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : '';
  const end = iso(new RegExp(`实施周期结束：${DAY}`).exec(text));
  expect(end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // The draft starts next month: its start is still to come (待办, never 已完成 before its day);
  // the documents below are dated within the period.
  const start = iso(new RegExp(`${DAY}\\s*待办\\s*实施周期开始`).exec(text));
  expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

  // The forms as first drawn (F4): nothing said against a form nobody has touched — a note that it
  // is not complete — and never NaN (before anyone is enrolled, the assessment lacks its signers).
  for (const name of ['race', 'assessment', 'change', 'extension', 'termination'] as const) {
    await expect(award.incomplete(name)).toBeVisible();
    await expect(award.findings(name)).toHaveCount(0);
  }
  await expect(ui.page.locator('body')).not.toContainText('NaN');

  // Each signer enrols with their own key. A name hiding a bidi control (「\u202e国建王」 reads as
  // 王建国) is refused at the field and nothing is enrolled; Enter in the name enrols; the same
  // person in the same role a second time is refused, naming the key already enrolled.
  const signerName = award.signers.getByLabel('签名人姓名', { exact: true });
  await signerName.fill('\u202e国建王\u200b');
  await signerName.press('Enter');
  await expect(award.signers.getByRole('alert')).toContainText(
    '签名人姓名：含有双向控制字符 U+202E',
  );
  await expect(award.signers.getByRole('listitem')).toHaveCount(0);
  await signerName.fill('王建\u200b国');
  await expect(signerName).toHaveValue('王建国');
  await signerName.press('Enter');
  await expect(award.signers.getByRole('listitem').filter({ hasText: '王建国' })).toBeVisible();
  await expect(signerName).toHaveValue('');
  await signerName.fill('王建国');
  await signerName.press('Enter');
  await expect(
    ui.page.getByRole('alert').filter({ hasText: '王建国（考核专家）已登记' }),
  ).toBeVisible();
  await expect(award.signers.getByRole('listitem')).toHaveCount(1);
  await award.enrol('陈立新', 'issuer');
  await award.enrol('克拉玛依市科学技术局', 'bureau');
  await award.enrol('新疆水处理技术研究院（示例）', 'solver');

  // A score that is no number is said once typed, in the form's words (第 N 位揭榜方, not
  // solvers.0.score); the other fields stay quiet until edited.
  const race = award.card('race');
  await award.racer('A01').getByLabel('赛马阶段考核得分').fill('八十八');
  await expect(award.findings('race')).toHaveText(
    '✗ 第 1 位揭榜方 赛马阶段考核得分：“八十八”不是数字（只接受如 17 或 17.5 这样的十进制数）',
  );
  // Emptied, it is missing; pressing 签名导出… on the incomplete form says every issue and takes
  // the keyboard to the first.
  await award.racer('A01').getByLabel('赛马阶段考核得分').fill('');
  await expect(award.findings('race')).toHaveText(
    '✗ 第 1 位揭榜方 赛马阶段考核得分：缺少此项（必填）',
  );
  await award.signButton('race').click();
  for (const sentence of [
    '第 1 位揭榜方 赛马阶段考核得分：缺少此项（必填）',
    '第 1 位揭榜方 赛马阶段拨付（万元）：缺少此项（必填，单位万元）',
    '第 2 位揭榜方 赛马阶段考核得分：缺少此项（必填）',
    '择优支持：缺少此项（必填）',
  ])
    await expect(award.findings('race')).toContainText(sentence);
  await expect(award.racer('A01').getByLabel('赛马阶段考核得分')).toBeFocused();
  await expect(race).not.toContainText('solvers.');
  await expect(race).not.toContainText('NaN');

  // 赛马择优 first: the milestone assessments follow it (第十二条（八）3). Both solvers side by side, A01 chosen; exported and verified by standard tools.
  await award.scoreRacer('A01', '８８', '120');
  await award.scoreRacer('A02', '79', '１２０');
  await award.choose('A01');
  await expect(award.findings('race')).toContainText('择优支持须记录理由');
  await award.decideRace({
    reason: '中试出水指标全部达到，工艺路线成熟度更高',
    assessedOn: shift(start, 300),
    approvedOn: shift(start, 308),
  });
  // The race shares (240) and the chosen solver's tranches after the choice (400) miss the city
  // funding of 800 万元: a warning, which does not stop the signature (第十三条).
  await expect(award.findings('race')).toHaveText(
    '! 赛马阶段拨付 240 万元与择优后各阶段拨付 400 万元合计 640 万元，少于市财政资助 800 万元（相差 160 万元）（第十三条）',
  );
  await expect(award.raceContinuing).toContainText('择优支持后拨付：560 万元');
  // The race shares carried into the tranches, per payee (第十三条（三）).
  await expect(award.racePlan).toContainText(
    '西部石油大学（示例）牵头联合体：赛马阶段 120 万元；合计 120 万元',
  );
  const chosen = await award.signAndExport('race', 'RC-1');
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
  await expect(award.money).toContainText('已拨付 240 万元');

  // 里程碑考核 of P2: one indicator missed → 未通过, its 400 万元 held; signed by three keys.
  await award.assessMilestone('P2');
  await award.reportIndicator(1, '4.2 mg/L', true);
  await award.reportIndicator(2, '3.1 mg/L', false);
  await award.dateAssessment(shift(start, 660), shift(start, 665));
  await expect(award.overall).toContainText('未通过');
  await expect(award.findings('assessment')).toContainText(
    '暂缓或核减拨付须写明理由（第十二条（八）3）',
  );
  await award.holdBecause('出水悬浮物未达到任务书指标，整改复核后再拨付');
  await award.attachEvidence({
    name: 'test-report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 third-party test report'),
  });
  await expect(award.card('assessment')).toContainText('test-report.pdf');
  await expect(award.noFindings('assessment')).toBeVisible();
  await ui.page.screenshot({ path: 'docs/screenshots/award-assessment.png', fullPage: true });
  const assessed = await award.signAndExport('assessment', 'MA-P2-1');
  const verified = jiebang('verify', assessed);
  expect(verified).toContain('✓ 全部校验通过');
  expect(verified).toContain('王建国');
  expect(verified).toContain('陈立新');
  await expect(timeline).toContainText('里程碑 P2 经费：暂缓拨付');
  await expect(award.money).toContainText('暂缓 400 万元');

  // The signed assessment re-opened with its evidence, its reason amended, signed again under its
  // own id: it replaces the first (one assessment in the list), and the bundle still verifies.
  await award.reopen('MA-P2-1');
  await expect(award.message).toContainText('已重新打开考核表 MA-P2-1（证明材料 1 份）');
  const card = award.card('assessment');
  await expect(card.getByTestId('award-reopened')).toContainText('正在修改已签署的考核表 MA-P2-1');
  await expect(card.getByTestId('indicator-2').getByLabel('完成情况')).toHaveValue('3.1 mg/L');
  await expect(card.getByTestId('indicator-1').getByLabel('完成情况')).toBeFocused();
  await expect(card).toContainText('test-report.pdf');
  // Leaving the screen and coming back: still re-opened, the message not said again.
  await award.shell.go('首页');
  await award.open();
  await expect(card.getByTestId('award-reopened')).toContainText('正在修改已签署的考核表 MA-P2-1');
  await expect(card.getByLabel('里程碑')).toBeDisabled();
  await expect(card).toContainText('test-report.pdf');
  await expect(award.message).toHaveCount(0);
  await award.holdBecause('出水悬浮物未达到任务书指标，整改并经第三方复测后再拨付');
  const amended = await award.signAndExport('assessment', 'MA-P2-1');
  const reverified = jiebang('verify', amended);
  expect(reverified).toContain('✓ 全部校验通过');
  await expect(award.signed.filter({ hasText: '里程碑考核 P2' })).toHaveCount(1);
  await expect(card.getByTestId('award-reopened')).toHaveCount(0);

  // 延期 requested 20 calendar days before the end: refused, citing 第十九条.
  await award.requestExtension({
    requestedOn: shift(end, -20),
    until: shift(end, 180),
    reason: '现场中试因检修停产三个月',
  });
  await expect(award.findings('extension')).toContainText(
    '延期申请应在实施周期到期 30 日前提出（本申请距到期仅 20 日）（第十九条）',
  );
  await expect(award.signButton('extension')).toBeDisabled();
  // The card's 原到期日 as officials write a date (2029年6月30日), never the ISO 2029-06-30.
  const [y, m, d] = end.split('-').map(Number);
  await expect(award.card('extension')).toContainText(`原到期日：${y}年${m}月${d}日`);
  await expect(award.card('extension')).not.toContainText(end);

  // 验收 不通过 for a non-objective cause: 第二十条's recovery and integrity investigation.
  await award.applyForAcceptance({
    appliedOn: shift(end, 10),
    evaluatedOn: shift(end, 40),
    materials: ['项目综合绩效自评价报告', '科技报告', '资金决算报告', '专项审计报告'],
  });
  await award.concludeAcceptance('fail');
  await expect(award.findings('acceptance')).toContainText(
    '验收结论为“不通过”，须载明未通过是否因客观原因所致（第二十条）',
  );
  await award.failedBecause('not-objective', '240');
  await expect(award.recovery('acceptance')).toContainText(
    '应收回：240 万元（第二十条）：因非客观原因未通过验收：收回已拨付的市财政科研项目资金，并开展科研诚信调查',
  );
  await expect(award.findings('acceptance')).toContainText(
    '因非客观原因未通过验收：开展科研诚信调查（第二十条）',
  );
  const accepted = await award.signAndExport('acceptance', 'ACC-1');
  expect(jiebang('verify', accepted)).toContain('✓ 全部校验通过');

  // 终止: the unspent balance of what was paid is recovered (第十七条).
  await award.proposeTermination({
    reason: '核心工艺被证明不可行，项目无法继续实施',
    decidedOn: shift(start, 700),
    paid: '240',
    spent: '185.5',
  });
  await expect(award.findings('termination')).toContainText(
    '终止或撤销须经市科技局与发榜方共同审核同意（第十七条）',
  );
  await award.approveTermination();
  await expect(award.recovery('termination')).toContainText(
    '应收回：54.5 万元（第十七条）：项目终止：由发榜方追回并原路退回结余的市财政科研项目资金',
  );
  await award.terminationKind('撤销');
  await expect(award.recovery('termination')).toContainText('应收回：240 万元');
  await award.terminationKind('终止');
  const terminated = await award.signAndExport('termination', 'TRM-1');
  expect(jiebang('verify', terminated)).toContain('✓ 全部校验通过');
  await expect(timeline).toContainText('收回 54.5 万元');

  // After the termination no acceptance is taken (第十七条), naming it.
  await expect(award.findings('acceptance')).toContainText(
    '终止（TRM-1），不再受理验收（第十七条）',
  );

  // The project's life on one page.
  await expect(timeline).toContainText('验收结论：不通过');
  await expect(timeline).toContainText('收回 240 万元');
  await expect(timeline).toContainText('项目终止');
  await expect(award.closure).toContainText('已终止');
  await expect(award.signed).toHaveCount(4);
  await timeline.screenshot({ path: 'docs/screenshots/award-timeline.png' });
});
