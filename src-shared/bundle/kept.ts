/**
 * The main document of a bundle this device opened and verified before and keeps byte for byte
 * (the chair's gathered sheet bundles: the row holds the bundle's bytes only, not its sheet a
 * second time; issue 22). Read again from the zip — the entry's CRC-32 checked — as strict JSON;
 * not verified again (the kept bytes are sealed in the encrypted database; the panel bundle that
 * ships them is verified by whoever opens it). Throws `ZipError` or `StrictJsonError`.
 */
import type { CryptoProvider } from '../crypto/provider';
import { parseStrictJson } from '../io/strict-json';
import { openZip } from './zip-open';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function keptDocument(bytes: Uint8Array, main: string, crypto: CryptoProvider): unknown {
  return parseStrictJson(utf8.decode(openZip(bytes, crypto).read(main)));
}
