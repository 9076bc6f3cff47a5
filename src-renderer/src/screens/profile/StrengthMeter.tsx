import { useT } from '../../i18n';
import { passphraseStrength } from './strength';

export function StrengthMeter({ value }: { value: string }) {
  const t = useT();
  const s = passphraseStrength(value);
  return (
    <div className="row strength">
      <span className="note">{t('gate.strength')}</span>
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={s}
        aria-label={t('gate.strength')}
      />
      <span data-testid="strength">{t(`gate.strength.${s}`)}</span>
    </div>
  );
}
