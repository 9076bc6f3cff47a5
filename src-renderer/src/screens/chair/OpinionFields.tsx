import type { DecisionChoices } from '../../../../src-shared/decision';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import { useT } from '../../i18n';

/** 专家组意见 and any member's dissent (不同意见), on the record. */
export function OpinionFields({
  pkg,
  choices,
  decision,
  update,
}: {
  pkg: ReviewPackage;
  choices: DecisionChoices;
  decision: PanelDecision;
  update: (patch: Partial<DecisionChoices>) => void;
}) {
  const t = useT();
  const setDissent = (i: number, patch: Partial<DecisionChoices['dissent'][number]>) =>
    update({ dissent: choices.dissent.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  return (
    <>
      <label className="block">
        <span>{t('chair.opinion')}</span>
        <textarea
          rows={5}
          value={decision.opinion}
          onChange={(e) => update({ opinion: e.target.value })}
          data-testid="opinion"
        />
      </label>
      <fieldset>
        <legend>{t('chair.dissent')}</legend>
        {choices.dissent.map((d, i) => (
          <div key={i} className="row">
            <select
              aria-label={t('chair.dissentBy')}
              value={d.expertId}
              onChange={(e) => setDissent(i, { expertId: e.target.value })}
            >
              {pkg.panel.experts.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.id} {e.name}
                </option>
              ))}
            </select>
            <input
              aria-label={t('chair.dissentReason')}
              className="grow"
              value={d.reason}
              onChange={(e) => setDissent(i, { reason: e.target.value })}
            />
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            update({
              dissent: [
                ...choices.dissent,
                { expertId: pkg.panel.experts[0]?.id ?? '', reason: '' },
              ],
            })
          }
        >
          {t('chair.addDissent')}
        </button>
      </fieldset>
    </>
  );
}
