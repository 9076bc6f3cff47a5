import { useState } from 'react';
import { DateInput } from '../../components/DateInput';
import { listParam, useT } from '../../i18n';
import { useBureau } from '../../stores/bureau';
import { DEFAULT_CHECKLIST, type StoredRound } from '../../workflows/bureau';
import { ChecklistEditor } from './ChecklistEditor';
import { DeskNotice } from './DeskNotice';

interface Props {
  round: StoredRound;
  profileId: string;
  passphrase: string;
}

/** The assignment's fields as typed; `onIssued` after a signed assignment (to start afresh). */
function AssignForm({ round, profileId, passphrase, onIssued }: Props & { onIssued: () => void }) {
  const t = useT();
  const { busy, issue } = useBureau();
  const [site, setSite] = useState('');
  const [team, setTeam] = useState('');
  const [dueBy, setDueBy] = useState('');
  const [checklist, setChecklist] = useState<string[]>([...DEFAULT_CHECKLIST]);
  return (
    <>
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
      </div>
      <ChecklistEditor items={checklist} onChange={setChecklist} />
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
            checklist,
          }).then((issued) => issued && onIssued())
        }
      >
        {t('bureau.assign.issue')}
      </button>
    </>
  );
}

/**
 * An inspection assignment of the round's demand (评榜, 第十二条（二）): where, by whom, by when,
 * what to check; signed with the bureau key in main and saved for the team; the team's report
 * answers it. Once signed, the form starts afresh; a refusal keeps what was typed. What it answered
 * is said under the form (the store's `assignMessage`), not with the desk's other messages.
 */
export function AssignCard(props: Props) {
  const t = useT();
  const [issuedCount, setIssuedCount] = useState(0);
  const said = useBureau((s) => s.assignMessage);
  const issued = props.round.assignments ?? [];
  return (
    <div data-testid="bureau-assign">
      <h4>{t('bureau.assign.heading')}</h4>
      {issued.length > 0 && (
        <p>
          {t('bureau.assign.list', {
            list: listParam(issued.map((a) => a.assignment.assignmentId)),
          })}
        </p>
      )}
      <AssignForm key={issuedCount} {...props} onIssued={() => setIssuedCount((n) => n + 1)} />
      {/* What 签发考察任务 answered (issued, or why not), beside the form that asked. */}
      <DeskNotice
        message={said?.packageId === props.round.packageId ? said.message : null}
        testId="bureau-assign-message"
      />
    </div>
  );
}
