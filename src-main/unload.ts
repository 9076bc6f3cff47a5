/**
 * Leaving a page that holds an edit not saved (the renderer's `beforeunload` asks: the inspection
 * report while a field is refused). In a browser the browser asks; in the app Electron only tells
 * main (`will-prevent-unload`) and, unanswered, the window would neither close nor reload. Main
 * asks here with a native dialog: 留下 (the default, and what Escape does) keeps the page;
 * 离开 lets it go. Never imports Electron at runtime (tested with a double, as security.ts).
 */
import type { PreventableEvent } from './security';

/** The slice of WebContents this touches. */
export interface UnloadingContents {
  on(event: 'will-prevent-unload', listener: (event: PreventableEvent) => void): unknown;
}

/** The native dialog's options (Electron's MessageBoxSyncOptions), in Chinese. */
export interface LeaveBox {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

/** The button that lets the page go. */
export const LEAVE_BUTTON = 1;

export function leaveUnsavedBox(): LeaveBox {
  return {
    type: 'warning',
    title: '揭榜评审台',
    message: '有未保存的修改',
    detail: '离开将放弃这项修改；留下可以改正它。',
    buttons: ['留下', '离开'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/**
 * Asks (`ask`: true to leave) whenever the page would keep itself from unloading; leaving is
 * `preventDefault` on `will-prevent-unload` (Electron then ignores the page's beforeunload).
 */
export function askBeforeUnload(contents: UnloadingContents, ask: (box: LeaveBox) => number): void {
  contents.on('will-prevent-unload', (event) => {
    if (ask(leaveUnsavedBox()) === LEAVE_BUTTON) event.preventDefault();
  });
}
