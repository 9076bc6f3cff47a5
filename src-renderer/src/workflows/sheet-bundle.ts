import { buildBundle } from '../../../src-shared/bundle';
import type { ScoreSheet } from '../../../src-shared/model';

/**
 * A sheet as a signed sheet bundle answering the review package: an expert's export, and the
 * chair's own sheet for the panel bundle (role chair).
 */
export function buildSheetBundle(input: {
  sheet: ScoreSheet;
  signer: { role: 'expert' | 'chair'; id: string; name: string; secretKey: Uint8Array };
  counter: number;
  packageManifestSha256?: string | null;
  auditJson: Uint8Array;
}): Promise<Uint8Array> {
  return buildBundle({
    kind: 'expert-sheets',
    bundleId: `${input.sheet.packageId}-${input.signer.id}-${input.counter}`,
    packageId: input.sheet.packageId,
    signer: input.signer,
    counter: input.counter,
    answers: input.packageManifestSha256
      ? [{ kind: 'review-package', manifestSha256: input.packageManifestSha256 }]
      : [],
    document: input.sheet,
    files: new Map([['audit.json', input.auditJson]]),
  });
}
