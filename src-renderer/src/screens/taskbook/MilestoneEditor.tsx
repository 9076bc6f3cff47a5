import type { DraftMilestone, DraftParty, TaskBookEdit } from '../../../../src-shared/taskbook';
import { TEXT_MAX } from '../../../../src-shared/model';
import { linesOf } from '../../../../src-shared/taskbook';
import { AmountInput } from '../../components/AmountInput';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { TextInput } from '../../components/TextInput';
import { useT } from '../../i18n';
import { useTaskBook } from '../../stores/taskbook';

/** One milestone: title, due date, tranche, the solver it applies to, deliverables, indicators. */
export function MilestoneEditor({
  m,
  index,
  solvers,
  race,
  edit,
}: {
  m: DraftMilestone;
  index: number;
  solvers: readonly DraftParty[];
  race: boolean;
  edit: (e: TaskBookEdit) => void;
}) {
  const t = useT();
  const hold = useTaskBook((s) => s.hold);
  const heldText = useTaskBook((s) => s.heldText);
  const n = index + 1;
  const patch = (p: Extract<TaskBookEdit, { type: 'milestone' }>['patch']) =>
    edit({ type: 'milestone', index, patch: p });
  return (
    <fieldset className="milestone" data-testid={`milestone-${n}`}>
      <legend>{t('taskbook.milestoneN', { n })}</legend>
      <div className="field-grid">
        <Field label={t('taskbook.mTitle')} wide>
          <input value={m.title} onChange={(e) => patch({ title: e.target.value })} />
        </Field>
        <Field label={t('taskbook.mDue')}>
          <DateInput label={t('taskbook.mDue')} value={m.due} onCommit={(due) => patch({ due })} />
        </Field>
        <Field label={t('taskbook.mTranche')}>
          <AmountInput
            label={t('taskbook.mTranche')}
            value={m.tranche}
            onCommit={(tranche) => patch({ tranche })}
            onHeld={(why, text) => hold(`milestone-${m.id}`, why, text)}
            held={heldText(`milestone-${m.id}`)}
          />
        </Field>
        {race && (
          <Field label={t('taskbook.mSolver')}>
            <select
              value={m.applicantId ?? ''}
              onChange={(e) => patch({ applicantId: e.target.value || null })}
            >
              <option value="">{t('taskbook.allSolvers')}</option>
              {solvers.map((p) => (
                <option key={p.applicantId} value={p.applicantId}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <TextInput
          label={t('taskbook.mDeliverables')}
          wide
          rows={2}
          maxLength={TEXT_MAX}
          value={m.deliverables.join('\n')}
          onCommit={(text) => patch({ deliverables: linesOf(text) })}
        />
        <TextInput
          label={t('taskbook.mIndicators')}
          wide
          rows={2}
          maxLength={TEXT_MAX}
          value={m.indicators.join('\n')}
          onCommit={(text) => patch({ indicators: linesOf(text) })}
        />
      </div>
      <button type="button" onClick={() => edit({ type: 'remove-milestone', index })}>
        {t('taskbook.removeMilestone', { n })}
      </button>
    </fieldset>
  );
}
