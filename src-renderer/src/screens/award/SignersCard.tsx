/** The people who sign after the award, each enrolled here with their own key (fingerprint shown). */
import { useState } from 'react';
import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import { useT } from '../../i18n';
import { useAward } from '../../stores/award';
import { AwardRoleSchema, type AwardRole } from '../../workflows/award';
import { Field } from './parts';

export function SignersCard() {
  const t = useT();
  const signers = useAward((s) => s.signers);
  const enrol = useAward((s) => s.enrol);
  const [name, setName] = useState('');
  const [role, setRole] = useState<AwardRole>('assessor');
  return (
    <div className="card" data-testid="award-signers">
      <h2>{t('award.signers')}</h2>
      <p className="note">{t('award.signersIntro')}</p>
      <ul>
        {signers.map((s) => (
          <li key={s.signerId}>
            {t('common.paren', { text: s.name, note: t(`award.role.${s.role}`) })}
            <code>{formatFingerprint(s.fingerprint)}</code>
          </li>
        ))}
      </ul>
      <Field label={t('award.signerName')}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('award.signerRole')}>
        <select
          value={role}
          onChange={(e) => {
            const r = AwardRoleSchema.safeParse(e.target.value);
            if (r.success) setRole(r.data);
          }}
        >
          {AwardRoleSchema.options.map((r) => (
            <option key={r} value={r}>
              {t(`award.role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="button"
        disabled={name.trim() === ''}
        onClick={() => void enrol(role, name).then((ok) => ok && setName(''))}
      >
        {t('award.enrol')}
      </button>
    </div>
  );
}
