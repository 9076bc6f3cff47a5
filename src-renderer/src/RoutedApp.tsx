import { Suspense, useEffect } from 'react';
import { createHashRouter, matchPath, NavLink, Outlet, RouterProvider } from 'react-router';
import { useT } from './i18n';
import { routes } from './routes';
import { ScreenFallback } from './components/ScreenFallback';
import { preloadInTurn } from './preload';
import { TestBanner } from './screens/profile/ProfileGate';
import { Shell } from './Shell';
import { UnsavedGuard } from './UnsavedGuard';

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

/** The frame of every screen: the sidebar's links, the top bar, the screen at the address. */
function Frame() {
  return (
    <>
      <Preloader />
      <UnsavedGuard />
      <Shell nav={<NavList />}>
        <TestBanner />
        <Suspense fallback={<ScreenFallback />}>
          <Outlet />
        </Suspense>
      </Shell>
    </>
  );
}

/**
 * Hash routes in a data router, so a screen can hold the user before they leave it with an edit
 * not saved (`useBlocker`: a link, the browser's back). An address no screen has shows the frame
 * alone, as before.
 */
const router = createHashRouter([
  {
    element: <Frame />,
    children: [
      ...routes.map((r) => ({ path: r.path, element: <r.Screen /> })),
      { path: '*', element: null },
    ],
  },
]);

/**
 * The app once a profile is unlocked: the router, the screens' links and the screen at the current
 * address (App shows it only while unlocked; locking returns to the gate).
 */
export function RoutedApp() {
  return <RouterProvider router={router} />;
}
