/**
 * Page models, one per screen: the specs read as a user's steps ("import the sample, enrol as
 * E02, score A01 by keyboard"), and a screen's labels and test ids live in one place here.
 */
export { AppShell, type Files } from './app';
export { AwardPage } from './award';
export { BundlesPage } from './bundles';
export { ChairPage } from './chair';
export { DiagnosticsPage } from './diagnostics';
export { HomePage } from './home';
export { PASSPHRASE, ProfileGate } from './profile';
export { CHAIR_POINTS, ReviewPage } from './review';
export { SecurityPage } from './security';
export { TaskBookPage } from './taskbook';
export { VerifyPrintPage } from './verify-print';
