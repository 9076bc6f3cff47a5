import { useState } from 'react';
import type { ReviewPackage } from '../../../../src-shared/model';
import { useT } from '../../i18n';
import { useReview } from '../../stores/review';

/** 专家报到: the expert picks themself on the roster and confirms the pledge (第七条). */
export function EnrolPanel({ pkg }: { pkg: ReviewPackage }) {
  const t = useT();
  const enrol = useReview((s) => s.enrol);
  const [expertId, setExpertId] = useState('');
  const [pledge, setPledge] = useState(false);
  return (
    <form
      className="card gate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void enrol(expertId);
      }}
    >
      <h2>{t('review.enrol.heading')}</h2>
      <p className="note">{t('review.enrol.help')}</p>
      <div className="profile-list" role="radiogroup" aria-label={t('review.enrol.heading')}>
        {pkg.panel.experts.map((e) => (
          <label key={e.id} className="choice">
            <input
              type="radio"
              name="expert"
              value={e.id}
              checked={expertId === e.id}
              onChange={() => setExpertId(e.id)}
            />
            <span>
              {t('review.enrol.expert', {
                id: e.id,
                name: e.name,
                org: e.organisation,
                title: e.title,
              })}
              {e.role === 'chair' ? t('review.enrol.chairTag') : ''}
            </span>
          </label>
        ))}
      </div>
      <label className="choice">
        <input type="checkbox" checked={pledge} onChange={(e) => setPledge(e.target.checked)} />
        <span>{t('review.enrol.pledge')}</span>
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!expertId || !pledge}>
          {t('review.enrol.confirm')}
        </button>
      </div>
    </form>
  );
}
