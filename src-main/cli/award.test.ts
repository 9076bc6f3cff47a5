import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  sampleAssessment,
  sampleFailedAcceptance,
  sampleLateExtension,
} from '../../src-shared/award/samples';
import { KIND_SAMPLES } from '../../src-shared/bundle/test-helpers';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { runForTest as run } from './run-for-test';

async function files() {
  const dir = await mkdtemp(join(tmpdir(), 'jb-award-'));
  const put = async (name: string, value: unknown) => {
    const path = join(dir, name);
    await writeFile(path, value instanceof Uint8Array ? value : JSON.stringify(value));
    return path;
  };
  const tb = JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8'));
  return { dir, put, taskbook: await put('taskbook.json', { ...tb, status: 'final' }) };
}

const text = (pdf: string) =>
  execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('jiebang check and print after the award', () => {
  it('check: an extension 20 days before the end is refused citing 第十九条', async () => {
    const f = await files();
    const r = await run(
      'check',
      await f.put('ext.json', sampleLateExtension()),
      '--taskbook',
      f.taskbook,
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('项目实施表单');
    expect(r.out).toContain(
      '延期申请应在实施周期到期 30 日前提出（本申请距到期仅 20 日）（第十九条）',
    );
  });

  it('check: an extension past one year names the latest end as officials write it (2030年6月30日)', async () => {
    const f = await files();
    const far = { ...sampleLateExtension(), requestedOn: '2029-04-01', newEnd: '2030-07-31' };
    const r = await run('check', await f.put('ext-far.json', far), '--taskbook', f.taskbook);
    expect(r.code).toBe(1);
    expect(r.out).toContain('延期期限最长一年（最晚至2030年6月30日）（第十九条）');
    expect(r.out).not.toContain('2030-06-30');
  });

  it('check: an acceptance applied on the 31st day after the end is 1 day late (第十二条（九）)', async () => {
    const f = await files();
    const late = { ...sampleFailedAcceptance(), appliedOn: '2029-07-31' };
    const r = await run('check', await f.put('acc.json', late), '--taskbook', f.taskbook);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '验收申请应在实施周期结束后 30 日内提出，即不晚于2029年7月30日（本申请在结束后第 31 日提出，逾期 1 日）（第十二条（九））',
    );
    const inTime = { ...late, appliedOn: '2029-07-30' };
    const ok = await run('check', await f.put('acc2.json', inTime), '--taskbook', f.taskbook);
    expect(ok.out).not.toContain('30 日内提出');
  });

  it('check: the signed assessment bundle and its JSON give the same findings', async () => {
    const f = await files();
    const bundle = await KIND_SAMPLES['milestone-assessment'](generateSigningKey());
    const viaBundle = await run(
      'check',
      await f.put('a.jbx', bundle.bytes),
      '--taskbook',
      f.taskbook,
      '--json',
    );
    const doc = { ...sampleAssessment(), evidence: [] };
    const viaJson = await run(
      'check',
      await f.put('a.json', doc),
      '--taskbook',
      f.taskbook,
      '--json',
    );
    expect(viaBundle.code).toBe(0);
    const Out = z.object({ kind: z.string(), findings: z.array(z.object({ rule: z.string() })) });
    const findings = (out: string) => Out.parse(JSON.parse(out)).findings.map((x) => x.rule);
    expect(findings(viaBundle.out)).toEqual([]);
    // The JSON has no evidence attached: the one difference is that warning.
    expect(findings(viaJson.out)).toEqual(['assessment.evidence']);
    expect(Out.parse(JSON.parse(viaBundle.out)).kind).toBe('milestone-assessment');
  });

  it('print: the assessment bundle as a form with each signer and key fingerprint', async () => {
    const f = await files();
    const bundle = await KIND_SAMPLES['milestone-assessment'](generateSigningKey());
    const out = join(f.dir, 'assessment.pdf');
    const r = await run('print', await f.put('a.jbx', bundle.bytes), '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const t = text(out);
    expect(t).toContain('里程碑考核表');
    expect(t).toContain('暂缓拨付：本次拨付0万元（该阶段320万元）');
    expect(t).toContain('考核专家：王建国（密钥指纹');
    expect(t).toContain('发榜方：陈立新');
  }, 60_000);

  it('print: a 不通过 acceptance prints 第二十条’s recovery; another document is refused by name', async () => {
    const f = await files();
    const out = join(f.dir, 'acceptance.pdf');
    const r = await run('print', await f.put('acc.json', sampleFailedAcceptance()), '-o', out);
    expect(r.code).toBe(0);
    const t = text(out);
    expect(t).toContain('验收结论表');
    expect(t).toContain('不通过');
    expect(t).toContain('收回560万元；因非客观原因未通过验收');
    const race = await KIND_SAMPLES['race-choice'](generateSigningKey());
    const refused = await run(
      'print',
      await f.put('race.jbx', race.bytes),
      '-o',
      join(f.dir, 'x.pdf'),
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('print 排版里程碑考核表与验收结论表');
  }, 60_000);

  it('print: a character no font has is named with its field, as the other prints say it', async () => {
    const f = await files();
    const acc = { ...sampleFailedAcceptance(), opinion: '关键指标未完成😀' };
    const r = await run('print', await f.put('acc.json', acc), '-o', join(f.dir, 'acc.pdf'));
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      '! 评价意见：以下字符字库中没有，打印件上以其码位代替，请改用通行写法：U+1F600 😀\n',
    );
    const a = { ...sampleAssessment(), opinion: '按期完成😀' };
    const ra = await run('print', await f.put('a.json', a), '-o', join(f.dir, 'a.pdf'));
    expect(ra.code).toBe(0);
    expect(ra.err).toContain('! 考核意见：以下字符字库中没有');
    expect(ra.err).toContain('U+1F600 😀');
  }, 60_000);
});
