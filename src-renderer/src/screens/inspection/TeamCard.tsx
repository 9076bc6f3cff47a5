/**
 * The team: each member enrols on this laptop with a passphrase of their own (typed twice); their
 * key's fingerprint is shown to compare with paper. The report starts once the team is enrolled.
 */
import { useState } from 'react';
import type { InspectionAssignment } from '../../../../src-shared/bundle';
import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import { MIN_SIGNING_PASSPHRASE } from '../../../../src-shared/passphrase';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useInspection } from '../../stores/inspection';

type Member = InspectionAssignment['team'][number];

export function TeamCard({
  assignment,
  started,
}: {
  assignment: InspectionAssignment;
  started: boolean;
}) {
  const t = useT();
  const inspectors = useInspection((s) => s.inspectors);
  const start = useInspection((s) => s.start);
  const enrolled = (m: Member) =>
    inspectors.find((i) => i.id === m.id && i.assignmentId === assignment.assignmentId);
  return (
    <div className="card" data-testid="inspection-team">
      <h2>{t('inspection.team')}</h2>
      <p className="note">{t('inspection.teamIntro')}</p>
      <ul>
        {assignment.team.map((m) => {
          const who = enrolled(m);
          return (
            <li key={m.id} data-testid={`inspector-${m.id}`}>
              {t('common.paren', {
                text: `${m.id} ${m.name}`,
                note: t(`inspection.role.${m.role}`),
              })}{' '}
              {who ? (
                <code>
                  {t('inspection.fingerprint', { fingerprint: formatFingerprint(who.fingerprint) })}
                </code>
              ) : (
                !started && <EnrolForm member={m} />
              )}
            </li>
          );
        })}
      </ul>
      {!started && (
        <button
          type="button"
          disabled={!assignment.team.some((m) => enrolled(m))}
          onClick={() => void start()}
        >
          {t('inspection.start')}
        </button>
      )}
    </div>
  );
}

function EnrolForm({ member }: { member: Member }) {
  const t = useT();
  const enrol = useInspection((s) => s.enrol);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat !== '' && repeat !== passphrase;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!mismatch && repeat !== '') void enrol(member.id, passphrase);
      }}
    >
      <Field
        label={t('inspection.passphrase', {
          name: member.name,
          min: String(MIN_SIGNING_PASSPHRASE),
        })}
      >
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </Field>
      <Field label={t('inspection.passphraseRepeat', { name: member.name })}>
        <input
          type="password"
          autoComplete="new-password"
          value={repeat}
          aria-invalid={mismatch}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </Field>
      {mismatch && (
        <p role="alert" className="error">
          {t('inspection.mismatch')}
        </p>
      )}
      <button type="submit" disabled={mismatch || repeat === ''}>
        {t('inspection.enrol', { name: member.name })}
      </button>
    </form>
  );
}
