import { NavLink } from 'react-router';
import { useT } from '../../i18n';

/**
 * Later in the project's life (第十三条（三））: the race stage's assessment of every solver and
 * the one chosen to continue are made once, signed by the bureau and the 发榜方 and exported, on
 * 项目实施与验收 (screens/award/RaceCard) — the chair's desk points there instead of keeping an
 * unsigned choice of its own.
 */
export function RaceSelection({ solverIds }: { solverIds: readonly string[] }) {
  const t = useT();
  return (
    <section className="card race-selection" data-testid="race-selection">
      <h3>{t('race.heading')}</h3>
      <p>{t('race.signedOnAward', { ids: solverIds.join(t('common.listSep')) })}</p>
      <NavLink to="/award">{t('race.goAward')}</NavLink>
    </section>
  );
}
