import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../crypto/node-crypto';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { TaskBookSchema } from '../../src-shared/model';
import { taskBookCode } from '../../src-shared/taskbook';
import { chairTaskBookBundle } from '../../test/fixtures/taskbook-bundle';
import { runForTest } from './run-for-test';

/** A JSON object as read (the case file), spread into a changed copy. */
const sampleShape = (raw: unknown): Record<string, unknown> =>
  typeof raw === 'object' && raw !== null ? Object.fromEntries(Object.entries(raw)) : {};

const sample = async () =>
  TaskBookSchema.parse(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')));

describe('jiebang render-taskbook and verify-print', () => {
  it('renders the sample and prints its code; the code verifies against the JSON and a signed bundle', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const out = join(dir, 'tb.pdf');
    const r = await runForTest('render-taskbook', 'resources/sample/taskbook.json', '-o', out);
    expect(r.code).toBe(0);
    const tb = await sample();
    const code = taskBookCode(tb);
    expect(r.out).toContain(code);
    expect(new TextDecoder().decode((await readFile(out)).subarray(0, 5))).toBe('%PDF-');

    const ok = await runForTest('verify-print', '--code', code, 'resources/sample/taskbook.json');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('✓ 一致');

    // The task book as the chair exports it (signed by the chair and the 发榜方).
    const bundle = await chairTaskBookBundle(tb, generateSigningKey().secretKey, {
      crypto: nodeCrypto,
    });
    const file = join(dir, 'tb.jbx');
    await writeFile(file, bundle);
    const viaBundle = await runForTest(
      'verify-print',
      '--code',
      `jiebang:taskbook:${tb.taskBookId}:${code}`,
      file,
    );
    expect(viaBundle.code).toBe(0);
  });

  it('says a changed book does not match, and refuses a code that is not one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const tb = await sample();
    const code = taskBookCode(tb);
    const changed = join(dir, 'changed.json');
    await writeFile(changed, JSON.stringify({ ...tb, funding: { ...tb.funding, city: '799' } }));
    const r = await runForTest('verify-print', '--code', code, changed);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ 不一致');
    const bad = await runForTest(
      'verify-print',
      '--code',
      '1234',
      'resources/sample/taskbook.json',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('64 位十六进制');
  });
});

describe('the printed task book keeps a number with its percent sign', () => {
  /** Each line as pdftotext -layout reads the page (trailing spaces dropped). */
  const linesOf = (pdf: string): string[] =>
    execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trimEnd());
  it.each([
    ['resources/sample/taskbook.json', '40%'],
    ['test/fixtures/cases/taskbook/decimals-and-thousands.json', '%'],
  ])('%s: no line ends in a number whose percent sign starts the next', async (file, seen) => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const out = join(dir, 'tb.pdf');
    const r = await runForTest('render-taskbook', file, '-o', out);
    expect(r.code).toBe(0);
    const lines = linesOf(out);
    const split = lines.flatMap((line, i) => {
      const next = lines[i + 1]?.trimStart() ?? '';
      return /\d\s*$/.test(line) && /^[%％‰]/.test(next) ? [`${line} / ${next}`] : [];
    });
    expect(split).toEqual([]);
    expect(lines.some((l) => /\d\s?%/.test(l) && l.includes(seen))).toBe(true);
  });
});

describe('the printed task book keeps a number with its measure word (800 万元, 3 个月, 12 项)', () => {
  it('no line ends in a number whose 万元, 个月, 项, 天 or 年 starts the next', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    // Phrases of every length before the number, so some number meets a line's end.
    const objectives = Array.from(
      { length: 14 },
      (_, n) =>
        `${'研'.repeat(n)}资助 800 万元，历时 3 个月完成 12 项，运行${'试'.repeat(n % 5)} 180 天，周期 2 年。`,
    ).join('');
    const file = join(dir, 'units.json');
    await writeFile(
      file,
      JSON.stringify({
        ...sampleShape(JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8'))),
        objectives,
      }),
    );
    const out = join(dir, 'tb.pdf');
    const r = await runForTest('render-taskbook', file, '-o', out);
    expect(r.code).toBe(0);
    const lines = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim());
    const split = lines.flatMap((line, i) => {
      const next = lines[i + 1] ?? '';
      return /\d$/.test(line) && /^(万元|个月|项|天|年)/.test(next) ? [`${line} / ${next}`] : [];
    });
    expect(split).toEqual([]);
    // The paragraph printed, its numbers with their units.
    expect(lines.join('').replace(/\s/g, '')).toContain('研资助800万元，历时3个月完成12项');
  });
});

describe('the task-book cases (../shared/cases/taskbook) at the CLI doors', () => {
  const CASES = 'test/fixtures/cases/taskbook';
  it('taskbook/due-feb-30.json: refused by check and render-taskbook, as a task book, the field named by the form’s label', async () => {
    const checked = await runForTest('check', `${CASES}/due-feb-30.json`);
    expect(checked.code).toBe(2);
    expect(checked.err).toContain('任务书格式错误');
    expect(checked.err).toContain('里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期');
    expect(checked.err).not.toContain('无法识别的文档');
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const rendered = await runForTest(
      'render-taskbook',
      `${CASES}/due-feb-30.json`,
      '-o',
      join(dir, 'x.pdf'),
    );
    expect(rendered.code).toBe(2);
    expect(rendered.err).toContain('里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期');
  });
  it('a refused field does not hide the rest: the format lines first, then the rules’ findings on the rest (still exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const raw: unknown = JSON.parse(await readFile(`${CASES}/due-feb-30.json`, 'utf8'));
    const tb = { ...sampleShape(raw), intellectualProperty: { ownership: '', benefitSharing: '' } };
    await writeFile(join(dir, 'tb.json'), JSON.stringify(tb));
    const r = await runForTest(
      'check',
      join(dir, 'tb.json'),
      '--package',
      'resources/sample/review-package.json',
    );
    expect(r.code).toBe(2);
    const format = r.err.indexOf('里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期');
    const rest = r.err.indexOf('任务书应明确知识产权的归属（第十五条）');
    expect(format).toBeGreaterThan(0);
    expect(rest).toBeGreaterThan(format);
    expect(r.err).toContain('任务书应明确利益分配（第十五条）');
  });
  it('taskbook/invisible-and-emoji.json: the U+202E refused, named by code point and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const r = await runForTest(
      'render-taskbook',
      `${CASES}/invisible-and-emoji.json`,
      '-o',
      join(dir, 'x.pdf'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('里程碑第 2 项 考核指标第 1 项：含有双向控制字符 U+202E');
  });
  it('taskbook/invisible-and-emoji.json: every bidi control of a field named at once; the invisible characters said removed on the refused run and on the taken one alike', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const file = `${CASES}/invisible-and-emoji.json`;
    const pkg = ['--package', 'resources/sample/review-package.json'];
    const both =
      '里程碑第 2 项 考核指标第 1 项：含有双向控制字符 U+202E、U+202C，它们可改变文字显示顺序、掩盖真实内容，请删除后重新输入';
    const removed = [
      '里程碑第 1 项 名称：已删除不可见字符 U+200B（不可见字符不显示、不打印，删除后内容不变）',
      '里程碑第 1 项 交付成果第 1 项：已删除不可见字符 U+2060（不可见字符不显示、不打印，删除后内容不变）',
    ];
    const refused = await runForTest('check', file, ...pkg);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(both);
    for (const line of removed) expect(refused.err).toContain(`i 说明  ${line}`);
    // Not said to be missing from the font: they are removed, not printed as their code points.
    expect(refused.err).toContain(
      '名称：以下字符字库中没有，打印件上以其码位代替，请改用通行写法：U+2705 ✅',
    );
    expect(refused.err).not.toMatch(/字库中没有[^\n]*U\+(200B|2060)/);
    const rendered = await runForTest('render-taskbook', file, '-o', join(dir, 'x.pdf'));
    expect(rendered.err).toContain(both);
    for (const line of removed) expect(rendered.err).toContain(`i ${line}`);

    // The bidi controls taken out as the first run asked: the same notes, nothing more to remove.
    const text = (await readFile(file, 'utf8')).replace(/\\u202[ec]|[\u202e\u202c]/giu, '');
    await writeFile(join(dir, 'fixed.json'), text);
    const taken = await runForTest('check', join(dir, 'fixed.json'), ...pkg);
    expect(taken.code, taken.err).toBe(0);
    expect(taken.out).not.toContain('双向控制字符');
    for (const line of removed) expect(taken.out).toContain(`i 说明  ${line}`);
    expect(taken.out).not.toMatch(/字库中没有[^\n]*U\+(200B|2060)/);
    const printed = await runForTest(
      'render-taskbook',
      join(dir, 'fixed.json'),
      '-o',
      join(dir, 'y.pdf'),
    );
    expect(printed.code).toBe(0);
    for (const line of removed) expect(printed.err).toContain(`i ${line}`);
  });
  it('names a character no font has by its code point', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-cli-tb-'));
    const tb = await sample();
    await writeFile(join(dir, 'tb.json'), JSON.stringify({ ...tb, objectives: '达标😀' }));
    const r = await runForTest('render-taskbook', join(dir, 'tb.json'), '-o', join(dir, 'x.pdf'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('U+1F600 😀');
  });
});
