import { NavLink } from 'react-router';
import { useT } from '../../i18n';
import { NotesCard } from './NotesCard';

/** Where the work starts: what the app does, the steps in order, and the expert's own notes. */
export function HomeScreen() {
  const t = useT();
  return (
    <section className="screen">
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p className="note">{t('home.offline')}</p>
      <ol className="steps" data-testid="home-steps">
        <li>
          <NavLink to="/review">{t('nav.review')}</NavLink>
          {t('home.step.review')}
        </li>
        <li>
          <NavLink to="/chair">{t('nav.chair')}</NavLink>
          {t('home.step.chair')}
        </li>
        <li>
          <NavLink to="/taskbook">{t('nav.taskbook')}</NavLink>
          {t('home.step.taskbook')}
        </li>
        <li>
          <NavLink to="/bundles">{t('nav.bundles')}</NavLink>
          {t('home.step.bundles')}
        </li>
      </ol>
      <NotesCard />
    </section>
  );
}
