/**
 * 第十三条（二）: a 企业出题 task book is funded mainly by the issuer. The same task book through every
 * door that checks one — the editor (`judgeDraft`, which decides 定稿), `jiebang check` and
 * `jiebang render-taskbook` — gives the same finding: none when 发榜方投入 is at least the city's
 * funds, a warning when below them, and a blocking finding (no 定稿) when it is 0.
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
import { judgeDraft } from '../../src-renderer/src/workflows/taskbook';

const ISSUER_RULES = ['funding.issuerInvestment', 'funding.issuerMain'];
const withIssuer = (issuer: string): TaskBook => {
  const tb = sampleTaskBook();
  return { ...tb, status: 'draft', funding: { ...tb.funding, issuer } };
};

describe('发榜方投入 of a 企业出题 task book at every door (第十三条（二）)', () => {
  it('the editor, jiebang check and render-taskbook say the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-tb-issuer-'));
    const seen: Record<string, { severity: string; message: string }[]> = {};
    for (const issuer of ['0', '500', '1200']) {
      const tb = withIssuer(issuer);
      expect(tb.projectType).toBe('enterprise');
      expect(tb.funding).toMatchObject({ city: '800', contractAmount: '2000' });
      const judged = judgeDraft(tb, samplePackage(), sampleDecision());
      const editor = judged.findings
        .filter((f) => ISSUER_RULES.includes(f.rule))
        .map((f) => ({ severity: f.severity, message: f.message }));
      seen[issuer] = editor;

      const file = join(dir, `tb-${issuer}.json`);
      await writeFile(file, JSON.stringify(tb));
      const check = await runForTestIn(dir, 'check', file, '--json');
      const fromCheck = z
        .object({
          findings: z.array(
            z.object({ rule: z.string(), severity: z.string(), message: z.string() }),
          ),
        })
        .parse(JSON.parse(check.out))
        .findings.filter((f) => ISSUER_RULES.includes(f.rule))
        .map((f) => ({ severity: f.severity, message: f.message }));
      expect(fromCheck).toEqual(editor);

      const render = await runForTestIn(dir, 'render-taskbook', file, '-o', `tb-${issuer}.pdf`);
      expect(render.code).toBe(0);
      const said = editor.map((f) => `${f.severity === 'blocking' ? '✗' : '!'} ${f.message}`);
      for (const line of said) expect(render.err).toContain(line);
      if (said.length === 0) expect(render.err).not.toContain('发榜方投入');

      // 定稿 waits only for the blocking one.
      expect(judged.canFinalise).toBe(issuer !== '0');
    }
    expect(seen).toEqual({
      '0': [
        {
          severity: 'blocking',
          message:
            '企业出题技术攻关项目以发榜方投入为主，市财政科研项目资金根据发榜方拨款进度给予支持；发榜方投入为 0，市财政资助 800 万元（第十三条（二））',
        },
      ],
      '500': [
        {
          severity: 'warning',
          message:
            '企业出题技术攻关项目以发榜方投入为主：发榜方投入 500 万元 少于市财政资助 800 万元（第十三条（二））',
        },
      ],
      '1200': [],
    });
  });
});
