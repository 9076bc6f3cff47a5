/**
 * The profile gate's first question to main (which profiles exist, and where the app runs), sent
 * as this module is evaluated: main.tsx imports it first, so the question is on its way while
 * React and the screens' code are still being evaluated (issue 22: first screen ≤ 1 s). The bridge
 * checks both answers against the contract as for any call.
 */
import { api } from './bridge';

export const firstQuestion = Promise.all([api['profile:list'](), api['app:info']()]);
