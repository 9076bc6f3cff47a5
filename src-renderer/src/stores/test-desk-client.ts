/**
 * The chair's desk as the store tests run it, without a page: the desk's worker client run in
 * process (`vi.mock('../workers/desk-client', () => import('./test-desk-client'))`: the same
 * functions the worker runs; analyses counted in `deskCalls`, each settling a few milliseconds
 * later, so that one asked for again while in flight can be told from one asked for after), and
 * the bridge's file dialog (`vi.mock('../bridge', () => import('./test-desk-client'))`: it hands
 * over what `chooseSampleSheets` chose).
 */
import { sheetBundle } from '../../../src-shared/bundle/test-helpers';
import type { TrustState } from '../../../src-shared/bundle/trust';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import type { ReviewPackage } from '../../../src-shared/model';
import { sampleSheets } from '../../../src-shared/sample-fixture';
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

/** The files the file dialog hands over next. */
const chosen: { files: { name: string; bytes: Uint8Array }[] } = { files: [] };

/** The bridge, as far as the desk's import uses it: the file dialog, never cancelled. */
export const api = {
  'file:open': () => Promise.resolve({ canceled: false, files: chosen.files }),
};

/**
 * The sample's E02 and E03 sheets, each signed with a new key as an answer to the package whose
 * manifest is `manifest`, chosen for the dialog's next opening.
 */
export async function chooseSampleSheets(manifest: string): Promise<void> {
  const [, e02, e03] = sampleSheets();
  if (!e02 || !e03) throw new Error('sample sheets');
  chosen.files = [
    { name: 'E02.jbx', bytes: await sheetBundle(e02, generateSigningKey(), manifest) },
    { name: 'E03.jbx', bytes: await sheetBundle(e03, generateSigningKey(), manifest) },
  ];
}
