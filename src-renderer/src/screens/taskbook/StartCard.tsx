import { fmtMoney } from '../../../../src-shared/money';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import { solverIdsOf } from '../../../../src-shared/taskbook';
import { useT } from '../../i18n';
import { useTaskBook } from '../../stores/taskbook';

/** Before there is a draft: what the signed decision gives the task book, and 起草. */
export function StartCard({ pkg, decision }: { pkg: ReviewPackage; decision: PanelDecision }) {
  const t = useT();
  const create = useTaskBook((s) => s.create);
  const name = (id: string) => pkg.applicants.find((a) => a.id === id)?.name ?? id;
  return (
    <div className="card">
      <h2>{t('taskbook.fromDecision')}</h2>
      <dl className="facts">
        <dt>{t('taskbook.solvers')}</dt>
        <dd>{solverIdsOf(decision).map(name).join(t('common.listSep'))}</dd>
        <dt>{t('taskbook.mode')}</dt>
        <dd>{decision.horseRace ? t('taskbook.raceJoint') : t('taskbook.single')}</dd>
        <dt>{t('taskbook.approvedTotal')}</dt>
        <dd>{fmtMoney(decision.approvedTotal)}</dd>
      </dl>
      <p className="note">{t('taskbook.draftNote')}</p>
      <button type="button" className="primary" onClick={() => void create(pkg, decision)}>
        {t('taskbook.create')}
      </button>
    </div>
  );
}
