/**
 * The app's strict Ed25519 verification against OpenSSL's (node:crypto), which is what
 * `openssl pkeyutl -verify` runs: on genuine keys they agree exactly, changed signatures and
 * messages included, so a bundle the app accepts is one the bureau's openssl accepts.
 */
import { createPublicKey, verify as opensslVerify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, publicKeyToPem, sign, verify } from '../../src-shared/crypto/keys';

describe('Ed25519: the app and OpenSSL agree', () => {
  it('on genuine, changed and malleated signatures (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 500 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 1, max: 255 }))),
        fc.boolean(),
        (message, flip, changeMessage) => {
          const key = generateSigningKey();
          const signature = sign(message, key.secretKey);
          if (flip) signature[flip[0]] = (signature[flip[0]] ?? 0) ^ flip[1];
          const checked = changeMessage ? new Uint8Array([...message, 0]) : message;
          const ours = verify(signature, checked, key.publicKey);
          const openssl = opensslVerify(
            null,
            checked,
            createPublicKey(publicKeyToPem(key.publicKey)),
            signature,
          );
          expect(ours).toBe(openssl);
        },
      ),
      { numRuns: 200 },
    );
  });
});
