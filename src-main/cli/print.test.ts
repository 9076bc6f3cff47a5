/**
 * The meeting pack through `jiebang print` (issue 19): each form read back by poppler and qpdf —
 * its Chinese text and the sample's figures (amounts in capitals), embedded subset fonts only, a
 * clean file, every glyph inside the margins (also for a hostile roster of 20 experts with long
 * affiliations and 𠮷/堃 in names); the 评分汇总表's figures equal `jiebang score --json` and
 * cells computed by hand; `verify-print` ties a form's code to its record.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodSentence } from '../../src-shared/decision';
import { aggregate } from '../../src-shared/scoring';
import { buildForm, FormKindSchema, type FormKind } from '../../src-shared/meeting';
import {
  PanelDecisionSchema as DecisionSchema,
  type ReviewPackage,
  type ScoreSheet,
} from '../../src-shared/model';
import { appHandlers } from '../handlers/app';
import { sampleDecision, samplePackage, sampleSheets } from '../../src-shared/sample-fixture';
import { renderJob } from '../pdf/jobs';
import { assertOnlyEmbeddedFonts, assertQpdfClean, flatText, sh, words } from '../pdf/pdf-checks';
import { runForTest } from './run-for-test';

const S = 'resources/sample';
const SHEETS = ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'].map(
  (e) => `${S}/sheets/${e}.json`,
);
const MARGIN = 48;

async function printed(form: string, ...extra: string[]): Promise<{ path: string; code: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'jb-print-'));
  const path = join(dir, `${form}.pdf`);
  const r = await runForTest(
    'print',
    form,
    '--package',
    `${S}/review-package.json`,
    ...extra,
    '-o',
    path,
  );
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const code = /核验码：([0-9a-f]{64})/.exec(r.out)?.[1] ?? '';
  expect(code).toMatch(/^[0-9a-f]{64}$/);
  return { path, code };
}

/** No glyph outside the margins (the footer sits inside the bottom margin, above the edge). */
function assertInsideMargins(path: string) {
  const all = words(path);
  expect(all.length).toBeGreaterThan(0);
  const outside = all.filter(
    (w) =>
      w.xMin < MARGIN - 2 ||
      w.xMax > w.pageWidth - MARGIN + 2 ||
      w.yMin < MARGIN - 20 ||
      w.yMax > w.pageHeight - MARGIN + 20 + 2,
  );
  expect(outside).toEqual([]);
}

function assertSound(path: string) {
  assertOnlyEmbeddedFonts(path);
  assertQpdfClean(path);
  assertInsideMargins(path);
}

const WITH_SHEETS = [...SHEETS, '--decision', `${S}/decision.json`];

describe('jiebang print: the meeting pack', () => {
  it('签到表, 保密承诺书及回避声明 and the blank 评分表 print the roster, the pledge and the rubric', async () => {
    const pkg = samplePackage();
    const signIn = await printed('sign-in');
    const text = flatText(signIn.path);
    for (const s of ['专家评审会议签到表', '签到时间', '专业领域', '2026年12月8日', signIn.code])
      expect(text).toContain(s);
    for (const e of pkg.panel.experts) expect(text).toContain(e.name);
    assertSound(signIn.path);

    const pledge = await printed('保密承诺书及回避声明');
    const pledgeText = flatText(pledge.path);
    expect(pledgeText).toContain('保密承诺（第七条）');
    for (const kind of ['近三年内在该单位任职', '与揭榜方为同一单位', '其他可能影响公正评审的情形'])
      expect(pledgeText).toContain(kind);
    // One page per expert, every applicant listed with a tick box.
    expect(pledgeText).toContain(`第${pkg.panel.experts.length}页共${pkg.panel.experts.length}页`);
    for (const a of pkg.applicants) expect(pledgeText).toContain(`${a.id}${a.name}□`);
    assertSound(pledge.path);

    const blank = await printed('blank-sheet');
    const blankText = flatText(blank.path);
    for (const c of pkg.rubric.criteria) expect(blankText).toContain(`${c.id}${c.name}`);
    expect(blankText).toContain('签名密钥指纹');
    expect(blankText).toContain(`第${pkg.applicants.length}页共${pkg.applicants.length}页`);
    assertSound(blank.path);
  });

  it('专家组意见: the opinion, the list, the race, the total in figures and capitals, a line per member', async () => {
    const { path, code } = await printed('opinion', ...WITH_SHEETS);
    const text = flatText(path);
    for (const s of [
      '专家组评审意见',
      '揭榜方建议名单',
      '新疆水处理技术研究院（示例）',
      '400万元肆佰万元整',
      '800万元（大写：捌佰万元整）',
      '采用“赛马制”',
      '按去掉一个最高分和一个最低分后平均汇总',
      '决定日期：＿＿＿＿年＿＿月＿＿日',
      code,
    ])
      expect(text).toContain(s);
    for (const e of samplePackage().panel.experts) expect(text).toContain(e.name);
    expect(text.match(/签字：＿＿＿＿＿＿＿＿日期：＿＿＿＿年＿＿月＿＿日/g)?.length).toBe(7);
    assertSound(path);
  });

  it('专家评审费签收表: the amounts entered when printing, in figures and capitals, and their sum', async () => {
    const { path } = await printed(
      'fees',
      '--fee',
      'E01=1500',
      '--fee',
      'E02=１０００.5',
      '--fee',
      'E03=3500',
      '--id-digits',
      'E01=123x',
    );
    const text = flatText(path);
    for (const s of [
      '1,500.00元壹仟伍佰元整',
      '1,000.50元壹仟元伍角整',
      '3,500.00元叁仟伍佰元整',
      '123X',
      '合计：6,000.50元（大写：人民币陆仟元伍角整）',
    ])
      expect(text).toContain(s);
    // The 经办人's line reads as one line, its date as officials print a blank one.
    const lines = sh('pdftotext', ['-layout', path, '-']).split('\n');
    expect(lines.map((l) => l.trim())).toContain(
      '经办人：＿＿＿＿＿＿＿＿ 日期：＿＿＿＿年＿＿月＿＿日',
    );
    assertSound(path);
  });

  it('专家评审费签收表: a fee refused in the money reader’s words, as every amount door says it (once only 「值不正确」)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-print-fee-'));
    const fee = (value: string) =>
      runForTest(
        'print',
        'fees',
        '--package',
        `${S}/review-package.json`,
        '--fee',
        `E03=${value}`,
        '-o',
        join(dir, 'fees.pdf'),
      );
    const sci = await fee('1e3');
    expect(sci.code).toBe(2);
    expect(sci.err).toContain(
      '--fee E03=1e3：“1e3”是科学计数法：金额须直接写出数字（如 400，不写 4e2）',
    );
    const negative = await fee('-5');
    expect(negative.err).toContain('--fee E03=-5：“-5”是负数：金额不能为负');
    const words = await fee('一千五');
    expect(words.err).toContain(
      '--fee E03=一千五：“一千五”不是评审费金额：以元计，只填数字（如 1500 或 1,500.50）',
    );
    expect(`${sci.err}${negative.err}${words.err}`).not.toContain('值不正确');
  });

  it('评分汇总表: the figures pdftotext reads equal jiebang score --json, and three cells by hand', async () => {
    const { path } = await printed('summary', ...SHEETS);
    const text = flatText(path);
    const score = await runForTest(
      'score',
      '--package',
      `${S}/review-package.json`,
      ...SHEETS,
      '--json',
    );
    const json: {
      methodStatement: string;
      ranking: {
        rank: number | null;
        applicantId: string;
        name: string;
        mean: string;
        trimmedMean: string;
        median: string;
        spread: string;
        validSheets: number;
        criterionMeans: Record<string, string>;
        experts: { expertId: string; total: string; dropped: string | null }[];
      }[];
    } = JSON.parse(score.out);
    expect(text).toContain(`汇总方法：${json.methodStatement}`);
    for (const r of json.ranking) {
      // The figures row, cell after cell as the table prints them.
      expect(text).toContain(
        `${r.rank ?? '—'}${r.applicantId}${r.name}${r.mean}${r.trimmedMean}${r.median}${r.spread}${Object.values(r.criterionMeans).join('')}${r.validSheets}去极值平均`,
      );
      // Each expert's total, a dropped one in parentheses.
      for (const e of r.experts) expect(text).toContain(e.dropped ? `(${e.total})` : e.total);
    }
    // By hand: A04 = 72, 70, 75, 40, 71, 73, 69 → mean 470/7 = 67.14; trimmed (75 and 40 dropped)
    // 355/5 = 71.00. A03 without E05 (recused) = 85, 84, 86, 83, 87, 82 → mean 507/6 = 84.50.
    expect(text).toContain('4A04天山新材料研究所（示例）67.1471.00');
    expect(text).toContain('3A03准噶尔能源技术有限公司（示例）84.50');
    expect(text).toContain('A03准噶尔能源技术有限公司（示例）85.0084.0086.0083.00回避');
    expect(text).toContain('偏离-31.67分');
    // Each header term of 汇总得分 on one line (not 「去极值平」 over 「均」).
    const layout = sh('pdftotext', ['-layout', path, '-']).split('\n');
    const head = layout.find((l) => l.includes('中位数')) ?? '';
    expect(head).toMatch(/平均\s+去极值平均\s+中位数\s+极差\s+C1均分.*有效\s+汇总方法$/);
    expect(layout[layout.indexOf(head) + 1]?.trim()).toBe('');
    assertSound(path);
  });

  it('评分汇总表 of 4 valid sheets says the plain mean was used, and why (issue 14)', async () => {
    const four = SHEETS.slice(0, 4);
    const pkg = samplePackage();
    const agg = aggregate(
      pkg,
      sampleSheets().filter((s) => ['E01', 'E02', 'E03', 'E04'].includes(s.expertId)),
    );
    const sentence = methodSentence(pkg, agg).replace(/\s/g, '');
    expect(sentence).toContain('按算术平均汇总（评审包规定');
    const { path } = await printed('summary', ...four);
    const text = flatText(path);
    expect(text).toContain(sentence);
    expect(text).not.toContain('按去掉一个最高分和一个最低分后平均汇总');
  });

  it('verify-print ties a form code to its record, and says when the record differs', async () => {
    const { code } = await printed('summary', ...WITH_SHEETS);
    const ok = await runForTest(
      'verify-print',
      '--code',
      code,
      '--package',
      `${S}/review-package.json`,
      ...WITH_SHEETS,
    );
    expect(ok.out).toContain('✓ 一致：打印件是评审包 KLMY-2026-JB-001 的评分汇总表');
    expect(ok.code).toBe(0);
    const blank = await printed('sign-in');
    const qr = `jiebang:form:sign-in:KLMY-2026-JB-001:${blank.code}`;
    const viaQr = await runForTest(
      'verify-print',
      '--code',
      qr,
      '--package',
      `${S}/review-package.json`,
    );
    expect(viaQr.code).toBe(0);
    // Six sheets: the 评分汇总表 of seven no longer matches.
    const fewer = await runForTest(
      'verify-print',
      '--code',
      code,
      '--package',
      `${S}/review-package.json`,
      ...SHEETS.slice(1),
    );
    expect(fewer.code).toBe(1);
    expect(fewer.out).toContain('✗ 不一致');
  });

  it('the app door (form:pdf, what the chair print button calls) prints the same form as the CLI', async () => {
    const { path, code } = await printed('opinion', ...WITH_SHEETS);
    const pkg = samplePackage();
    const decision = DecisionSchema.parse(JSON.parse(await readFile(`${S}/decision.json`, 'utf8')));
    const built = buildForm('opinion', { pkg, agg: aggregate(pkg, sampleSheets()), decision });
    if (!built.ok) throw new Error(built.message);
    expect(built.layout.code).toBe(code);
    const { bytes } = await appHandlers['form:pdf'](
      { layout: built.layout },
      { kind: 'web', dataDir: '/nonexistent', isPackaged: false, resourcesDir: 'resources' },
    );
    const viaApp = join(await mkdtemp(join(tmpdir(), 'jb-print-')), 'app.pdf');
    await writeFile(viaApp, bytes);
    expect(flatText(viaApp)).toBe(flatText(path));
  });

  it('page 1 of each form as the README shows it (docs/screenshots/forms-*.png, pdftoppm at 50 dpi)', async () => {
    const inputs: Record<FormKind, string[]> = {
      'sign-in': [],
      pledge: [],
      'blank-sheet': [],
      summary: SHEETS,
      opinion: WITH_SHEETS,
      fees: ['--fee', 'E01=1500', '--fee', 'E02=1000', '--id-digits', 'E01=123X'],
    };
    for (const form of FormKindSchema.options) {
      const { path } = await printed(form, ...inputs[form]);
      const image = `docs/screenshots/forms-${form}`;
      execFileSync('pdftoppm', [
        '-r',
        '50',
        '-png',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        path,
        image,
      ]);
      const png = await readFile(`${image}.png`);
      // A PNG, and an A4 page at 50 dpi (414 × 585 pixels, either way round).
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect([Math.min(w, h), Math.max(w, h)]).toEqual([414, 585]);
    }
  });

  it('refuses a form it does not know and a form without what it needs, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-print-'));
    const out = join(dir, 'x.pdf');
    const unknown = await runForTest(
      'print',
      'minutes',
      '--package',
      `${S}/review-package.json`,
      '-o',
      out,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('没有表格「minutes」');
    const bare = await runForTest(
      'print',
      'opinion',
      '--package',
      `${S}/review-package.json`,
      ...SHEETS,
      '-o',
      out,
    );
    expect(bare.err).toContain('打印专家组意见需要专家组意见（决定）');
    expect(existsSync(out)).toBe(false);
  });
});

/** 20 experts, long affiliations, 𠮷 (Extension B) and 堃 in names; sheets from the sample's. */
function hostile(): { pkg: ReviewPackage; sheets: ScoreSheet[] } {
  const base = samplePackage();
  const names = ['𠮷田堃', '王堃', '欧阳𠮷祥', '司马懿', '李'];
  const [first] = base.panel.experts;
  if (!first) throw new Error('sample roster');
  const experts = Array.from({ length: 20 }, (_, i) => ({
    ...first,
    id: `E${String(i + 1).padStart(2, '0')}`,
    name: `${names[i % names.length] ?? '张'}${i + 1}`,
    role: i === 0 ? ('chair' as const) : ('member' as const),
    organisation:
      '中国石油天然气股份有限公司新疆油田分公司勘探开发研究院采油工艺研究所（国家重点实验室联合研究中心）'.repeat(
        1 + (i % 2),
      ),
    expertise: '油气田采出水处理、膜分离、高级氧化、电化学水处理与回用工程',
  }));
  const pkg: ReviewPackage = { ...base, panel: { ...base.panel, experts } };
  const sample = sampleSheets();
  const sheets = experts.map((e, i) => {
    const s = sample[i % sample.length] ?? sample[0];
    if (!s) throw new Error('sample sheet');
    return { ...s, expertId: e.id };
  });
  return { pkg, sheets };
}

describe('the meeting pack with a hostile roster', () => {
  it('keeps every glyph of every form inside the margins, 𠮷 and 堃 printed', async () => {
    const { pkg, sheets } = hostile();
    const agg = aggregate(pkg, sheets);
    const decision = sampleDecision({
      dissent: [{ expertId: 'E03', reason: '认为赛马阶段拨付比例偏高，建议 0.2。'.repeat(3) }],
    });
    const dir = await mkdtemp(join(tmpdir(), 'jb-hostile-'));
    const fees = Object.fromEntries(pkg.panel.experts.map((e) => [e.id, '1500']));
    for (const form of FormKindSchema.options satisfies readonly FormKind[]) {
      const built = buildForm(form, { pkg, agg, decision, fees });
      if (!built.ok) throw new Error(built.message);
      const { bytes, missing } = await renderJob({ kind: 'form', layout: built.layout });
      expect(missing).toEqual([]);
      const path = join(dir, `${form}.pdf`);
      await writeFile(path, bytes);
      assertSound(path);
      if (form !== 'blank-sheet') {
        const text = flatText(path);
        expect(text).toContain('𠮷田堃1');
        expect(text).toContain('王堃2');
      }
    }
  }, 120_000);
});
