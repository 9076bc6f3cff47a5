import { useEffect } from 'react';
import { HashRouter, NavLink, Route, Routes } from 'react-router';
import { useT } from './i18n';
import { routes } from './routes';
import { useLang, useToggleLang } from './stores/ui';
import { subscribeToMainProgress } from './stores/progress';
import { ProgressPanel } from './components/ProgressPanel';

function Sidebar() {
  const t = useT();
  return (
    <nav className="sidebar" aria-label={t('nav.section.work')}>
      <div className="brand">
        <div className="brand-title">{t('app.title')}</div>
        <div className="brand-subtitle">{t('app.subtitle')}</div>
      </div>
      <ul>
        {routes
          .filter((r) => r.labelKey !== undefined)
          .map((r) => (
            <li key={r.path}>
              <NavLink to={r.path} end={r.path === '/'}>
                {r.labelKey ? t(r.labelKey) : r.path}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function TopBar() {
  const t = useT();
  const lang = useLang();
  const toggle = useToggleLang();
  return (
    <header className="topbar">
      <span className="spacer" />
      <button
        type="button"
        className="ghost"
        onClick={toggle}
        title={t('lang.label')}
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}

export function App() {
  useEffect(() => subscribeToMainProgress(), []);
  return (
    <HashRouter>
      <div className="shell">
        <Sidebar />
        <div className="main">
          <TopBar />
          <ProgressPanel />
          <main className="content">
            <Routes>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Routes>
          </main>
        </div>
      </div>
    </HashRouter>
  );
}
