/**
 * A character no print font has, in the inspection report's preview and the meeting's forms, is
 * said as the task book's warning says it (`checkPrintable`'s sentence, src-shared/rules/print.ts):
 * the field in its form's words, then the character by its code point — never 「会印成方框」 and
 * never the bare characters. The meeting's forms say it alike at `jiebang print` and at the chair's
 * print button (`printMeetingForm`), both from what main's renderer could not print.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportUnprintable } from '../../src-shared/inspection';
import type { Api } from '../../src-shared/ipc';
import { InspectionReportSchema } from '../../src-shared/model';
import { samplePackage } from '../../src-shared/sample-fixture';
import { runForTestIn } from '../../src-main/cli/run-for-test';
import { renderJob } from '../../src-main/pdf/jobs';
import { printMeetingForm } from '../../src-renderer/src/workflows/meeting';

const MISSING = '以下字符字库中没有，打印件上以其码位代替，请改用通行写法：U+2A6A5 𪚥';

describe('a character no print font has, in the report’s preview and the meeting’s forms', () => {
  it('the inspection report’s preview names the field', async () => {
    const report = InspectionReportSchema.parse({
      formatVersion: 2,
      reportId: 'INS-1',
      assignmentId: 'ASG-1',
      subject: { type: 'demand', id: 'D-2026-01' },
      date: '2026-12-15',
      site: '采出水处理站',
      inspectors: [{ id: 'I01', name: '李检查' }],
      checklist: [{ item: '需求是否真实', result: 'met', note: '' }],
      conclusion: '需求真实𪚥，发榜方为最终用户。',
    });
    const input = { report, signers: [], photos: [], purpose: '核实需求' };
    const { missing } = await renderJob({ kind: 'inspection', ...input });
    expect(missing).toEqual(['𪚥']);
    expect(reportUnprintable(input, missing)).toEqual([`考察结论：${MISSING}`]);
  });

  it('jiebang print and the chair’s print button say the same sentences', async () => {
    const pkg = samplePackage();
    const [expert] = pkg.panel.experts;
    if (!expert) throw new Error('the sample has experts');
    expert.name = '王𪚥';
    const dir = await mkdtemp(join(tmpdir(), 'jb-form-glyphs-'));
    await writeFile(join(dir, 'rp.json'), JSON.stringify(pkg));
    const cli = await runForTestIn(dir, 'print', 'sign-in', '--package', 'rp.json', '-o', 'f.pdf');
    expect(cli.code, cli.err).toBe(0);
    const api: Pick<Api, 'form:pdf' | 'pdf:print' | 'file:save'> = {
      'form:pdf': async ({ layout }) => renderJob({ kind: 'form', layout }),
      'pdf:print': async () => ({ printed: true }),
      'file:save': async () => ({ canceled: true }),
    };
    const app = await printMeetingForm(api, 'electron', 'sign-in', { pkg }, 'print');
    expect(app.unprintable).toEqual([`专家组 专家第 1 位 姓名：${MISSING}`]);
    expect(cli.err.trim().split('\n')).toEqual(app.unprintable.map((l) => `! ${l}`));
  });
});
