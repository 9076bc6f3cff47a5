/**
 * The HTML's first script, an entry of its own (electron.vite.config.ts): sends the gate's first
 * question while the app's scripts are still compiling (first-question.ts, issue 22).
 */
import { askFirst } from './first-question';

askFirst();
