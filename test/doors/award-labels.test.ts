/**
 * The documents after the award, refused in one sentence at every door (tester finding F4): the
 * same bad document given to `jiebang check` and `jiebang print-award` and read by the award
 * screen's cards (`parseForm`, what RaceCard, AssessmentCard, RequestCards and ClosingCards call)
 * names each field in the cards' words — 「第 1 位揭榜方 赛马阶段考核得分」, never
 * `solvers.0.score` — and the words are the same.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MilestoneAssessmentFormSchema,
  ProjectFormSchema,
  RaceChoiceSchema,
} from '../../src-shared/award';
import {
  sampleAssessment,
  sampleLateExtension,
  sampleRaceChoice,
} from '../../src-shared/award/samples';
import { FIELD_LABELS } from '../../src-shared/model/labels';
import { parsePlainDecimal } from '../../src-shared/text/normalize';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { parseForm, type Unread } from '../../src-renderer/src/screens/award/issues';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jb-award-labels-'));
});

/** Writes `doc` as a JSON file and returns its path. */
async function file(name: string, doc: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

/** The sentences a card says (all of them: as after a try to sign). */
function cardSays(parsed: { ok: true } | { ok: false; issues: readonly { text: string }[] }) {
  return parsed.ok ? [] : parsed.issues.map((i) => i.text);
}

describe('a bad document after the award, at every door', () => {
  it('赛马择优: an empty score is required and a score over 100 refused, in the card’s words', async () => {
    const race = sampleRaceChoice();
    const [first, second] = race.solvers;
    if (!first || !second) throw new Error('the sample races two solvers');
    // What the card builds from an emptied score field and a score of 120 typed in full width.
    const typed = ['', '１２０'];
    const read = typed.map(parsePlainDecimal);
    const unread: Unread[] = [];
    const { score: _dropped, ...noScore } = first;
    const bad = {
      ...race,
      solvers: [noScore, { ...second, score: read[1]?.ok ? read[1].value : null }],
    };
    expect(read[0]).toEqual({ ok: true, value: null });
    const card = cardSays(parseForm(RaceChoiceSchema, bad, FIELD_LABELS['race-choice'], unread));
    expect(card).toEqual([
      '第 1 位揭榜方 赛马阶段考核得分：缺少此项（必填）',
      '第 2 位揭榜方 赛马阶段考核得分：不能超过 100 分',
    ]);
    expect(card.join('\n')).not.toMatch(/solvers|NaN/);
    const checked = await run('check', await file('race.json', bad));
    expect(checked.code).not.toBe(0);
    for (const sentence of card) expect(checked.err).toContain(sentence);
  });

  it('赛马择优: a score that is no number is said by the score reader, nothing made of it', () => {
    const race = sampleRaceChoice();
    const read = parsePlainDecimal('八十八');
    if (read.ok) throw new Error('八十八 is no plain decimal');
    const parsed = parseForm(RaceChoiceSchema, race, FIELD_LABELS['race-choice'], [
      { path: ['solvers', 0, 'score'], message: read.message },
    ]);
    expect(cardSays(parsed)).toEqual([
      '第 1 位揭榜方 赛马阶段考核得分：“八十八”不是数字（只接受如 17 或 17.5 这样的十进制数）',
    ]);
  });

  it('里程碑考核: an indicator without its target, at the card, jiebang check and jiebang print', async () => {
    const a = sampleAssessment();
    const bad = {
      ...a,
      indicators: a.indicators.map((i, n) => (n === 1 ? { ...i, target: ' ' } : i)),
      released: '三百',
    };
    const card = cardSays(
      parseForm(MilestoneAssessmentFormSchema, bad, FIELD_LABELS['milestone-assessment']),
    );
    expect(card).toEqual([
      '考核指标第 2 项 目标值：不能为空',
      expect.stringMatching(/^本次拨付（万元）：“三百”/),
    ]);
    const path = await file('assessment.json', bad);
    const checked = await run('check', path);
    const printed = await run('print', path, '--out', join(dir, 'assessment.pdf'));
    for (const out of [checked, printed]) {
      expect(out.code).not.toBe(0);
      for (const sentence of card) expect(out.err).toContain(sentence);
      expect(out.err).not.toContain('indicators.1');
    }
  });

  it('延期申请: an empty new end date, at the card and jiebang check', async () => {
    const bad = { ...sampleLateExtension(), newEnd: '' };
    const card = cardSays(parseForm(ProjectFormSchema, bad, FIELD_LABELS['project-form']));
    expect(card).toHaveLength(1);
    expect(card[0]).toMatch(/^延期至：/);
    const checked = await run('check', await file('extension.json', bad));
    expect(checked.code).not.toBe(0);
    expect(checked.err).toContain(card[0]);
  });
});
