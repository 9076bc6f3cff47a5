import { formatShare } from '../../../../src-shared/decision';
import { fmtMoney } from '../../../../src-shared/money';
import { TEXT_MAX, type PanelDecision } from '../../../../src-shared/model';
import { linesOf, type TaskBookDraft, type TaskBookEdit } from '../../../../src-shared/taskbook';
import { TextInput } from '../../components/TextInput';
import { useT } from '../../i18n';
import { MilestoneEditor } from './MilestoneEditor';

/** 里程碑 and, for a horse race, each solver's race-stage targets (第十二条（七）（八）). */
export function PlanFields({
  draft,
  decision,
  locked,
  edit,
}: {
  draft: TaskBookDraft;
  decision: PanelDecision;
  locked: boolean;
  edit: (e: TaskBookEdit) => void;
}) {
  const t = useT();
  const solvers = draft.parties.filter((p) => p.role === 'solver');
  return (
    <>
      <fieldset disabled={locked}>
        <legend>{t('taskbook.milestones')}</legend>
        {draft.milestones.map((m, i) => (
          <MilestoneEditor
            key={m.id}
            m={m}
            index={i}
            solvers={solvers}
            race={draft.isHorseRace}
            edit={edit}
          />
        ))}
        <button type="button" onClick={() => edit({ type: 'add-milestone' })}>
          {t('taskbook.addMilestone')}
        </button>
      </fieldset>
      {draft.isHorseRace && (
        <fieldset disabled={locked}>
          <legend>{t('taskbook.raceTargets')}</legend>
          {solvers.map((p) => (
            <TextInput
              key={p.applicantId}
              label={p.name}
              wide
              rows={3}
              maxLength={TEXT_MAX}
              value={
                draft.raceStageTargets
                  .find((r) => r.applicantId === p.applicantId)
                  ?.targets.join('\n') ?? ''
              }
              onCommit={(text) =>
                edit({
                  type: 'race-targets',
                  applicantId: p.applicantId ?? '',
                  targets: linesOf(text),
                })
              }
            />
          ))}
          <p className="note">
            {t('taskbook.raceNote', {
              share: formatShare(decision.horseRace?.raceStageShare ?? ''),
            })}
          </p>
        </fieldset>
      )}
      <p className="note">
        {t('taskbook.fundingNote', { total: fmtMoney(decision.approvedTotal) })}
      </p>
    </>
  );
}
