import type { Channel } from '../../src-shared/ipc';
import type { HandlerMap } from './types';
import { appHandlers } from './app';
import { bureauHandlers } from './bureau';
import { fileHandlers } from './file';
import { keyHandlers } from './keys';

/**
 * Every channel's handler. Each domain exports its own map (`src-main/handlers/<domain>.ts`);
 * the compiler checks that together they cover the whole contract, no more, no less.
 */
export const handlers: HandlerMap<Channel> = {
  ...appHandlers,
  ...fileHandlers,
  ...keyHandlers,
  ...bureauHandlers,
};
