/**
 * The bureau's data folder for the command line (issue 17): what `jiebang` remembers between
 * commands on the bureau's machine, as plain files, each written whole (writeFileAtomic).
 *
 *   trust.json                         the import policy's state (src-shared/bundle/trust.ts):
 *                                      the bureau's pinned key, keys rotated away, counters
 *   packages/<packageId>/<manifest>.jbx  every review package this bureau signed (unencrypted)
 *   rounds/<packageId>.json            one ingest record per review round
 *   calendars/<year>.jbx               calendar bundles accepted from the pinned key
 *   inspections/assignments/<id>.jbx   inspection assignments this bureau signed
 *   inspections/reports/<round>/<id>.jbx  inspection reports taken in, by round
 *
 * Default: `<user data>/jiebang-panel/bureau` (`~/.local/share/…` on Linux); `--data DIR` or
 * `JIEBANG_BUREAU_DIR` choose another.
 */
import { join } from 'node:path';
import { openBundle, type TrustState } from '../../src-shared/bundle';
import type { CalendarFile } from '../../src-shared/calendar';
import { fingerprint } from '../../src-shared/crypto/keys';
import {
  IngestRecordSchema,
  roundStage,
  type IngestRecord,
  type IssuedRound,
  type SignedPackage,
} from '../../src-shared/bureau';
import { readJson } from '../../src-shared/io';
import { nodeCrypto } from '../crypto/node-crypto';
import { readBounded } from './io';
import { readPublicKey } from './bundle-io';
import { readBundleFile } from './bounded';
import { json, listData, writeData, type BureauData } from './bureau-folder';
import { CliUsageError } from './types';

export {
  bureauData,
  listData,
  nextCounter,
  readTrust,
  writeData,
  writeTrust,
  type BureauData,
} from './bureau-folder';

/**
 * `--bureau-key signing.pub`: pins it when nothing is pinned yet; refuses a different key than the
 * one pinned. Returns the trust state to use (not yet written).
 */
export async function withBureauKey(
  cwd: string,
  trust: TrustState,
  keyFile: string | undefined,
): Promise<TrustState> {
  if (keyFile === undefined) return trust;
  const key = await readPublicKey(cwd, keyFile);
  const fp = fingerprint(key);
  if (trust.bureauFingerprint && trust.bureauFingerprint !== fp)
    throw new CliUsageError(
      `--bureau-key ${keyFile} 与数据目录中固定的市科技局密钥不一致；更换密钥请用 jiebang key rotate`,
    );
  return { ...trust, bureauFingerprint: fp };
}

export const savePackage = (
  data: BureauData,
  packageId: string,
  manifestSha256: string,
  zip: Uint8Array,
): Promise<void> => writeData(data, ['packages', packageId, `${manifestSha256}.jbx`], zip);

/**
 * The rounds this folder issued: each package id with a signed package kept, and where its round
 * stands on `today` (results in once `jiebang ingest` recorded one) — for `packageIdIssued`.
 */
export async function issuedRounds(data: BureauData, today: string): Promise<IssuedRound[]> {
  const out: IssuedRound[] = [];
  for (const id of await listData(data, ['packages'])) {
    if ((await listData(data, ['packages', id])).length === 0) continue;
    const record = await readRecord(data, id);
    out.push({ packageId: id, stage: roundStage(record ? { record } : {}, today) });
  }
  return out;
}

/** Every review package kept in the folder, each opened and verified again. */
export async function signedPackages(data: BureauData): Promise<SignedPackage[]> {
  const out: SignedPackage[] = [];
  for (const id of await listData(data, ['packages'])) {
    for (const name of await listData(data, ['packages', id])) {
      const path = join(data.dir, 'packages', id, name);
      const opened = await openBundle(await readBundleFile(data.dir, path), { crypto: nodeCrypto });
      if (!opened.ok || opened.bundle.kind !== 'review-package')
        throw new CliUsageError(
          `数据目录中的 ${path} 未通过校验（${opened.ok ? '不是评审包' : opened.error.message}），请检查数据目录`,
        );
      out.push({
        pkg: opened.bundle.document,
        manifestSha256: opened.bundle.manifestSha256,
        signerFingerprint: opened.bundle.manifest.signers[0].fingerprint,
      });
    }
  }
  return out;
}

export async function readRecord(
  data: BureauData,
  packageId: string,
): Promise<IngestRecord | undefined> {
  const path = join(data.dir, 'rounds', `${packageId}.json`);
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(data.dir, path, 64 * 1024 * 1024);
  } catch {
    return undefined;
  }
  const read = readJson(bytes, path, 64 * 1024 * 1024);
  if (!read.ok) throw new CliUsageError(read.message);
  const parsed = IngestRecordSchema.safeParse(read.value);
  if (!parsed.success) throw new CliUsageError(`${path} 已损坏（不是本程序写入的评审记录）`);
  return parsed.data;
}

export const writeRecord = (data: BureauData, record: IngestRecord): Promise<void> =>
  writeData(data, ['rounds', `${record.packageId}.json`], json(record));

export const saveCalendar = (data: BureauData, year: number, bytes: Uint8Array): Promise<void> =>
  writeData(data, ['calendars', `${year}.jbx`], bytes);

/**
 * The calendars kept in the folder, each verified again and still signed by the bureau's key (the
 * pinned one or one rotated away): a file dropped into the folder by hand counts for nothing.
 */
export async function storedCalendars(
  data: BureauData,
  trust: TrustState,
): Promise<CalendarFile[]> {
  const ours = new Set([trust.bureauFingerprint, ...trust.retiredBureauKeys]);
  const out: CalendarFile[] = [];
  for (const name of await listData(data, ['calendars'])) {
    const path = join(data.dir, 'calendars', name);
    const opened = await openBundle(await readBundleFile(data.dir, path), { crypto: nodeCrypto });
    if (!opened.ok || opened.bundle.kind !== 'calendar')
      throw new CliUsageError(`数据目录中的 ${path} 未通过校验，请检查数据目录`);
    if (!ours.has(opened.bundle.manifest.signers[0].fingerprint))
      throw new CliUsageError(
        `数据目录中的 ${path} 不是本机固定的市科技局密钥签名的，请检查数据目录`,
      );
    out.push(opened.bundle.document);
  }
  return out;
}
