import type { ReactElement } from 'react';
import type { StringKey } from './i18n';
import { HomeScreen } from './screens/home/HomeScreen';
import { ReviewScreen } from './screens/review/ReviewScreen';
import { ChairScreen } from './screens/chair/ChairScreen';
import { TaskBookScreen } from './screens/taskbook/TaskBookScreen';
import { VerifyPrintScreen } from './screens/verify-print/VerifyPrintScreen';
import { BundlesScreen } from './screens/bundles/BundlesScreen';
import { SecurityScreen } from './screens/security/SecurityScreen';
import { DiagnosticsScreen } from './screens/diagnostics/DiagnosticsScreen';
import { AwardScreen } from './screens/award/AwardScreen';
import { BureauScreen } from './screens/bureau/BureauScreen';
import { InspectionScreen } from './screens/inspection/InspectionScreen';

export interface AppRoute {
  path: string;
  /** Sidebar label; routes without one are reachable (by address) but not listed. */
  labelKey?: StringKey;
  element: ReactElement;
}

/**
 * Every screen of the app, in sidebar order: a new screen is one line here (its folder under
 * screens/, its strings under i18n/; see docs/architecture.md).
 */
export const routes: readonly AppRoute[] = [
  { path: '/', labelKey: 'nav.home', element: <HomeScreen /> },
  { path: '/review', labelKey: 'nav.review', element: <ReviewScreen /> },
  { path: '/chair', labelKey: 'nav.chair', element: <ChairScreen /> },
  { path: '/taskbook', labelKey: 'nav.taskbook', element: <TaskBookScreen /> },
  { path: '/award', labelKey: 'nav.award', element: <AwardScreen /> },
  { path: '/inspection', labelKey: 'nav.inspection', element: <InspectionScreen /> },
  { path: '/verify-print', labelKey: 'nav.verifyPrint', element: <VerifyPrintScreen /> },
  { path: '/bureau', labelKey: 'nav.bureau', element: <BureauScreen /> },
  { path: '/bundles', labelKey: 'nav.bundles', element: <BundlesScreen /> },
  { path: '/security', labelKey: 'nav.security', element: <SecurityScreen /> },
  { path: '/diagnostics', element: <DiagnosticsScreen /> },
];
