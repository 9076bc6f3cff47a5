/**
 * The CLI's stand-in for `@noble/hashes/utils.js` (vite.cli.config.ts, the CommonJS build only):
 * the same module, with `randomBytes` drawing from node's CSPRNG (`crypto.randomFillSync`)
 * rather than from `globalThis.crypto.getRandomValues`. @noble/curves probes its random source
 * when a curve is made (`ed25519` at import, for scalar blinding), and in node 20 the first read
 * of `globalThis.crypto` loads and compiles node's whole Web Crypto module — ≈ 6 M instructions
 * of every `jiebang verify`, which uses no Web Crypto (issue 22). Same checks and errors as
 * @noble's: a non-negative safe integer, at most 65,536 bytes.
 */
import { randomFillSync } from 'node:crypto';
import { anumber } from '@noble/hashes/utils.js';

export * from '@noble/hashes/utils.js';

export function randomBytes(bytesLength = 32): Uint8Array {
  anumber(bytesLength, 'bytesLength');
  if (bytesLength > 65536)
    throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
  return randomFillSync(new Uint8Array(bytesLength));
}
