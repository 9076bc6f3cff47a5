/** The people who sign after the award, each enrolled here with their own key (fingerprint shown). */
import { useRef, useState } from 'react';
import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import { nameProblem } from '../../../../src-shared/model/common';
import { NameInput } from '../../components/NameInput';
import { useT } from '../../i18n';
import { useAward } from '../../stores/award';
import { AwardRoleSchema, type AwardRole } from '../../workflows/award';
import { Field } from './parts';

/** A signer's name: at most 200 characters (`NameSchema`, as the bundle's manifest names them). */
const NAME_MAX = 200;

export function SignersCard() {
  const t = useT();
  const signers = useAward((s) => s.signers);
  const enrol = useAward((s) => s.enrol);
  const [name, setName] = useState('');
  const [role, setRole] = useState<AwardRole>('assessor');
  const [attempted, setAttempted] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  return (
    <form
      className="card"
      data-testid="award-signers"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setAttempted(true);
        if (nameProblem(name, NAME_MAX) !== null) return nameField.current?.focus();
        void enrol(role, name).then((ok) => {
          if (!ok) return;
          setName('');
          setAttempted(false);
        });
      }}
    >
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
      <NameInput
        label={t('award.signerName')}
        value={name}
        onChange={setName}
        max={NAME_MAX}
        attempted={attempted}
        missing={t('award.nameMissing')}
        inputRef={nameField}
      />
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
      <button type="submit">{t('award.enrol')}</button>
    </form>
  );
}
