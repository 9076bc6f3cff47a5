/**
 * The chair's desk Web Worker (a module worker, started by desk-client.ts): each message is one
 * request for `handleDeskRequest`, verified with the renderer's crypto provider (@noble), its
 * SHA-256 made by WebCrypto where the worker has it (each file's digests made ahead:
 * webcrypto.ts). It starts its helper (desk-helper.worker.ts) at once, so an import of several
 * files is verified on two threads (desk-helper.ts).
 */
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { handleDeskRequest } from './desk';
import { helperThrough } from './desk-helper';
import { workerCrypto } from './webcrypto';

const cryptoFor = workerCrypto(nobleCrypto);
const helperWorker = new Worker(new URL('./desk-helper.worker.ts', import.meta.url), {
  type: 'module',
  name: 'chair-desk-helper',
});
const helper = helperThrough({
  postMessage: (message) => helperWorker.postMessage(message),
  addEventListener: (type, listener) => helperWorker.addEventListener(type, listener),
});

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleDeskRequest(event.data, (reply) => self.postMessage(reply), cryptoFor, helper);
});
