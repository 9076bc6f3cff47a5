/**
 * A card's issues, said as the app's forms say them: a field's once it was edited, every one once
 * signing was tried, none on a form nobody has touched; each named in the card's words.
 */
import { describe, expect, it } from 'vitest';
import { RaceChoiceSchema } from '../../../../src-shared/award';
import { sampleRaceChoice } from '../../../../src-shared/award/samples';
import { FIELD_LABELS } from '../../../../src-shared/model/labels';
import { parseForm, shownIssues, type FormIssue } from './issues';

const race = sampleRaceChoice();
const [first, second] = race.solvers;
/** A race choice as a fresh card builds it: no score typed, no share, none chosen. */
const fresh = {
  ...race,
  solvers: [first, second].map((s) => ({ ...s, score: undefined, raceShare: '' })),
  chosenId: undefined,
};

function issuesOf(raw: unknown): readonly FormIssue[] {
  const parsed = parseForm(RaceChoiceSchema, raw, FIELD_LABELS['race-choice']);
  return parsed.ok ? [] : parsed.issues;
}

describe('parseForm', () => {
  it('names each field in the card’s words, with its field', () => {
    expect(issuesOf(fresh)).toEqual([
      { field: 'solvers.0.score', text: '第 1 位揭榜方 赛马阶段考核得分：缺少此项（必填）' },
      {
        field: 'solvers.0.raceShare',
        text: '第 1 位揭榜方 赛马阶段拨付（万元）：缺少此项（必填，单位万元）',
      },
      { field: 'solvers.1.score', text: '第 2 位揭榜方 赛马阶段考核得分：缺少此项（必填）' },
      {
        field: 'solvers.1.raceShare',
        text: '第 2 位揭榜方 赛马阶段拨付（万元）：缺少此项（必填，单位万元）',
      },
      { field: 'chosenId', text: '择优支持：缺少此项（必填）' },
    ]);
  });
  it('says an unreadable field by its reader’s sentence instead of the schema’s, and makes no value', () => {
    const parsed = parseForm(RaceChoiceSchema, race, FIELD_LABELS['race-choice'], [
      { path: ['solvers', 1, 'score'], message: '“abc”不是数字' },
    ]);
    expect(parsed).toEqual({
      ok: false,
      issues: [{ field: 'solvers.1.score', text: '第 2 位揭榜方 赛马阶段考核得分：“abc”不是数字' }],
    });
  });
  it('gives the document when nothing is wrong', () => {
    expect(parseForm(RaceChoiceSchema, race, FIELD_LABELS['race-choice'])).toEqual({
      ok: true,
      value: race,
    });
  });
});

describe('shownIssues', () => {
  const issues = issuesOf(fresh);
  it('says nothing on a form nobody has touched, and counts what it holds back', () => {
    expect(shownIssues(issues, new Set(), false)).toEqual({ shown: [], hidden: 5 });
  });
  it('says an edited field’s issue, and only its own', () => {
    expect(shownIssues(issues, new Set(['solvers.1.score']), false)).toEqual({
      shown: ['第 2 位揭榜方 赛马阶段考核得分：缺少此项（必填）'],
      hidden: 4,
    });
    // A field edited whose issue is gone says nothing; a row marked as a whole says its fields'.
    expect(shownIssues(issues, new Set(['reason', 'solvers.0']), false).shown).toEqual([
      '第 1 位揭榜方 赛马阶段考核得分：缺少此项（必填）',
      '第 1 位揭榜方 赛马阶段拨付（万元）：缺少此项（必填，单位万元）',
    ]);
    // solvers.1 is not solvers.10.
    expect(shownIssues(issues, new Set(['solvers.1']), false).shown).toHaveLength(2);
    expect(
      shownIssues([{ field: 'solvers.10.score', text: 'x' }], new Set(['solvers.1']), false).shown,
    ).toEqual([]);
  });
  it('says every issue once signing was tried, the whole document’s too', () => {
    const all = [...issues, { field: '', text: '赛马至少 2 家揭榜方' }];
    expect(shownIssues(all, new Set(), true)).toEqual({
      shown: all.map((i) => i.text),
      hidden: 0,
    });
    expect(shownIssues(all, new Set(['']), false).shown).toEqual([]);
  });
});
