import { useState } from 'react';
import { DateInput } from '../../components/DateInput';
import { useT } from '../../i18n';
import { useBureau } from '../../stores/bureau';
import type { StoredRound } from '../../workflows/bureau';

/**
 * An inspection assignment of the round's demand (评榜, 第十二条（二）): where, by whom, by when;
 * signed with the bureau key in main and saved for the team; the team's report answers it.
 */
export function AssignCard({
  round,
  profileId,
  passphrase,
}: {
  round: StoredRound;
  profileId: string;
  passphrase: string;
}) {
  const t = useT();
  const { busy, issue } = useBureau();
  const [site, setSite] = useState('');
  const [team, setTeam] = useState('');
  const [dueBy, setDueBy] = useState('');
  const issued = round.assignments ?? [];
  return (
    <div data-testid="bureau-assign">
      <h4>{t('bureau.assign.heading')}</h4>
      {issued.length > 0 && (
        <p>
          {t('bureau.assign.list', {
            list: issued.map((a) => a.assignment.assignmentId).join(', '),
          })}
        </p>
      )}
      <div className="row">
        <label>
          {t('bureau.assign.site')}
          <input value={site} onChange={(e) => setSite(e.target.value)} />
        </label>
        <label>
          {t('bureau.assign.team')}
          <input value={team} onChange={(e) => setTeam(e.target.value)} />
        </label>
        <label>
          {t('bureau.assign.due')}
          <DateInput label={t('bureau.assign.due')} value={dueBy} onCommit={setDueBy} />
        </label>
        <button
          type="button"
          disabled={busy || passphrase === ''}
          onClick={() =>
            void issue({
              profileId,
              passphrase,
              packageId: round.packageId,
              site,
              team,
              dueBy,
            })
          }
        >
          {t('bureau.assign.issue')}
        </button>
      </div>
    </div>
  );
}
