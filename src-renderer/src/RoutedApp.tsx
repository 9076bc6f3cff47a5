import { Suspense, useEffect } from 'react';
import { HashRouter, matchPath, NavLink, Route, Routes } from 'react-router';
import { useT } from './i18n';
import { routes } from './routes';
import { ScreenFallback } from './components/ScreenFallback';
import { preloadInTurn } from './preload';
import { TestBanner } from './screens/profile/ProfileGate';
import { Shell } from './Shell';

function NavList() {
  const t = useT();
  return (
    <ul>
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
  );
}

/**
 * Fetches, while the page is idle, every screen (the one at the current address first), so moving
 * between screens does not wait for a chunk (issue 22).
 */
function Preloader() {
  useEffect(() => {
    const path = window.location.hash.replace(/^#/, '').split('?')[0] || '/';
    const here = routes.find((r) => matchPath({ path: r.path, end: true }, path));
    const screens = routes.map((r) => r.preload);
    if (here) screens.unshift(here.preload);
    return preloadInTurn(screens);
  }, []);
  return null;
}

/**
 * The app once a profile is unlocked: the router, the screens' links and the screen at the current
 * address (App shows it only while unlocked; locking returns to the gate).
 */
export function RoutedApp() {
  return (
    <HashRouter>
      <Preloader />
      <Shell nav={<NavList />}>
        <TestBanner />
        <Suspense fallback={<ScreenFallback />}>
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={<r.Screen />} />
            ))}
          </Routes>
        </Suspense>
      </Shell>
    </HashRouter>
  );
}
