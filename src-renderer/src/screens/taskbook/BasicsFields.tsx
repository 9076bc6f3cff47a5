import { PROJECT_TYPE_LABEL, TEXT_MAX } from '../../../../src-shared/model';
import type { TaskBookDraft, TaskBookEdit } from '../../../../src-shared/taskbook';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { TextInput } from '../../components/TextInput';
import { useT } from '../../i18n';

/** 基本信息: ids, contract number, title, type, period (dates as written here), objectives. */
export function BasicsFields({
  draft,
  locked,
  edit,
}: {
  draft: TaskBookDraft;
  locked: boolean;
  edit: (e: TaskBookEdit) => void;
}) {
  const t = useT();
  return (
    <fieldset disabled={locked}>
      <legend>{t('taskbook.basics')}</legend>
      <div className="field-grid">
        <Field label={t('taskbook.id')}>
          <input value={draft.taskBookId} readOnly />
        </Field>
        <Field label={t('taskbook.contractNumber')}>
          <input
            value={draft.contractNumber}
            onChange={(e) => edit({ type: 'basics', patch: { contractNumber: e.target.value } })}
          />
        </Field>
        <Field label={t('taskbook.title')} wide>
          <input
            value={draft.title}
            onChange={(e) => edit({ type: 'basics', patch: { title: e.target.value } })}
          />
        </Field>
        <Field label={t('taskbook.type')} wide>
          <input
            data-testid="tb-type"
            value={`${PROJECT_TYPE_LABEL[draft.projectType]}${draft.isHorseRace ? t('taskbook.raceSuffix') : ''}`}
            readOnly
          />
        </Field>
        <Field label={t('taskbook.start')}>
          <DateInput
            label={t('taskbook.start')}
            value={draft.period.start}
            onCommit={(start) => edit({ type: 'period', patch: { start } })}
          />
        </Field>
        <Field label={t('taskbook.end')}>
          <DateInput
            label={t('taskbook.end')}
            value={draft.period.end}
            onCommit={(end) => edit({ type: 'period', patch: { end } })}
          />
        </Field>
        <TextInput
          label={t('taskbook.objectives')}
          wide
          rows={4}
          maxLength={TEXT_MAX}
          value={draft.objectives}
          onCommit={(objectives) => edit({ type: 'basics', patch: { objectives } })}
        />
      </div>
    </fieldset>
  );
}
