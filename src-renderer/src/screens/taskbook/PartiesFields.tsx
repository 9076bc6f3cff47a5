import type { TaskBookDraft, TaskBookEdit } from '../../../../src-shared/taskbook';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';

/**
 * 签约各方 (第十二条（七）, 第十七条): each party's name, 法定代表人 and address; each 丙方 names
 * its own chief expert (第十二条（八）).
 */
export function PartiesFields({
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
      <legend>{t('taskbook.parties')}</legend>
      {draft.parties.map((p, index) => (
        <div
          key={`${p.role}${p.applicantId ?? index}`}
          className="party"
          data-testid={`party-${p.applicantId ?? p.role}`}
        >
          <div className="field-grid">
            <Field label={t(`taskbook.role.${p.role}`)} wide>
              <input
                value={p.name}
                onChange={(e) => edit({ type: 'party', index, patch: { name: e.target.value } })}
              />
            </Field>
            <Field label={t('taskbook.representative')}>
              <input
                value={p.representative}
                onChange={(e) =>
                  edit({ type: 'party', index, patch: { representative: e.target.value } })
                }
              />
            </Field>
            <Field label={t('taskbook.address')}>
              <input
                value={p.address}
                onChange={(e) => edit({ type: 'party', index, patch: { address: e.target.value } })}
              />
            </Field>
          </div>
          {p.role === 'solver' && (
            <fieldset className="chief-expert">
              <legend>{t('taskbook.chiefExpertOf', { name: p.name })}</legend>
              <div className="field-grid">
                <Field label={t('taskbook.ceName')}>
                  <input
                    value={p.chiefExpert?.name ?? ''}
                    onChange={(e) =>
                      edit({ type: 'chief-expert', index, patch: { name: e.target.value } })
                    }
                  />
                </Field>
                <Field label={t('taskbook.ceTitle')}>
                  <input
                    value={p.chiefExpert?.title ?? ''}
                    onChange={(e) =>
                      edit({ type: 'chief-expert', index, patch: { title: e.target.value } })
                    }
                  />
                </Field>
                <Field label={t('taskbook.ceOrg')} wide>
                  <input
                    value={p.chiefExpert?.organisation ?? ''}
                    onChange={(e) =>
                      edit({ type: 'chief-expert', index, patch: { organisation: e.target.value } })
                    }
                  />
                </Field>
              </div>
            </fieldset>
          )}
        </div>
      ))}
      <p className="note">{t('taskbook.partiesNote')}</p>
    </fieldset>
  );
}
