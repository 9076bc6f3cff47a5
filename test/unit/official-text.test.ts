/**
 * What is printed, signed or exported for officials reads as Chinese officials write it: dates
 * 2026年12月8日, instants 2026年12月8日 12:00（北京时间）, the measures cited by their full title, no
 * English word. One formatter (src-shared/text/date.ts) behind every output here; the documents
 * themselves keep ISO in their JSON.
 */
import { describe, expect, it } from 'vitest';
import { acceptancePrint, assessmentPrint } from '../../src-shared/award/print';
import { sampleAssessment, sampleFailedAcceptance } from '../../src-shared/award/samples';
import { keyRotationNotice, packageNotice, type Notice } from '../../src-shared/bureau';
import { analysePanel } from '../../src-shared/decision/check';
import { buildForm } from '../../src-shared/meeting/build';
import { FormKindSchema, type Block } from '../../src-shared/meeting/layout';
import { sampleDecision, samplePackage, sampleSheets } from '../../src-shared/sample-fixture';
import { decisionTable } from '../../src-shared/summary';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const FULL_TITLE = '《克拉玛依市科技计划“揭榜挂帅”项目管理办法》';
const noticeText = (n: Notice): string =>
  [n.title, ...n.rows.flat(), ...n.footer, ...(n.signLines ?? [])].join('\n');
const row = (n: Notice, label: string) => n.rows.find(([l]) => l === label)?.[1];

describe('notices', () => {
  it('the package notice: 评审日期 and 签发时间 as officials write them', () => {
    const pkg = samplePackage();
    const n = packageNotice({
      pkg,
      file: 'KLMY-2026-JB-001.jbx',
      fileSha256: 'a'.repeat(64),
      manifestSha256: 'b'.repeat(64),
      fingerprint: 'c'.repeat(64),
      counter: 3,
      createdAt: '2026-12-01T01:30:00.000Z',
      passphrase: null,
    });
    expect(row(n, '评审日期')).toBe('2026年12月8日');
    expect(row(n, '签发时间')).toBe('2026年12月1日 09:30（北京时间）');
    expect(noticeText(n)).not.toMatch(ISO_DATE);
  });

  it('the key rotation notice: 生效日期 2027年1月1日', () => {
    const n = keyRotationNotice({
      oldFingerprint: 'a'.repeat(64),
      newFingerprint: 'b'.repeat(64),
      effective: '2027-01-01',
    });
    expect(row(n, '生效日期')).toBe('2027年1月1日');
    expect(noticeText(n)).not.toMatch(ISO_DATE);
  });
});

describe('the forms after the award', () => {
  it('the 里程碑考核表: 考核日期 and 市科技局审定 in 年月日, the measures by their full title', () => {
    const form = assessmentPrint(sampleAssessment(), []);
    expect(row(form, '考核日期')).toBe('2028年4月10日');
    expect(row(form, '市科技局审定')).toBe('2028年4月15日');
    expect(form.footer.join('')).toContain(`依据${FULL_TITLE}第十二条（八）3`);
    expect(noticeText(form)).not.toMatch(ISO_DATE);
  });

  it('the 验收结论表: 验收申请日期 and 综合绩效评价日期 in 年月日', () => {
    const form = acceptancePrint(sampleFailedAcceptance(), []);
    expect(row(form, '验收申请日期')).toBe('2029年7月20日');
    expect(row(form, '综合绩效评价日期')).toBe('2029年8月15日');
    expect(form.footer.join('')).toContain(`依据${FULL_TITLE}第十二条（九）`);
    expect(noticeText(form)).not.toMatch(ISO_DATE);
  });
});

describe('the review meeting', () => {
  const pkg = samplePackage();
  const { agg } = analysePanel(pkg, sampleSheets());
  const decision = sampleDecision({ decidedAt: '2026-12-08T06:30:00Z' });

  it('the export’s 专家组意见与核定经费: 决定时间 in Beijing time, not the stored UTC instant', () => {
    const table = decisionTable(pkg, agg, decision, []);
    const decided = table.rows.find((r) => r[0]?.kind === 'text' && r[0].text === '决定时间');
    expect(decided?.[1]).toEqual({ kind: 'text', text: '2026年12月8日 14:30（北京时间）' });
  });

  it('every meeting form prints its dates in 年月日 and no ISO date', () => {
    const texts = (b: Block): string[] =>
      b.kind === 'table'
        ? [...b.head, ...b.rows.flat()]
        : b.kind === 'signatures'
          ? b.who
          : b.kind === 'blank-lines'
            ? []
            : [b.text];
    for (const form of FormKindSchema.options) {
      const built = buildForm(form, { pkg, agg, decision });
      if (!built.ok) throw new Error(built.message);
      const text = built.layout.sections.flat().flatMap(texts).join('\n');
      expect(text, form).toContain('评审日期：2026年12月8日');
      expect(text, form).not.toMatch(ISO_DATE);
    }
  });
});
