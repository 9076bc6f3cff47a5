/** Test helpers: the sample review package as a signed bundle, and sheet bundles for it. */
import { generateSigningKey, type SigningKeyPair } from '../crypto/keys';
import type { ScoreSheet } from '../model';
import { samplePackage, sampleSheets } from '../sample-fixture';
import { buildBundle } from './bundle';

/** Attachments as stand-in bytes registered with their real hashes (no file system here). */
export async function sampleBundle(bureau: SigningKeyPair = generateSigningKey()) {
  const pkg = samplePackage();
  const files = new Map<string, Uint8Array>();
  const { sha256Hex } = await import('../crypto/keys');
  for (const a of pkg.applicants) {
    for (const att of a.attachments) {
      const bytes = new TextEncoder().encode(`%PDF-1.4 stand-in for ${att.name}`);
      att.sha256 = sha256Hex(bytes);
      att.size = bytes.byteLength;
      files.set(att.path, bytes);
    }
  }
  const bytes = await buildBundle({
    kind: 'review-package',
    bundleId: 'RP-1',
    packageId: pkg.packageId,
    signer: {
      role: 'bureau',
      id: 'bureau',
      name: '克拉玛依市科学技术局',
      secretKey: bureau.secretKey,
    },
    counter: 1,
    document: pkg,
    files,
    createdAt: '2026-12-01T09:00:00+08:00',
  });
  return { pkg, bytes, bureau, files };
}

export async function sheetBundle(
  sheet: ScoreSheet,
  key: SigningKeyPair,
  answers: string,
  counter = 1,
): Promise<Uint8Array> {
  return buildBundle({
    kind: 'expert-sheets',
    bundleId: `S-${sheet.expertId}-${counter}`,
    packageId: sheet.packageId,
    signer: { role: 'expert', id: sheet.expertId, name: sheet.expertId, secretKey: key.secretKey },
    counter,
    answers: [{ kind: 'review-package', manifestSha256: answers }],
    document: sheet,
    createdAt: '2026-12-08T11:30:00+08:00',
  });
}

export { sampleSheets };
