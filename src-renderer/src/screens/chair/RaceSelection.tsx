import { useEffect } from 'react';
import { blankAssessment } from '../../../../src-shared/decision';
import type { ReviewPackage } from '../../../../src-shared/model';
import { checkHorseRaceSelection } from '../../../../src-shared/rules';
import { DateInput } from '../../components/DateInput';
import { useT } from '../../i18n';
import { useRace } from '../../stores/race';
import type { AssessmentEdit } from '../../workflows/race';
import { today } from '../../workflows/deps';
import { now } from '../../stores/deps';

/**
 * Later in the project's life (第十三条（三））: the race stage's milestone assessment per solver,
 * and the one solver chosen to continue, with reasons. Saved as entered; the rule is checked live.
 */
export function RaceSelection({
  pkg,
  solverIds,
  actor,
}: {
  pkg: ReviewPackage;
  solverIds: readonly string[];
  actor: string;
}) {
  const t = useT();
  const { rows, load, edit } = useRace();
  useEffect(() => {
    void load();
  }, [load]);
  if (!rows) return null;
  const race = { packageId: pkg.packageId, solverIds, actor };
  const change = (e: AssessmentEdit) => edit(e, race);
  const findings = checkHorseRaceSelection(rows, solverIds);
  return (
    <section className="card race-selection" data-testid="race-selection">
      <h3>{t('race.heading')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('race.col.solver')}</th>
            <th>{t('race.col.date')}</th>
            <th>{t('race.col.passed')}</th>
            <th>{t('race.col.findings')}</th>
            <th>{t('race.col.continues')}</th>
            <th>{t('race.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {solverIds.map((id) => {
            const r =
              rows.find((x) => x.applicantId === id) ??
              blankAssessment(pkg.packageId, id, today(now));
            const patch = (p: Extract<AssessmentEdit, { type: 'patch' }>['patch']) =>
              change({ type: 'patch', applicantId: id, patch: p });
            return (
              <tr key={id}>
                <td>{pkg.applicants.find((a) => a.id === id)?.name ?? id}</td>
                <td>
                  <DateInput
                    label={t('race.dateOf', { id })}
                    value={r.assessedOn}
                    onCommit={(assessedOn) => assessedOn && patch({ assessedOn })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('race.passedOf', { id })}
                    checked={r.passed}
                    onChange={(e) => patch({ passed: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('race.findingsOf', { id })}
                    value={r.findings}
                    onChange={(e) => patch({ findings: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="continues"
                    aria-label={t('race.continuesOf', { id })}
                    checked={r.continues === true}
                    onChange={() => change({ type: 'choose', applicantId: id })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('race.reasonOf', { id })}
                    value={r.continueReason ?? ''}
                    onChange={(e) => patch({ continueReason: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {findings.length === 0 ? (
        <p className="ok">{t('race.done')}</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.rule} className="warn">
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
