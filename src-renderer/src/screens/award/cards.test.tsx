/**
 * The award screen's forms as first drawn (tester finding F4): no field of a form nobody has
 * touched is said to be missing or malformed — no 「缺少此项」, never NaN — but a note that it is
 * not complete, and the button to sign it live (pressing it says what is missing;
 * test/e2e/award.spec.ts presses it). A form that is a document already (the acceptance, dated
 * today) has its rules' findings live, with their articles, as every form of the app does.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { sampleTaskBook } from '../../../../src-shared/bundle/test-helpers';
import type { TaskBook } from '../../../../src-shared/model';
import { NoticeLine } from '../../components/NoticeLine';
import { NoBook } from './AwardScreen';
import { AssessmentCard } from './AssessmentCard';
import { AcceptanceCard, TerminationCard } from './ClosingCards';
import { RaceCard } from './RaceCard';
import { ChangeCard, ExtensionCard } from './RequestCards';

// The interface language is read from localStorage when the stores load (Node has none).
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined }));

const tb: TaskBook = { ...sampleTaskBook(), status: 'final' };
const END = '2029-06-30';

describe('the award forms, fresh', () => {
  const incomplete = {
    race: <RaceCard tb={tb} />,
    assessment: <AssessmentCard tb={tb} />,
    change: <ChangeCard tb={tb} />,
    extension: <ExtensionCard tb={tb} periodEnd={END} />,
    termination: <TerminationCard tb={tb} paid="0" />,
  };
  for (const [name, card] of Object.entries(incomplete))
    it(`${name}: says no issue before a field is edited, never NaN`, () => {
      const markup = renderToString(card);
      expect(markup).not.toContain('award-findings');
      expect(markup).not.toContain('✗');
      expect(markup).not.toContain('缺少此项');
      expect(markup).not.toContain('NaN');
      expect(markup).toContain('表单尚未填写完整');
      const button = /<button[^>]*>签名导出…<\/button>/.exec(markup)?.[0] ?? '';
      expect(button).not.toBe('');
      expect(button).not.toContain('disabled');
    });
  it('acceptance: a document from the start, its rules live with their articles', () => {
    const markup = renderToString(<AcceptanceCard tb={tb} paid="0" periodEnd={END} />);
    expect(markup).not.toContain('缺少此项');
    expect(markup).not.toContain('NaN');
    expect(markup).not.toContain('表单尚未填写完整');
    expect(markup).toContain('（第十二条（九））');
  });
});

describe('the award screen, its read failed', () => {
  it('says why (role alert), not that there is no signed task book', () => {
    const markup = renderToString(
      <NoBook failed={{ text: '记录无法解密（taskBooks/TB）：密钥不对。' }} />,
    );
    expect(markup).toMatch(/role="alert"[^>]*>记录无法解密（taskBooks\/TB）：密钥不对。</);
    // Said as the review and task book screens say theirs: the shared notice line.
    expect(markup).toContain(
      renderToString(
        <NoticeLine
          notice={{ tone: 'error', message: { text: '记录无法解密（taskBooks/TB）：密钥不对。' } }}
          testId="award-load-error"
        />,
      ),
    );
    expect(markup).not.toContain('请先在「任务书」中定稿');
    const none = renderToString(<NoBook failed={null} />);
    expect(none).not.toContain('role="alert"');
    expect(none).toContain('请先在「任务书」中定稿');
  });
});
