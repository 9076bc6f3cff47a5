/**
 * The desk worker's helper (a module worker, started by desk.worker.ts): opens the part of an
 * import the desk worker hands it (desk-helper.ts `serveHelper`), with the same crypto provider.
 */
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { serveHelper } from './desk-helper';
import { workerCrypto } from './webcrypto';

serveHelper(
  {
    postMessage: (message) => self.postMessage(message),
    addEventListener: (type, listener) => self.addEventListener(type, listener),
  },
  workerCrypto(nobleCrypto),
);
