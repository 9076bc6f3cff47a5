/**
 * The chair's desk Web Worker (a module worker, started by desk-client.ts): each message is one
 * request for `handleDeskRequest`, verified with the renderer's crypto provider (@noble), its
 * SHA-256 made by WebCrypto where the worker has it (each file's digests made ahead:
 * webcrypto.ts).
 */
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { CryptoFor } from '../workflows/gather';
import { handleDeskRequest } from './desk';
import { prehashed } from './webcrypto';

const subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle;
const cryptoFor: CryptoFor = subtle ? (file) => prehashed(nobleCrypto, subtle, file) : nobleCrypto;

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleDeskRequest(event.data, (reply) => self.postMessage(reply), cryptoFor);
});
