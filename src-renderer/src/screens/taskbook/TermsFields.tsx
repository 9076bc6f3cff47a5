import type { FundingKey, TaskBookDraft, TaskBookEdit } from '../../../../src-shared/taskbook';
import { Field } from '../../components/Field';
import { useT, type StringKey } from '../../i18n';

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
  return (
    <>
      <fieldset disabled={locked}>
        <legend>{t('taskbook.ip')}</legend>
        <Field label={t('taskbook.ipOwnership')} wide>
          <textarea
            rows={3}
            value={draft.intellectualProperty.ownership}
            onChange={(e) => edit({ type: 'ip', patch: { ownership: e.target.value } })}
          />
        </Field>
        <Field label={t('taskbook.ipSharing')} wide>
          <textarea
            rows={3}
            value={draft.intellectualProperty.benefitSharing}
            onChange={(e) => edit({ type: 'ip', patch: { benefitSharing: e.target.value } })}
          />
        </Field>
      </fieldset>
      <fieldset disabled={locked}>
        <legend>{t('taskbook.funding')}</legend>
        <div className="field-grid">
          {FUNDING_FIELDS.filter(
            ([key]) => key !== 'contractAmount' || draft.projectType === 'enterprise',
          ).map(([key, label]) => (
            <Field key={key} label={t(label)}>
              <input
                inputMode="decimal"
                value={draft.funding[key] ?? ''}
                onChange={(e) => edit({ type: 'funding', key, value: e.target.value })}
              />
            </Field>
          ))}
        </div>
      </fieldset>
    </>
  );
}
