/** The documents signed for this task book: what, when, by whom (fingerprints shortened). */
import { FORM_LABEL } from '../../../../src-shared/award';
import { sayDay, useT } from '../../i18n';
import { useLang } from '../../stores/ui';
import { useAward } from '../../stores/award';
import type { StoredAward } from '../../workflows/award';

function titleOf(a: StoredAward, t: ReturnType<typeof useT>): string {
  const d = a.document;
  switch (d.type) {
    case 'assessment':
      return t('award.signedAssessment', {
        milestone: d.doc.milestoneId,
        id: d.doc.assessmentId,
        result: t(d.doc.passed ? 'award.pass' : 'award.fail'),
      });
    case 'race':
      return t('award.race');
    case 'form':
      return FORM_LABEL[d.doc.form];
  }
}

/** Re-opens a signed assessment with its evidence in the assessment card, to amend and sign again. */
function ReopenButton({ id }: { id: string }) {
  const t = useT();
  const reopen = useAward((s) => s.reopen);
  return (
    <>
      {' '}
      <button
        type="button"
        aria-label={t('award.reopenLabel', { id })}
        onClick={() => void reopen(id)}
      >
        {t('award.reopen')}
      </button>
    </>
  );
}

export function SignedList() {
  const t = useT();
  const lang = useLang();
  const awards = useAward((s) => s.awards);
  return (
    <div className="card" data-testid="award-signed">
      <h2>{t('award.signed')}</h2>
      {awards.length === 0 ? (
        <p className="note">{t('award.none')}</p>
      ) : (
        <ul>
          {awards.map((a) => (
            <li key={a.manifestSha256}>
              {titleOf(a, t)} · {sayDay(lang, a.signedAt.slice(0, 10))} ·{' '}
              {a.signers.map((s) => s.name).join(t('common.listSep'))} ·{' '}
              <code>{a.manifestSha256.slice(0, 16)}</code>
              {a.document.type === 'assessment' && (
                <ReopenButton id={a.document.doc.assessmentId} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
