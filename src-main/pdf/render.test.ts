import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { needsFallback, prepareFonts } from './fonts';
import { unprintableChars } from '../../src-shared/text/print-glyphs';
import { assertOnlyEmbeddedFonts, sh, words } from './pdf-checks';
import { taskBookCode, taskBookQrText } from '../../src-shared/taskbook';
import { renderScoreSheetPdf, renderTaskBookPdf } from './render';
import { renderNoticePdf } from './notice';
import type { Notice } from '../../src-shared/bureau/notice';
import { officialAmount } from '../../src-shared/money';
import { formatDateZh } from '../../src-shared/text/date';
import { samplePackage, sampleSheets } from '../../src-shared/sample-fixture';
import decimalsCase from '../../test/fixtures/cases/taskbook/decimals-and-thousands.json';
import invisibleCase from '../../test/fixtures/cases/taskbook/invisible-and-emoji.json';

const A4 = { width: 595.28, height: 841.89 };

async function sample(): Promise<TaskBook> {
  return TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
}

async function rendered(tb: TaskBook): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jb-pdf-'));
  const path = join(dir, 'tb.pdf');
  await writeFile(path, await renderTaskBookPdf(tb));
  return path;
}

const flat = (text: string) => text.replace(/\s+/g, '');

/** Every string a task book holds, as the PDF prints it (money in 万元, labels for codes). */
function printedStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    if (value.trim() === '' || ['role', 'projectType', 'status'].includes(key)) return [];
    // Amounts print in figures and capitals, dates as 2027年1月1日 (officialAmount, formatDateZh).
    if (['city', 'issuer', 'selfRaised', 'contractAmount'].includes(key))
      return [officialAmount(value)];
    if (['start', 'end', 'due'].includes(key)) return [formatDateZh(value)];
    return [value];
  }
  if (Array.isArray(value)) return value.flatMap((v) => printedStrings(v, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => printedStrings(v, k));
  return [];
}

function assertInsideTextArea(path: string) {
  const outside = words(path).filter(
    (w) => w.xMin < 56 - 2 || w.xMax > A4.width - 56 + 2 || w.yMin < 0 || w.yMax > A4.height,
  );
  // The only words allowed past the side margins are none; the footer sits inside the bottom margin.
  expect(outside).toEqual([]);
}

describe('task book PDF', () => {
  it('has searchable Chinese text, embedded subset fonts only, passes qpdf, and has the expected pages', async () => {
    const tb = await sample();
    const path = await rendered(tb);
    const text = sh('pdftotext', ['-layout', path, '-']);
    const flat = text.replace(/\s+/g, '');
    for (const s of [
      // Each solver's own chief expert (第十二条（八）).
      '二、首席专家',
      '新疆水处理技术研究院（示例）：王建国（研究员，新疆水处理技术研究院（示例））',
      '西部石油大学（示例）牵头联合体：李明哲（教授，西部石油大学（示例））',
      '任务书（军令状）',
      '油田采出水深度处理与回用关键技术',
      '克拉玛依市科学技术局',
      '“赛马”阶段考核目标',
      '知识产权归属与利益分配（第十五条）',
      '第1页共5页',
      '第5页共5页',
      taskBookCode(tb),
    ]) {
      expect(flat).toContain(s);
    }
    // The code in groups of four, as people copy it from paper; no command line on the print.
    expect(text).toContain(
      taskBookCode(tb)
        .slice(0, 32)
        .replace(/(.{4})(?!$)/g, '$1 '),
    );
    expect(text).not.toContain('jiebang');
    // No stray hyphens at line ends, and no line starts with closing punctuation (避头尾).
    expect(text).not.toMatch(/[\u4e00-\u9fff（）]-\s*$/m);
    expect(text).not.toMatch(/^\s*[，。、；：？！）》」]/m);
    const fonts = sh('pdffonts', [path])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)(SC|JP)-/);
      expect(line).toMatch(/ yes yes /);
    }
    expect(sh('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    expect(sh('pdfinfo', [path])).toMatch(/Pages:\s+5/);
    assertInsideTextArea(path);
  });

  it('prints a QR code that scans back to the task book verification text', async () => {
    const tb = await sample();
    const path = await rendered(tb);
    // The last page, drawn by poppler at 150 dpi in grey (a binary PGM: header, then a byte a pixel).
    const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [path]))?.[1]);
    const pgm = execFileSync(
      'pdftoppm',
      ['-r', '150', '-gray', '-f', `${pages}`, '-l', `${pages}`, path],
      { maxBuffer: 64 << 20 },
    );
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    const width = Number(header?.[1]);
    const height = Number(header?.[2]);
    const grey = pgm.subarray(header?.[0].length ?? 0);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba.fill(grey[i] ?? 255, 4 * i, 4 * i + 3);
      rgba[4 * i + 3] = 255;
    }
    expect(jsQR(rgba, width, height)?.data).toBe(taskBookQrText(tb));
  });

  it('keeps hostile content inside the margins: long unbroken strings, 200 milestones, rare names, empty fields', async () => {
    const tb = await sample();
    const long =
      'https://example.org/contracts/KLMY-JB-2026-000000000000000000000000000000000000000000000000/annex?id=1234567890123456789012345678901234567890';
    tb.contractNumber = long;
    tb.objectives = '';
    tb.chiefExpert = { name: '陈堃、赵喆、刘珺、孙昇、吉𠮷', title: '', organisation: long };
    tb.milestones = Array.from({ length: 200 }, (_, i) => ({
      id: `M${i + 1}`,
      title: `第${i + 1}个里程碑：${'超长标题不断行测试'.repeat(3)}`,
      due: '2028-01-01',
      deliverables: [`交付物${i + 1}：${long.slice(0, 60 + (i % 40))}`],
      indicators:
        i % 3 === 0
          ? []
          : ['指标ＡＢＣ１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０'],
      tranche: '4',
    }));
    const path = await rendered(tb);
    const text = sh('pdftotext', [path, '-']);
    // 𠮷 (CJK Extension B) is not in Noto SC: it comes from the embedded Noto Serif JP fallback.
    expect(text).toContain('陈堃、赵喆、刘珺、孙昇、吉𠮷');
    const fonts = sh('pdffonts', [path]);
    for (const line of fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim()))
      expect(line).toMatch(/ yes yes /);
    // The body's stack names the fallback because this book needs it (needsFallback).
    expect(fonts).toMatch(/\+NotoSerifJP-Regular /);
    expect(text).toContain('第200个里程碑');
    expect(text).not.toMatch(/[\u4e00-\u9fff]-\n/);
    assertInsideTextArea(path);
  }, 120_000);
});

/**
 * The right end of each line of a paragraph (by baseline, top to bottom): the words on the page of
 * the first word holding `first`, from that word's line down to the line above the word holding
 * `next`.
 */
function lineEnds(path: string, first: string, next: string): number[] {
  const all = words(path);
  const page = all.find((w) => w.text.includes(first))?.page;
  const onPage = all.filter((w) => w.page === page);
  const top = onPage.find((w) => w.text.includes(first))?.yMin ?? 0;
  const bottom = onPage.find((w) => w.text.includes(next))?.yMin ?? 0;
  const lines = new Map<number, number>();
  for (const w of onPage.filter((x) => x.yMin >= top - 1 && x.yMax <= bottom)) {
    const y = Math.round(w.yMax);
    lines.set(y, Math.max(lines.get(y) ?? 0, w.xMax));
  }
  return [...lines].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
}

/** Within two characters of the right margin (a line may not start with a closing mark, so one moves down). */
const REACHES_MARGIN = A4.width - 56 - 22;

describe('the fixed text of the task book', () => {
  it('fills each line of 七、其他约定 to the right margin (no break at the spaces beside figures)', async () => {
    const path = await rendered(await sample());
    // The paragraph's lines, below its heading and above the next: each but the last reaches the right margin.
    const ends = lineEnds(path, '其他约定', '签署').slice(1);
    expect(ends.length).toBeGreaterThanOrEqual(3);
    for (const end of ends.slice(0, -1)) expect(end).toBeGreaterThan(REACHES_MARGIN);
  }, 120_000);
});

describe('what the user typed fills its lines (spaces beside figures)', () => {
  // A long paragraph as people type it, a space on each side of a figure: left to react-pdf, every
  // line holding a space ended at it (「…连续运行 180」, the rest of the line empty).
  const PARAGRAPH =
    '针对油田高含油、高悬浮物、高矿化度采出水的处理难题，研发深度处理与回用成套技术，建成示范工程并连续运行 180 天，处理后水质满足油田回注及工业回用要求，形成可复制、可推广的技术规范和工程设计方法，为油田绿色低碳发展提供技术支撑。项目实施期间，揭榜方应按季度向发榜方报告进展，关键设备应在示范现场完成不少于 90 天的稳定性考核，并对膜组件污染、药剂投加量和能耗指标进行连续监测，形成完整的运行数据和分析报告，出水含油量 ≤ 5 mg/L，悬浮物含量和粒径中值满足回注标准，示范工程结束后移交发榜方继续运行 2 年以上。';

  it('runs every line but the last to the right margin, and prints exactly what was typed', async () => {
    const tb = await sample();
    tb.objectives = PARAGRAPH;
    const path = await rendered(tb);
    const ends = lineEnds(path, '针对油田', '二、首席专家');
    expect(ends.length).toBeGreaterThanOrEqual(5);
    for (const end of ends.slice(0, -1)) expect(end).toBeGreaterThan(REACHES_MARGIN);
    // The characters as typed: its lines joined give the paragraph, spaces as spaces (U+0020).
    const text = sh('pdftotext', [path, '-']);
    expect(text).not.toContain('\u00a0');
    const start = text.indexOf('针对油田');
    const lines = text.slice(start, text.indexOf('二、首席专家')).trim().split('\n');
    expect(lines.length).toBe(ends.length);
    expect(lines.join('')).toBe(PARAGRAPH);
  }, 120_000);
});

describe('what the user entered is what prints (issue 14, point 7)', () => {
  it('walks every string of the sample task book and finds it in the PDF text', async () => {
    const tb = await sample();
    const text = flat(sh('pdftotext', [await rendered(tb), '-']));
    const strings = printedStrings(tb);
    expect(strings).toContain('乌鲁木齐市');
    expect(strings).toContain('王建国');
    for (const s of strings) expect(text, s).toContain(flat(s));
    // As officials write them: the period in 年月日, amounts in figures and capitals.
    expect(text).toContain('实施周期：2027年1月1日至2029年6月30日');
    expect(text).toContain('市财政科研项目资金：800万元（大写：捌佰万元整）');
    expect(text).toContain('发榜方投入：1,200万元（大写：壹仟贰佰万元整）');
    for (const label of [
      '甲方（市科技局）',
      '乙方（发榜方）',
      '丙方（揭榜方）',
      '企业出题技术攻关项目',
      '（草稿）',
    ])
      expect(text).toContain(label);
  });

  it('taskbook/decimals-and-thousands.json: numbers never break inside; only embedded fonts', async () => {
    const tb = TaskBookSchema.parse(decimalsCase);
    const path = await rendered(tb);
    const text = sh('pdftotext', [path, '-']);
    // Each number whole on its line, as often as the task book holds it.
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    const source = printedStrings(tb).join('\n');
    for (const n of ['30,000', '12.5']) expect(count(text, n), n).toBe(count(source, n));
    expect(text).not.toMatch(/(30,|12\.)\n/);
    assertOnlyEmbeddedFonts(path);
  }, 60_000);

  it('taskbook/invisible-and-emoji.json: bidi refused by code point and field; zero-width dropped; an emoji named and printed as its code point, never from Helvetica', async () => {
    const refused = TaskBookSchema.safeParse(invisibleCase);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['milestones', 1, 'indicators', 0]);
    expect(refused.error?.issues[0]?.message).toContain('U+202E');
    const tb = TaskBookSchema.parse(
      JSON.parse(JSON.stringify(invisibleCase).replace(/[\u202a-\u202e]/g, '')),
    );
    expect(tb.milestones[0]?.title).toBe('立项：实施方案与中试设计✅');
    expect(unprintableChars(JSON.stringify(tb))).toEqual(['✅', '😀']);
    const path = await rendered(tb);
    const text = sh('pdftotext', [path, '-']);
    expect(flat(text)).toContain('立项：实施方案与中试设计[U+2705]');
    expect(flat(text)).toContain('[U+1F600]RTL');
    expect(flat(text)).toContain('实施方案（含附件）v2');
    assertOnlyEmbeddedFonts(path);
  }, 60_000);

  it('the paper score sheet prints line breaks, tabs and emoji in comments with embedded fonts only', async () => {
    const [sheet] = sampleSheets();
    if (!sheet?.scores[0]?.criteria[0]) throw new Error('sample');
    sheet.scores[0].criteria[0].comment = '第一行\n第二行\t好😀';
    sheet.scores[0].overallOpinion = '建议支持。\r\n理由见评语。';
    const dir = await mkdtemp(join(tmpdir(), 'jb-pdf-'));
    const path = join(dir, 'sheet.pdf');
    await writeFile(path, await renderScoreSheetPdf(samplePackage(), sheet, 'ab'.repeat(32)));
    const text = flat(sh('pdftotext', [path, '-']));
    expect(text).toContain('第一行第二行好[U+1F600]');
    // The time it was submitted as the expert's clock said it, in Beijing time: not the stored ISO.
    expect(text).toContain('提交时间：2026年12月8日11:30（北京时间）');
    assertOnlyEmbeddedFonts(path);
  }, 60_000);
});

describe('notices', () => {
  const rendered = async (notice: Notice): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-pdf-'));
    const path = join(dir, 'notice.pdf');
    await writeFile(path, (await renderNoticePdf(notice)).bytes);
    return flat(sh('pdftotext', [path, '-']));
  };
  const notice = {
    title: '“揭榜挂帅”项目立项公示',
    rows: [['项目名称', '示例']],
    footer: [],
  } satisfies Notice;

  it('a package’s notice ends with the hand-over line; a public notice with its publisher, no 领取人签字', async () => {
    expect(await rendered(notice)).toContain('领取人签字');
    const publicity = await rendered({ ...notice, signLines: ['克拉玛依市科学技术局'] });
    expect(publicity).toContain('克拉玛依市科学技术局');
    expect(publicity).not.toContain('领取人签字');
    expect(publicity).not.toContain('经办人签字');
  }, 60_000);
});

describe('glyph coverage', () => {
  it('lists only the characters no print font has, once each', () => {
    expect(unprintableChars('陈堃 赵喆 刘珺 孙昇 吉𠮷 ABC１２３，。\n')).toEqual([]);
    // 𪚥 (U+2A6A5, Extension B) is in none of the fonts: it must be reported, not printed as a box.
    expect(unprintableChars('龘𪚥𪚥a')).toEqual(['𪚥']);
  });
  it('needs the Extension B fallback only for a character the body face lacks', async () => {
    await prepareFonts();
    expect(needsFallback('陈堃 赵喆 刘珺 孙昇 ABC１２３，。\n')).toBe(false);
    expect(needsFallback('吉𠮷')).toBe(true);
  });
  it("prints a character only the headings' face has as its code point, not as an empty box", async () => {
    // 𰻝 (U+30EDD) is in Noto Sans SC only: the body's stack (Serif SC, Serif JP) has no glyph.
    const tb = await sample();
    tb.objectives = `𰻝𰻝面：${tb.objectives}`;
    const text = flat(sh('pdftotext', [await rendered(tb), '-']));
    expect(text).toContain('[U+30EDD][U+30EDD]面：');
  }, 60_000);
});
