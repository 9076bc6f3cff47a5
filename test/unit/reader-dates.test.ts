/**
 * What the reader sees on the screens: days in a message as Chinese officials write them
 * (2026年12月8日, lists joined with 、) through the one formatter, the ISO day in English; the
 * measures cited by their full title, never 《管理办法》.
 */
import { describe, expect, it } from 'vitest';
import { dayParam, listParam, say, translate } from '../../src-renderer/src/i18n/strings';
import { visitDateRefusal } from '../../src-renderer/src/workflows/inspection';
import { dueBeforeIssueText } from '../../src-shared/bundle/assignment-words';

const FULL_TITLE = '《克拉玛依市科技计划“揭榜挂帅”项目管理办法》';

describe('days in a message', () => {
  it('a visit after today: 2026年12月16日晚于今天（2026年12月15日） in Chinese, ISO in English', () => {
    const refused = visitDateRefusal('2026-12-16', '2026-12-15');
    expect(refused).not.toBeNull();
    if (!refused) return;
    expect(say('zh', refused)).toBe(
      '2026年12月16日晚于今天（2026年12月15日），考察报告记录的是已经进行的实地考察',
    );
    expect(say('en', refused)).toBe(
      '2026-12-16 is after today (2026-12-15): a report records a visit that has taken place',
    );
  });

  it('a list of days is joined with 、 in Chinese, each day in 年月日', () => {
    const days = listParam([dayParam('2026-12-08'), dayParam('2027-01-01')]);
    expect(
      translate('zh', 'bureau.err.assignmentDueEarly', {
        due: days,
        today: dayParam('2026-12-01'),
      }),
    ).toBe('完成日期2026年12月8日、2027年1月1日早于签发日期2026年12月1日，未签发');
  });

  it('the schema’s sentence and the desk’s say the same', () => {
    const desk = translate('zh', 'bureau.err.assignmentDueEarly', {
      due: dayParam('2026-09-01'),
      today: dayParam('2026-09-02'),
    });
    expect(desk).toBe(
      `${dueBeforeIssueText({ dueBy: '2026-09-01', issuedOn: '2026-09-02' })}，未签发`,
    );
  });
});

describe('the measures cited on the screens', () => {
  it('the gate and the pledge cite the full title (第七条)', () => {
    expect(translate('zh', 'gate.confidential')).toContain(`${FULL_TITLE}第七条`);
    expect(translate('zh', 'review.enrol.pledge')).toContain(`${FULL_TITLE}第七条`);
    for (const key of ['gate.confidential', 'review.enrol.pledge'] as const)
      expect(translate('zh', key)).not.toContain('《管理办法》');
  });
});
