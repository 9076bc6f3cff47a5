/**
 * The renderer's crypto provider with WebCrypto's SHA-256 and Ed25519 (issue 22: @noble's pure-JS
 * SHA-256 was a fifth of the desk worker's verification). WebCrypto has only a one-shot, asynchronous digest
 * and the provider's `Hasher` is synchronous and incremental, so the digests a bundle's opening
 * will ask for are made first: `prehashed` hashes the whole file and each stored ZIP entry's
 * bytes with `crypto.subtle.digest`, and the provider it gives answers a hasher fed exactly one
 * of those byte ranges (the same buffer, offset and length) from them. Any other hashing — an
 * entry not foreseen, several updates, a deflated entry — is @noble's, as before: the result is
 * the same SHA-256 either way (unit tests compare both on random inputs and bundles). Likewise
 * each signature over the manifest is checked ahead by `crypto.subtle.verify('Ed25519')` and the
 * equation answered from that verdict for exactly those bytes; where WebCrypto has no Ed25519,
 * @noble checks it.
 */
import { inspectZip, storedData } from '../../../src-shared/bundle/zip';
import { publicKeyFromPem } from '../../../src-shared/crypto/keys';
import { toHex, type CryptoProvider, type Hasher } from '../../../src-shared/crypto/provider';

/** Digests made ahead, by buffer, then `offset:length` within it. */
type Digests = WeakMap<ArrayBufferLike, Map<string, Uint8Array>>;

const rangeKey = (bytes: Uint8Array): string => `${bytes.byteOffset}:${bytes.byteLength}`;

/**
 * The byte ranges a bundle's opening hashes whole: the file, and each stored entry's data (also
 * by name, for the signatures).
 */
function rangesToHash(file: Uint8Array<ArrayBuffer>): {
  ranges: Uint8Array<ArrayBuffer>[];
  byName: Map<string, Uint8Array<ArrayBuffer>>;
} {
  const ranges = [file];
  const byName = new Map<string, Uint8Array<ArrayBuffer>>();
  let entries;
  try {
    entries = inspectZip(file);
  } catch {
    return { ranges, byName }; // not a ZIP (age-encrypted, malformed): the opening says what it is
  }
  for (const e of entries) {
    if (e.method !== 0) continue;
    // The same view of the file that the opening reads and hashes (`openZip`).
    const data = storedData(file, e);
    ranges.push(data);
    byName.set(e.name, data);
  }
  return { ranges, byName };
}

/** The signature files of format 2 (`signatures/N.sig` and `.pem`) and of format 1. */
const SIGNATURE = /^signatures\/(\d+)\.sig$/;

/** An Ed25519 check's key: the signature's and the message's ranges, the public key's bytes. */
const checkKey = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): string =>
  `${rangeKey(signature)}|${rangeKey(message)}|${toHex(publicKey)}`;

/**
 * WebCrypto's verdicts on the bundle's signatures over its manifest, by `checkKey` (none when
 * this WebCrypto has no Ed25519: @noble checks them).
 */
async function signatureVerdicts(
  subtle: SubtleCrypto,
  byName: ReadonlyMap<string, Uint8Array<ArrayBuffer>>,
): Promise<Map<string, boolean>> {
  // Keys name ranges of this file's buffer only (the provider checks the buffer before asking).
  const verdicts = new Map<string, boolean>();
  const manifest = byName.get('manifest.json');
  if (!manifest) return verdicts;
  const pairs: [string, string][] = [['manifest.sig', 'signer.pem']];
  for (const name of byName.keys()) {
    const m = SIGNATURE.exec(name);
    if (m) pairs.push([name, `signatures/${m[1] ?? ''}.pem`]);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [sigName, pemName] of pairs) {
    const sig = byName.get(sigName);
    const pem = byName.get(pemName);
    if (!sig || !pem || sig.byteLength !== 64) continue;
    let publicKey: Uint8Array | null = null;
    try {
      publicKey = publicKeyFromPem(decoder.decode(pem));
    } catch {
      continue;
    }
    if (!publicKey) continue;
    try {
      const key = await subtle.importKey('raw', new Uint8Array(publicKey), 'Ed25519', false, [
        'verify',
      ]);
      const ok = await subtle.verify('Ed25519', key, sig, manifest);
      verdicts.set(checkKey(sig, manifest, publicKey), ok);
    } catch {
      return new Map(); // no Ed25519 here, or a key it will not take: @noble checks them all
    }
  }
  return verdicts;
}

/** A hasher that answers one update of a range hashed ahead from `digests`, else `base`'s. */
function memoHasher(base: CryptoProvider, digests: Digests): Hasher {
  let only: Uint8Array | null = null;
  let inner: Hasher | null = null;
  const fallback = (): Hasher => {
    if (inner) return inner;
    const h = base.sha256();
    if (only) h.update(only);
    only = null;
    inner = h;
    return h;
  };
  let updates = 0;
  return {
    update: (data) => {
      updates++;
      if (updates === 1) only = data;
      else fallback().update(data);
    },
    digest: () => {
      if (updates === 1 && only) {
        const known = digests.get(only.buffer)?.get(rangeKey(only));
        if (known) return known.slice();
      }
      return fallback().digest();
    },
  };
}

/**
 * `base` with SHA-256 answered from WebCrypto's digests of `file`'s whole bytes and stored
 * entries (made here, before the synchronous opening asks for them). `file` must not change
 * while the provider is in use.
 */
export async function prehashed(
  base: CryptoProvider,
  subtle: SubtleCrypto,
  file: Uint8Array,
): Promise<CryptoProvider> {
  const { buffer } = file;
  if (!(buffer instanceof ArrayBuffer)) return base; // shared memory: hashed by `base`
  const digests: Digests = new WeakMap();
  const { ranges, byName } = rangesToHash(new Uint8Array(buffer, file.byteOffset, file.byteLength));
  const verdicts = await signatureVerdicts(subtle, byName);
  const made = await Promise.all(
    ranges.map(async (r) => new Uint8Array(await subtle.digest('SHA-256', r))),
  );
  ranges.forEach((r, i) => {
    const digest = made[i];
    if (!digest) return;
    const byRange = digests.get(r.buffer) ?? new Map<string, Uint8Array>();
    byRange.set(rangeKey(r), digest);
    digests.set(r.buffer, byRange);
  });
  return {
    ...base,
    name: `${base.name} + WebCrypto`,
    sha256: () => memoHasher(base, digests),
    // The equation only (keys.ts's `verify` refuses odd keys and encodings before it asks).
    ed25519Verify: (signature, message, publicKey) =>
      (signature.buffer === buffer && message.buffer === buffer
        ? verdicts.get(checkKey(signature, message, publicKey))
        : undefined) ?? base.ed25519Verify(signature, message, publicKey),
  };
}
