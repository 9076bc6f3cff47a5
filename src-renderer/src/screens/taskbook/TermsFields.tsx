import type { FundingKey, TaskBookDraft, TaskBookEdit } from '../../../../src-shared/taskbook';
import { TEXT_MAX } from '../../../../src-shared/model';
import { AmountInput } from '../../components/AmountInput';
import { Field } from '../../components/Field';
import { TextInput } from '../../components/TextInput';
import { useT, type StringKey } from '../../i18n';
import { useTaskBook } from '../../stores/taskbook';

/** The funding inputs (万元); the contract amount only for 企业出题 (第十三条（二）). */
const FUNDING_FIELDS = [
  ['city', 'taskbook.fCity'],
  ['issuer', 'taskbook.fIssuer'],
  ['selfRaised', 'taskbook.fSelf'],
  ['contractAmount', 'taskbook.fContract'],
] as const satisfies readonly (readonly [FundingKey, StringKey])[];

/** 知识产权归属与利益分配 (第十五条) and the funds (第十三条). */
export function TermsFields({
  draft,
  locked,
  edit,
}: {
  draft: TaskBookDraft;
  locked: boolean;
  edit: (e: TaskBookEdit) => void;
}) {
  const t = useT();
  const hold = useTaskBook((s) => s.hold);
  const heldText = useTaskBook((s) => s.heldText);
  return (
    <>
      <fieldset disabled={locked}>
        <legend>{t('taskbook.ip')}</legend>
        <TextInput
          label={t('taskbook.ipOwnership')}
          wide
          rows={3}
          maxLength={TEXT_MAX}
          value={draft.intellectualProperty.ownership}
          onCommit={(ownership) => edit({ type: 'ip', patch: { ownership } })}
        />
        <TextInput
          label={t('taskbook.ipSharing')}
          wide
          rows={3}
          maxLength={TEXT_MAX}
          value={draft.intellectualProperty.benefitSharing}
          onCommit={(benefitSharing) => edit({ type: 'ip', patch: { benefitSharing } })}
        />
      </fieldset>
      <fieldset disabled={locked}>
        <legend>{t('taskbook.funding')}</legend>
        <div className="field-grid">
          {FUNDING_FIELDS.filter(
            ([key]) => key !== 'contractAmount' || draft.projectType === 'enterprise',
          ).map(([key, label]) => (
            <Field key={key} label={t(label)}>
              <AmountInput
                label={t(label)}
                value={draft.funding[key] ?? ''}
                onCommit={(value) => edit({ type: 'funding', key, value })}
                onHeld={(why, text) => hold(`funding-${key}`, why, text)}
                held={heldText(`funding-${key}`)}
              />
            </Field>
          ))}
        </div>
      </fieldset>
    </>
  );
}
