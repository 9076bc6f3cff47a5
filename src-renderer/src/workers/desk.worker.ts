/**
 * The chair's desk Web Worker (a module worker, started by desk-client.ts): each message is one
 * request for `handleDeskRequest`, verified with the renderer's crypto provider (@noble).
 */
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { handleDeskRequest } from './desk';

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleDeskRequest(event.data, (reply) => self.postMessage(reply), nobleCrypto);
});
