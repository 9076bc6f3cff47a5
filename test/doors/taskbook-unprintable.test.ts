/**
 * A character no print font has (issue F10), through every door that checks a task book — the
 * editor (`judgeDraft`), `jiebang check` and `jiebang render-taskbook` — is named in one sentence,
 * with its field and its code point (`checkPrintable`, src-shared/rules/print.ts, by the one rule
 * of which characters print that the PDF prints by); the print shows it as its code point.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleTaskBook } from '../../src-shared/bundle/test-helpers';
import type { TaskBook } from '../../src-shared/model';
import { sampleDecision, samplePackage } from '../../src-shared/sample-fixture';
import { runForTestIn } from '../../src-main/cli/run-for-test';
import { sh } from '../../src-main/pdf/pdf-checks';
import { judgeDraft } from '../../src-renderer/src/workflows/taskbook';

const SAID = [
  '签约方第 3 方 首席专家 姓名：以下字符字库中没有，打印件上以其码位代替，请改用通行写法：U+2A6A5 𪚥',
  '里程碑第 2 项 交付成果第 1 项：以下字符字库中没有，打印件上以其码位代替，请改用通行写法：U+1F600 😀',
];

function withRareCharacters(): TaskBook {
  const tb = sampleTaskBook();
  const [, , solver] = tb.parties;
  const [, milestone] = tb.milestones;
  if (!solver?.chiefExpert || !milestone) throw new Error('the sample task book changed');
  // 𠮷 (Extension B) prints from the Serif JP fallback: named nowhere. 𪚥 and 😀 are in no font.
  solver.chiefExpert.name = '王建国、吉𠮷、𪚥';
  milestone.deliverables[0] = '500 m³/d 中试装置😀';
  return { ...tb, status: 'draft' };
}

describe('a character no print font has, at every door (F10)', () => {
  it('the editor, jiebang check and render-taskbook say the same sentence, naming field and character', async () => {
    const tb = withRareCharacters();
    const editor = judgeDraft(tb, samplePackage(), sampleDecision())
      .findings.filter((f) => f.rule === 'print.glyphs')
      .map((f) => f.message);
    expect(editor).toEqual(SAID);

    const dir = await mkdtemp(join(tmpdir(), 'jb-tb-glyphs-'));
    const file = join(dir, 'tb.json');
    await writeFile(file, JSON.stringify(tb));
    const check = await runForTestIn(dir, 'check', file, '--json');
    const fromCheck = z
      .object({
        findings: z.array(
          z.object({ rule: z.string(), severity: z.string(), message: z.string() }),
        ),
      })
      .parse(JSON.parse(check.out))
      .findings.filter((f) => f.rule === 'print.glyphs');
    expect(fromCheck.map((f) => f.message)).toEqual(SAID);
    expect(fromCheck.every((f) => f.severity === 'warning')).toBe(true);
    const checkText = await runForTestIn(dir, 'check', file);
    // In people's words only: the rule's code and path stay in --json.
    for (const line of SAID) expect(checkText.out.split('\n')).toContain(`! 提示  ${line}`);
    expect(checkText.out).not.toContain('print.glyphs');

    const render = await runForTestIn(dir, 'render-taskbook', file, '-o', 'tb.pdf');
    expect(render.code).toBe(0);
    for (const line of SAID) expect(render.err).toContain(`! ${line}\n`);
    // Said once, with its field: no second sentence without one.
    expect(render.err.match(/字库中没有/g)).toHaveLength(SAID.length);
    const printed = sh('pdftotext', [join(dir, 'tb.pdf'), '-']).replace(/\s+/g, '');
    expect(printed).toContain('王建国、吉𠮷、[U+2A6A5]');
    expect(printed).toContain('中试装置[U+1F600]');
  }, 120_000);
});
