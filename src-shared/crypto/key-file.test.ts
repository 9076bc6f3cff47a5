import { describe, expect, it } from 'vitest';
import { generateSigningKey, publicKeyToPem, secretKeyToPem } from './keys';
import { keyFileKind } from './key-file';

const utf8 = (s: string) => new TextEncoder().encode(s);
const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const IDENTITY = 'AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX';

describe('keyFileKind: what a key-like file holds', () => {
  const { secretKey, publicKey } = generateSigningKey();
  it('tells each kind of key file from its bytes', () => {
    expect(keyFileKind(utf8(secretKeyToPem(secretKey)))).toBe('signing-key');
    expect(keyFileKind(utf8(publicKeyToPem(publicKey)))).toBe('public-key');
    expect(
      keyFileKind(utf8(`# created: 2026-12-01\n# public key: ${RECIPIENT}\n${IDENTITY}\n`)),
    ).toBe('age-identity');
    expect(keyFileKind(utf8(`${RECIPIENT}\n`))).toBe('age-recipient');
    expect(keyFileKind(utf8(`# the bureau\n${RECIPIENT}\n${RECIPIENT}\n`))).toBe('age-recipient');
    expect(keyFileKind(utf8('纸上的口令 7d1f\n'))).toBe('passphrase');
    expect(keyFileKind(utf8(' \n'))).toBe('empty');
    expect(keyFileKind(utf8('one\ntwo\n'))).toBe('other');
    expect(keyFileKind(utf8('age-encryption.org/v1\n-> X25519 abc\n'))).toBe('age-file');
  });
  it('a PEM key of another kind or format is not taken for the Ed25519 one', () => {
    const rsa =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----\n';
    expect(keyFileKind(utf8(rsa))).toBe('other-private-key');
    const pub =
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';
    expect(keyFileKind(utf8(pub))).toBe('other-public-key');
  });
});
