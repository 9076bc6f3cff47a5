import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nobleCrypto } from '../crypto/noble';
import { sum } from '../money';
import { checkTaskBook } from '../rules';
import { sampleDecision, samplePackage } from '../sample-fixture';
import {
  checkDraft,
  comparePrinted,
  draftTaskBook,
  endAfterMonths,
  parsePrintedCode,
  readTaskBookFile,
  splitTranches,
  taskBookCode,
  TaskBookDraftSchema,
} from '.';
import { chiefExpertsOf, TaskBookSchema } from '../model';

describe('draftTaskBook', () => {
  it('drafts a joint task book from a horse-race decision: every solver a party, targets per solver', () => {
    const pkg = samplePackage();
    const tb = draftTaskBook(pkg, sampleDecision(), '2026-12-10');
    expect(tb.parties.map((p) => p.role)).toEqual(['bureau', 'issuer', 'solver', 'solver']);
    expect(tb.parties.filter((p) => p.role === 'solver').map((p) => p.applicantId)).toEqual([
      'A01',
      'A02',
    ]);
    expect(tb.parties[1]?.name).toBe(pkg.demand.issuer.name);
    expect(tb.isHorseRace).toBe(true);
    expect(tb.raceStageTargets.map((r) => r.applicantId)).toEqual(['A01', 'A02']);
    expect(tb.period.start).toBe('2027-01-01');
    expect(tb.period.end).toBe(endAfterMonths('2027-01-01', pkg.demand.periodMonths));
    expect(sum(tb.milestones.map((m) => m.tranche)).toFixed()).toBe('800');
    expect(tb.funding.city).toBe('800');
    // Each solver its own chief expert (第十二条（八）); 法定代表人 left for the user to write.
    const solvers = tb.parties.filter((p) => p.role === 'solver');
    expect(solvers.map((p) => p.chiefExpert)).toEqual([
      { name: '王建国', title: '研究员', organisation: '新疆水处理技术研究院（示例）' },
      { name: '李明哲', title: '教授', organisation: '西部石油大学（示例）' },
    ]);
    expect(solvers.map((p) => p.representative)).toEqual(['', '']);
    expect(tb.chiefExpert).toBeUndefined();
    // What remains for the user: IP ownership and benefit sharing (第十五条), each 丙方's
    // representative (第十二条（七）) and the issuer's investment of this 企业出题 project (drafted
    // as 0, 第十三条（二）), nothing else blocking.
    expect(tb.funding.issuer).toBe('0');
    const blocking = checkTaskBook(tb, pkg, sampleDecision()).filter(
      (f) => f.severity === 'blocking',
    );
    expect(blocking.map((f) => f.rule).sort()).toEqual([
      'funding.issuerInvestment',
      'ip.benefitSharing',
      'ip.ownership',
      'parties.representative',
      'parties.representative',
    ]);
  });

  it('reads a draft saved with one chief expert for all solvers as one per solver', () => {
    const tb = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
    const legacy = {
      ...tb,
      parties: tb.parties.map(({ chiefExpert: _dropped, ...p }) => p),
      chiefExpert: {
        name: '王建国、李明哲',
        title: '研究员、教授',
        organisation: '各揭榜方分别指定',
      },
    };
    const draft = TaskBookDraftSchema.parse(legacy);
    expect('chiefExpert' in draft).toBe(false);
    expect(draft.parties.filter((p) => p.role === 'solver').map((p) => p.chiefExpert)).toEqual([
      { name: '王建国', title: '研究员', organisation: '各揭榜方分别指定' },
      { name: '李明哲', title: '教授', organisation: '各揭榜方分别指定' },
    ]);
  });

  it('keeps a signed task book with the earlier single record as written (its code unchanged)', () => {
    const tb = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
    const legacy = {
      ...tb,
      parties: tb.parties.map(({ chiefExpert: _dropped, ...p }) => p),
      chiefExpert: {
        name: '王建国、李明哲',
        title: '研究员、教授',
        organisation: '各揭榜方分别指定',
      },
    };
    const parsed = TaskBookSchema.parse(legacy);
    expect(taskBookCode(parsed)).toBe(taskBookCode(TaskBookSchema.parse(structuredClone(legacy))));
    expect(chiefExpertsOf(parsed)).toEqual([{ chiefExpert: legacy.chiefExpert }]);
    // Without either, a solver's chief expert is missing, by field.
    const { chiefExpert: _none, ...bare } = legacy;
    const refused = TaskBookSchema.safeParse(bare);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'parties.2.chiefExpert',
      'parties.3.chiefExpert',
    ]);
  });

  it('drafts a single-solver book from a plain recommendation', () => {
    const decision = sampleDecision({ recommendedIds: ['A02', 'A01'] });
    delete decision.horseRace;
    const tb = draftTaskBook(samplePackage(), decision, '2026-12-10');
    expect(tb.parties.filter((p) => p.role === 'solver').map((p) => p.applicantId)).toEqual([
      'A02',
    ]);
    expect(tb.isHorseRace).toBe(false);
    expect(tb.raceStageTargets).toEqual([]);
  });
});

describe('dates and tranches', () => {
  it('ends a period the day before the month boundary', () => {
    expect(endAfterMonths('2027-01-01', 30)).toBe('2029-06-30');
    expect(endAfterMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(endAfterMonths('2028-03-01', 12)).toBe('2029-02-28');
  });

  it('splits any total into tranches that add up exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        (cents, n) => {
          const total = (cents / 100).toFixed(2).replace(/\.?0+$/, '') || '0';
          const parts = splitTranches(total, n);
          expect(parts).toHaveLength(n);
          expect(sum(parts).eq(total)).toBe(true);
        },
      ),
    );
  });
});

describe('checkDraft', () => {
  it('names the empty and malformed fields in the task book’s own words (TASKBOOK_LABELS)', () => {
    const tb = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
    const draft = {
      ...tb,
      title: '',
      period: { start: '2027-13', end: tb.period.end },
      milestones: tb.milestones.map((m, i) =>
        i === 1 ? { ...m, tranche: '1,00' } : i === 0 ? { ...m, tranche: '２４０' } : m,
      ),
    };
    const result = checkDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.issues.map((i) => i.message);
    expect(messages).toContain('项目名称：不能为空');
    expect(messages.some((m) => m.startsWith('实施周期 开始：'))).toBe(true);
    // The amount read as typed, by the one reader: full-width digits taken, a misplaced
    // thousands separator said for what it is.
    expect(messages).toContain(
      '里程碑第 2 项 拨付（万元）：“1,00”的千位分隔符位置不对：应每三位一个，如 1,000 或 12,500.5',
    );
    expect(messages.filter((m) => m.startsWith('里程碑第 1 项'))).toEqual([]);
  });

  it('names a field as the table labels it where it is: a milestone’s title is its 名称, a solver’s chief expert’s name its 姓名', () => {
    const tb = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
    const result = checkDraft({
      ...tb,
      parties: tb.parties.map((p) =>
        p.role === 'issuer'
          ? { ...p, name: '' }
          : p.chiefExpert
            ? { ...p, chiefExpert: { ...p.chiefExpert, name: ' ' } }
            : p,
      ),
      milestones: tb.milestones.map((m, i) => (i === 1 ? { ...m, title: '' } : m)),
      raceStageTargets: tb.raceStageTargets.map((r, i) => (i === 1 ? { ...r, targets: [''] } : r)),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual([
      '签约方第 2 方 名称：不能为空',
      '签约方第 3 方 首席专家 姓名：不能为空',
      '签约方第 4 方 首席专家 姓名：不能为空',
      '里程碑第 2 项 名称：不能为空',
      '“赛马”阶段考核目标第 2 项 目标：不能为空',
    ]);
  });

  it('accepts a complete draft, dropping the spare empty rows of list fields', () => {
    const tb = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
    const draft = {
      ...tb,
      milestones: tb.milestones.map((m) => ({ ...m, deliverables: [...m.deliverables, ''] })),
    };
    const result = checkDraft(draft);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.tb.milestones[0]?.deliverables).toEqual(tb.milestones[0]?.deliverables);
  });
});

describe('verifying a print', () => {
  const tb = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
  const code = taskBookCode(tb);

  it('reads a code typed from paper (spaces, case) or scanned from the QR code', () => {
    const spaced = code.toUpperCase().replace(/(.{8})/g, '$1 ');
    expect(parsePrintedCode(spaced)).toEqual({ code });
    expect(parsePrintedCode(`jiebang:taskbook:${tb.taskBookId}:${code}`)).toEqual({
      code,
      taskBookId: tb.taskBookId,
    });
    expect(parsePrintedCode('abc')).toBeNull();
    expect(parsePrintedCode(code.slice(1))).toBeNull();
  });

  it('matches only the same content: one changed character in the book, and the print no longer matches', () => {
    expect(comparePrinted({ code }, tb)).toEqual({
      match: true,
      taskBookId: tb.taskBookId,
      status: 'draft',
    });
    const changed = { ...tb, funding: { ...tb.funding, city: '801' } };
    const result = comparePrinted({ code }, changed);
    expect(result.match).toBe(false);
    const other = comparePrinted({ code, taskBookId: 'TB-OTHER' }, tb);
    expect(other.match).toBe(false);
    if (!other.match) expect(other.reason).toContain('TB-OTHER');
  });

  it('reads a task book from its JSON, and says what is wrong with a file that is not one', async () => {
    const json = new TextEncoder().encode(JSON.stringify(tb));
    expect(await readTaskBookFile(json, nobleCrypto)).toEqual({ ok: true, tb });
    expect(
      await readTaskBookFile(new TextEncoder().encode('{"title":'), nobleCrypto),
    ).toMatchObject({
      ok: false,
      needsKey: false,
      message: expect.stringContaining('任务书文件 不是有效的 JSON'),
    });
    // As Notepad saves it: a UTF-8 BOM before the JSON.
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...json]);
    expect(await readTaskBookFile(bom, nobleCrypto)).toEqual({ ok: true, tb });
    const partial = await readTaskBookFile(new TextEncoder().encode('{"title":"x"}'), nobleCrypto);
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(partial.message).toMatch(/^不是有效的任务书/);
    const zip = await readTaskBookFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), nobleCrypto);
    expect(zip.ok).toBe(false);
    if (!zip.ok) expect(zip.message).toMatch(/^文件包校验失败：/);
  });
});

describe("dates that exist, at the editor's door (issue 14, point 5)", () => {
  it("names an impossible due date by field in the form's own words", () => {
    const draft = draftTaskBook(samplePackage(), sampleDecision(), '2026-12-10');
    const bad = {
      ...draft,
      milestones: draft.milestones.map((m, i) => (i === 0 ? { ...m, due: '2027-02-30' } : m)),
      period: { ...draft.period, end: '2026-13-01' },
    };
    const checked = checkDraft(bad);
    expect(checked.ok).toBe(false);
    const messages = checked.ok ? [] : checked.issues.map((i) => i.message);
    expect(messages).toContain('里程碑第 1 项 完成时间：2027-02-30 不是实际存在的日期');
    expect(messages).toContain('实施周期 结束：2026-13-01 不是实际存在的日期');
  });
});
