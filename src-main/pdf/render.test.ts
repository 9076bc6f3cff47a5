import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskBookSchema, type TaskBook } from '../../src-shared/model';
import { missingGlyphs } from './fonts';
import { taskBookCode } from '../../src-shared/taskbook';
import { renderTaskBookPdf } from './render';

const A4 = { width: 595.28, height: 841.89 };
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

async function sample(): Promise<TaskBook> {
  return TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));
}

async function rendered(tb: TaskBook): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jb-pdf-'));
  const path = join(dir, 'tb.pdf');
  await writeFile(path, await renderTaskBookPdf(tb));
  return path;
}

/** Every word's box from `pdftotext -bbox`, with the page it is on. */
function words(
  path: string,
): { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const html = sh('pdftotext', ['-bbox', path, '-']);
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5] ?? '',
  }));
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
    for (const line of sh('pdffonts', [path])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim()))
      expect(line).toMatch(/ yes yes /);
    expect(text).toContain('第200个里程碑');
    expect(text).not.toMatch(/[\u4e00-\u9fff]-\n/);
    assertInsideTextArea(path);
  }, 120_000);
});

describe('glyph coverage', () => {
  it('lists only the characters no print font has, once each', () => {
    expect(missingGlyphs('陈堃 赵喆 刘珺 孙昇 吉𠮷 ABC１２３，。\n')).toEqual([]);
    // 𪚥 (U+2A6A5, Extension B) is in none of the fonts: it must be reported, not printed as a box.
    expect(missingGlyphs('龘𪚥𪚥a')).toEqual(['𪚥']);
  });
});
