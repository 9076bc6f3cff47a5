import { useEffect, useState } from 'react';
import { subscribeToProgress } from './stores/progress';
import { ScreenFallback } from './components/ScreenFallback';
import { preloadInTurn } from './preload';
import { routes } from './routes';
import { ProfileGate } from './screens/profile/ProfileGate';
import { useIdleLock } from './screens/profile/useIdleLock';
import { profileWorkflow, useSession } from './stores/session';
import { Shell } from './Shell';

/** The unlocked app with react-router, a chunk of its own: the gate does not route (issue 22). */
const routedApp = () => import('./RoutedApp');
type Routed = Awaited<ReturnType<typeof routedApp>>;

/**
 * The unlocked app's module once it has arrived (null before). It is rendered by a plain update
 * rather than `React.lazy`'s retry: that render may yield before it commits, and an address
 * changed in that gap would never reach the router, which listens from its commit on.
 */
function useRoutedApp(unlocked: boolean): Routed | null {
  const [routed, setRouted] = useState<Routed | null>(null);
  useEffect(() => {
    if (!unlocked || routed) return;
    let live = true;
    void routedApp().then((m) => {
      if (live) setRouted(m);
    });
    return () => {
      live = false;
    };
  }, [unlocked, routed]);
  return routed;
}

/** The screen at the current address (its path as written in `routes`), if any. */
function screenHere(): (() => Promise<unknown>) | undefined {
  const path = (window.location.hash.replace(/^#/, '').split('?')[0] || '/').replace(
    /(.)\/$/,
    '$1',
  );
  return routes.find((r) => r.path.toLowerCase() === path.toLowerCase())?.preload;
}

/**
 * Fetches, while the page is idle and only once the gate's form shows (main has answered which
 * profiles exist), what unlocking needs next: the profile workflow (database, sealing), the unlocked
 * app with the router, and the screen at the current address (issue 22).
 */
function GatePreloader() {
  const answered = useSession((s) => s.status !== 'loading');
  useEffect(() => {
    if (!answered) return;
    const here = screenHere();
    return preloadInTurn(here ? [profileWorkflow, routedApp, here] : [profileWorkflow, routedApp]);
  }, [answered]);
  return null;
}

export function App() {
  useEffect(() => subscribeToProgress(), []);
  useIdleLock();
  const unlocked = useSession((s) => s.status === 'unlocked');
  const routed = useRoutedApp(unlocked);
  if (unlocked)
    return routed ? (
      <routed.RoutedApp />
    ) : (
      <Shell nav={null}>
        <ScreenFallback />
      </Shell>
    );
  return (
    <Shell nav={null}>
      <GatePreloader />
      <ProfileGate />
    </Shell>
  );
}
