/**
 * The 专家组意见 of a decision the rules still block, printed through two doors: the chair's desk
 * (the print path `printMeetingForm`, before anything is rendered) and `jiebang print opinion`.
 * Both refuse it with the same problems listed; nothing goes to paper for members to sign.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { blockingOfDecision } from '../../src-shared/decision';
import { sampleDecision, samplePackage, sampleSheets } from '../../src-shared/sample-fixture';
import { aggregate } from '../../src-shared/scoring';
import { runForTest } from '../../src-main/cli/run-for-test';
import { printMeetingForm } from '../../src-renderer/src/workflows/meeting';

const SHEETS = ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'].map(
  (id) => `resources/sample/sheets/${id}.json`,
);

describe('printing the 专家组意见 of a blocked decision', () => {
  it('is refused at the desk and by jiebang print, the problems listed alike', async () => {
    const pkg = samplePackage();
    const agg = aggregate(pkg, sampleSheets());
    // 0 万元 for A02, the total left as it was: two problems the rules block.
    const signed = sampleDecision();
    const decision = {
      ...signed,
      approvedFunding: signed.approvedFunding.map((f) =>
        f.applicantId === 'A02' ? { ...f, amount: '0' } : f,
      ),
    };
    const blocking = blockingOfDecision(decision, pkg, agg);
    expect(blocking.map((f) => f.rule).sort()).toEqual([
      'funding.perSolver',
      'funding.totalMatches',
    ]);

    // The desk's print path: refused before main renders anything.
    const api = {
      'form:pdf': vi.fn(),
      'pdf:print': vi.fn(),
      'file:save': vi.fn(),
    };
    const atDesk = await printMeetingForm(api, 'web', 'opinion', { pkg, agg, decision }, 't').catch(
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(typeof atDesk).toBe('string');
    expect(api['form:pdf']).not.toHaveBeenCalled();
    for (const f of blocking) expect(atDesk).toContain(f.message);
    expect(atDesk).toContain('专家组意见尚有 2 个须解决的问题');

    // The same decision through jiebang print opinion.
    const dir = await mkdtemp(join(tmpdir(), 'jb-opinion-print-'));
    await writeFile(join(dir, 'decision.json'), JSON.stringify(decision));
    const cli = await runForTest(
      'print',
      'opinion',
      '--package',
      'resources/sample/review-package.json',
      ...SHEETS,
      '--decision',
      join(dir, 'decision.json'),
      '--out',
      join(dir, 'opinion.pdf'),
    );
    expect(cli.code).not.toBe(0);
    expect(cli.err).toContain('专家组意见尚有 2 个须解决的问题');
    for (const f of blocking) expect(cli.err).toContain(f.message);
  });
});
