import type { ReactElement } from 'react';
import type { StringKey } from './i18n';
import { HomeScreen } from './screens/HomeScreen';
import { BundlesScreen } from './screens/BundlesScreen';
import { SecurityScreen } from './screens/SecurityScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { ChairScreen } from './screens/ChairScreen';
import { TaskBookScreen } from './screens/TaskBookScreen';
import { VerifyPrintScreen } from './screens/VerifyPrintScreen';
import { AwardScreen } from './screens/award/AwardScreen';
import { BureauScreen } from './screens/bureau/BureauScreen';

export interface AppRoute {
  path: string;
  /** Sidebar label; routes without one are reachable but not listed. */
  labelKey?: StringKey;
  element: ReactElement;
}

/** Every screen of the app, in sidebar order. Add a screen with one line here. */
export const routes: AppRoute[] = [
  { path: '/', labelKey: 'nav.home', element: <HomeScreen /> },
  { path: '/review', labelKey: 'nav.review', element: <ReviewScreen /> },
  { path: '/chair', labelKey: 'nav.chair', element: <ChairScreen /> },
  { path: '/taskbook', labelKey: 'nav.taskbook', element: <TaskBookScreen /> },
  { path: '/award', labelKey: 'nav.award', element: <AwardScreen /> },
  { path: '/verify-print', labelKey: 'nav.verifyPrint', element: <VerifyPrintScreen /> },
  { path: '/bureau', labelKey: 'nav.bureau', element: <BureauScreen /> },
  { path: '/bundles', labelKey: 'nav.bundles', element: <BundlesScreen /> },
  { path: '/security', labelKey: 'nav.security', element: <SecurityScreen /> },
];
