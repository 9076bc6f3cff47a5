/**
 * The task book's fields have one set of names (TASKBOOK_LABELS, src-shared/model/labels): the same
 * faulty task book, made in the editor by the user's edits and judged there (`judgeDraft`, the
 * checks beside the form), then saved as JSON and given to `jiebang check` and
 * `jiebang render-taskbook`, is refused with the same lines naming the same fields the same way —
 * 「里程碑第 1 项 完成时间：…」 at every door, never 「里程碑 · 1 · 完成时间」 at one of them.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDecision, samplePackage } from '../../src-shared/sample-fixture';
import { applyTaskBookEdit, draftTaskBook, type TaskBookEdit } from '../../src-shared/taskbook';
import { runForTestIn } from '../../src-main/cli/run-for-test';
import { judgeDraft } from '../../src-renderer/src/workflows/taskbook';

/** What the user did in the editor: a date that does not exist, a field emptied, and so on. */
const EDITS: TaskBookEdit[] = [
  { type: 'basics', patch: { title: '' } },
  { type: 'period', patch: { end: '2026-13-01' } },
  { type: 'party', index: 1, patch: { name: ' ' } },
  { type: 'chief-expert', index: 2, patch: { name: '' } },
  { type: 'milestone', index: 0, patch: { due: '2027-02-30', title: '' } },
  { type: 'milestone', index: 1, patch: { tranche: '' } },
  { type: 'race-targets', applicantId: 'A02', targets: [] },
  { type: 'funding', key: 'selfRaised', value: '' },
];

/** The lines a refusal of the CLI lists under its first line. */
const listed = (text: string): string[] =>
  text
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== '');

describe('the task book’s fields named alike by the editor and the command line', () => {
  it('one faulty task book: the editor’s checks, jiebang check and render-taskbook say the same lines', async () => {
    const draft = EDITS.reduce(
      applyTaskBookEdit,
      draftTaskBook(samplePackage(), sampleDecision(), '2026-12-02'),
    );
    const judged = judgeDraft(draft, samplePackage(), sampleDecision());
    expect(judged.canFinalise).toBe(false);
    const editor = judged.checked.ok ? [] : judged.checked.issues.map((i) => i.message);
    expect(editor).toEqual([
      '项目名称：不能为空',
      '签约方第 2 方 名称：不能为空',
      '签约方第 3 方 首席专家 姓名：不能为空',
      '实施周期 结束：2026-13-01 不是实际存在的日期',
      '里程碑第 1 项 名称：不能为空',
      '里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期',
      '里程碑第 2 项 拨付（万元）：缺少此项（必填，单位万元）',
      '“赛马”阶段考核目标第 2 项 目标：不能为空',
      '经费 揭榜方自筹（万元）：缺少此项（必填，单位万元）',
    ]);

    const dir = await mkdtemp(join(tmpdir(), 'jb-tb-fields-'));
    const file = join(dir, 'taskbook.json');
    await writeFile(file, JSON.stringify(draft));
    const check = await runForTestIn(dir, 'check', file);
    expect(check.code).not.toBe(0);
    expect(check.err).toContain('任务书格式错误');
    // The format lines first, as the editor lists them; then the rules on the rest, each a rule
    // the editor's checks find too (the editor also knows the decision, so it may find more).
    const lines = listed(check.err);
    const cut = lines.indexOf('其余各项的规则校验：');
    expect(cut).toBeGreaterThan(0);
    expect(lines.slice(0, cut)).toEqual(editor);
    const rest = lines.slice(cut + 1);
    expect(rest.length).toBeGreaterThan(0);
    // Each as the editor lists it (its mark and message), without the rule's code or path.
    const marks = { blocking: '✗ 阻断', warning: '! 提示', info: 'i 说明' } as const;
    for (const line of rest)
      expect(judged.findings.some((f) => line === `${marks[f.severity]}  ${f.message}`)).toBe(true);

    const render = await runForTestIn(dir, 'render-taskbook', file, '-o', 'tb.pdf');
    expect(render.code).not.toBe(0);
    expect(render.err).toContain('不是有效的任务书');
    expect(listed(render.err)).toEqual(editor);
  });
});
