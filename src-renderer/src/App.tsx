import { Suspense, useEffect } from 'react';
import { HashRouter, matchPath, NavLink, Route, Routes } from 'react-router';
import { useSay, useT } from './i18n';
import { routes } from './routes';
import { useLang, useToggleLang } from './stores/ui';
import { subscribeToProgress } from './stores/progress';
import { ProgressPanel } from './components/ProgressPanel';
import { ScreenFallback } from './components/ScreenFallback';
import { preloadInTurn } from './preload';
import { ProfileGate } from './screens/profile/ProfileGate';
import { useIdleLock } from './screens/profile/useIdleLock';
import { profileWorkflow, useSession } from './stores/session';
import { useSaveState } from './stores/save';

function Sidebar() {
  const t = useT();
  const unlocked = useSession((s) => s.status === 'unlocked');
  return (
    <nav className="sidebar" aria-label={t('nav.section.work')}>
      <div className="brand">
        <img className="brand-icon" src="./icon.svg" alt="" width={28} height={28} />
        <div>
          <div className="brand-title">{t('app.title')}</div>
          <div className="brand-subtitle">{t('app.subtitle')}</div>
        </div>
      </div>
      <ul hidden={!unlocked}>
        {routes.flatMap((r) =>
          r.labelKey === undefined
            ? []
            : [
                <li key={r.path}>
                  <NavLink
                    to={r.path}
                    end={r.path === '/'}
                    onPointerEnter={() => void r.preload()}
                    onFocus={() => void r.preload()}
                  >
                    {t(r.labelKey)}
                  </NavLink>
                </li>,
              ],
        )}
      </ul>
    </nav>
  );
}

function SessionBar() {
  const t = useT();
  const say = useSay();
  const profile = useSession((s) => s.profile);
  const status = useSession((s) => s.status);
  const lock = useSession((s) => s.lock);
  const pending = useSaveState((s) => s.pending);
  const saveError = useSaveState((s) => s.lastError);
  if (status !== 'unlocked' || !profile) return null;
  return (
    <>
      <span
        data-testid="save-state"
        className={saveError ? 'error' : pending > 0 ? 'warn' : 'ok'}
        role="status"
      >
        {saveError
          ? t('session.saveFailed', { message: say(saveError) })
          : pending > 0
            ? t('session.saving')
            : t('session.saved')}
      </span>
      <span className="note">{t('session.current', { label: profile.label })}</span>
      <button type="button" onClick={() => lock('manual')}>
        {t('session.lock')}
      </button>
    </>
  );
}

function TopBar() {
  const t = useT();
  const lang = useLang();
  const toggle = useToggleLang();
  return (
    <header className="topbar">
      <span className="spacer" />
      <SessionBar />
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

/**
 * Fetches, while the page is idle, the code the user will need next: behind the gate, the profile
 * workflow (database, sealing) and the screen at the current address; once unlocked, every screen
 * (the current one first), so moving between screens does not wait for a chunk (issue 22).
 */
function Preloader() {
  const unlocked = useSession((s) => s.status === 'unlocked');
  useEffect(() => {
    const path = window.location.hash.replace(/^#/, '').split('?')[0] || '/';
    const here = routes.find((r) => matchPath({ path: r.path, end: true }, path));
    const screens = routes.map((r) => r.preload);
    if (here) screens.unshift(here.preload);
    return preloadInTurn(unlocked ? screens : [profileWorkflow, ...screens.slice(0, 1)]);
  }, [unlocked]);
  return null;
}

export function App() {
  useEffect(() => subscribeToProgress(), []);
  useIdleLock();
  return (
    <HashRouter>
      <Preloader />
      <div className="shell">
        <Sidebar />
        <div className="main">
          <TopBar />
          <ProgressPanel />
          <main className="content">
            <ProfileGate>
              <Suspense fallback={<ScreenFallback />}>
                <Routes>
                  {routes.map((r) => (
                    <Route key={r.path} path={r.path} element={<r.Screen />} />
                  ))}
                </Routes>
              </Suspense>
            </ProfileGate>
          </main>
        </div>
      </div>
    </HashRouter>
  );
}
