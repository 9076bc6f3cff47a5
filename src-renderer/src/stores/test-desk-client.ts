/**
 * The desk's worker client, run in process for the store tests
 * (`vi.mock('../workers/desk-client', () => import('./test-desk-client'))`): the same functions the
 * worker runs. Analyses are counted (`deskCalls`) and settle a few milliseconds later, so that one
 * asked for again while in flight can be told from one asked for after.
 */
import type { TrustState } from '../../../src-shared/bundle/trust';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { ReviewPackage } from '../../../src-shared/model';
import { deskView } from '../workflows/desk';
import { verifySheetFiles } from '../workflows/gather';
import type { DeskSheets } from '../workers/desk';

/** How many analyses the store asked for since the test last set it. */
export const deskCalls = { analyses: 0 };

export const mark = (): void => undefined;

export async function verifyInWorker(
  pkg: ReviewPackage,
  trust: TrustState | undefined,
  files: readonly { name: string; bytes: Uint8Array }[],
  desk: DeskSheets,
) {
  const bytes = files.map((f) => f.bytes);
  const verified = await verifySheetFiles(nobleCrypto, pkg, trust, files);
  const view = deskView(pkg, [...desk.known, ...verified.accepted], desk.own, desk.paper);
  return { ...verified, view, bytes };
}

export async function analyseInWorker(pkg: ReviewPackage, desk: DeskSheets) {
  deskCalls.analyses++;
  await new Promise((r) => setTimeout(r, 5));
  return deskView(pkg, desk.known, desk.own, desk.paper);
}
