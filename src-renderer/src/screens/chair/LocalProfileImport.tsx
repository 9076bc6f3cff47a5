import { useState } from 'react';
import type { ReviewPackage } from '../../../../src-shared/model';
import { useSay, useT, type Message } from '../../i18n';
import { useChair } from '../../stores/chair';
import { useSession } from '../../stores/session';

/**
 * On a laptop shared by the panel: take an expert's exported sheet bundle from their own local
 * profile. The expert types their passphrase; the bundle then goes through the same verification
 * as a file from a USB stick.
 */
export function LocalProfileImport({ pkg }: { pkg: ReviewPackage }) {
  const t = useT();
  const say = useSay();
  const profiles = useSession((s) => s.profiles);
  const current = useSession((s) => s.profile);
  const importFromProfile = useChair((s) => s.importFromProfile);
  const others = profiles.filter((p) => p.id !== current?.id);
  const [chosen, setChosen] = useState('');
  const [pass, setPass] = useState('');
  const [problem, setProblem] = useState<Message | null>(null);
  if (others.length === 0) return null;
  return (
    <form
      className="row local-import"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        void importFromProfile(pkg, chosen, pass).then((p) => {
          setPass('');
          setProblem(p);
        });
      }}
    >
      <span>{t('chair.local.lead')}</span>
      <select
        aria-label={t('chair.local.profile')}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        required
      >
        <option value="">{t('chair.local.choose')}</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <input
        type="password"
        aria-label={t('chair.local.passphrase')}
        value={pass}
        onChange={(e) => setPass(e.target.value)}
        required
      />
      <button type="submit">{t('chair.local.import')}</button>
      {problem && (
        <span role="alert" className="error">
          {say(problem)}
        </span>
      )}
    </form>
  );
}
