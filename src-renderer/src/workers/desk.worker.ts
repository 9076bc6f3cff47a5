/**
 * The chair's desk Web Worker (a module worker, started by desk-client.ts): each message is one
 * request for `handleDeskRequest`, verified with the renderer's crypto provider (@noble), its
 * SHA-256 made by WebCrypto where the worker has it (each file's digests made ahead:
 * webcrypto.ts). A reply's buffers (the files' bytes given back, the figures' `Float64Array`) are
 * transferred as `handleDeskRequest` asks, not copied (issue 22: copying the 49 files back cost
 * the worker ≈ 0.3–0.8 s inside `postMessage`).
 */
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { CryptoFor } from '../workflows/gather';
import { handleDeskRequest } from './desk';
import { prehashed } from './webcrypto';

const subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle;
const cryptoFor: CryptoFor = subtle ? (file) => prehashed(nobleCrypto, subtle, file) : nobleCrypto;

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleDeskRequest(
    event.data,
    (reply, transfer = []) => self.postMessage(reply, { transfer }),
    cryptoFor,
  );
});
