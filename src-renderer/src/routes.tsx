import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { StringKey } from './i18n';

export interface AppRoute {
  path: string;
  /** Sidebar label; routes without one are reachable (by address) but not listed. */
  labelKey?: StringKey;
  /** The screen, its code fetched on first render (a chunk of its own; App shows a fallback). */
  Screen: LazyExoticComponent<ComponentType>;
  /** Fetches the screen's chunk without rendering it (idle preload, a pointer over its link). */
  preload: () => Promise<unknown>;
}

/**
 * A screen loaded when first needed: `load` imports its module, `name` is the component's export.
 * The first screen (the profile gate) ships none of them (issue 22: first screen ≤ 1 s).
 */
function screen<K extends string>(
  path: string,
  labelKey: StringKey | undefined,
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): AppRoute {
  let loading: Promise<Record<K, ComponentType>> | null = null;
  const preload = () => (loading ??= load());
  return {
    path,
    labelKey,
    Screen: lazy(() => preload().then((m) => ({ default: m[name] }))),
    preload,
  };
}

/**
 * Every screen of the app, in sidebar order: a new screen is one line here (its folder under
 * screens/, its strings under i18n/; see docs/architecture.md).
 */
export const routes: readonly AppRoute[] = [
  screen('/', 'nav.home', () => import('./screens/home/HomeScreen'), 'HomeScreen'),
  screen('/review', 'nav.review', () => import('./screens/review/ReviewScreen'), 'ReviewScreen'),
  screen('/chair', 'nav.chair', () => import('./screens/chair/ChairScreen'), 'ChairScreen'),
  screen(
    '/taskbook',
    'nav.taskbook',
    () => import('./screens/taskbook/TaskBookScreen'),
    'TaskBookScreen',
  ),
  screen('/award', 'nav.award', () => import('./screens/award/AwardScreen'), 'AwardScreen'),
  screen(
    '/inspection',
    'nav.inspection',
    () => import('./screens/inspection/InspectionScreen'),
    'InspectionScreen',
  ),
  screen(
    '/verify-print',
    'nav.verifyPrint',
    () => import('./screens/verify-print/VerifyPrintScreen'),
    'VerifyPrintScreen',
  ),
  screen('/bureau', 'nav.bureau', () => import('./screens/bureau/BureauScreen'), 'BureauScreen'),
  screen(
    '/bundles',
    'nav.bundles',
    () => import('./screens/bundles/BundlesScreen'),
    'BundlesScreen',
  ),
  screen(
    '/security',
    'nav.security',
    () => import('./screens/security/SecurityScreen'),
    'SecurityScreen',
  ),
  screen(
    '/diagnostics',
    undefined,
    () => import('./screens/diagnostics/DiagnosticsScreen'),
    'DiagnosticsScreen',
  ),
];
