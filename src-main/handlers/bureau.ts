/**
 * The bureau's desk in main (issue 18): its keys (made, used and rotated here, never sent out),
 * the package signed with them, a panel's result decrypted with its age identity, the lists read
 * from Excel, the round's workbook and the printed notices. Each use case is the shared function
 * the command line calls too (src-shared/bureau/desk.ts, src-main/xlsx/summary.ts).
 */
import { join } from 'node:path';
import {
  keyRotationNotice,
  readLists,
  rotateBureauKey,
  signAssignment,
  signReviewPackage,
  newPassphrase,
} from '../../src-shared/bureau';
import { ageDecrypt, AgeError, isAgeFile } from '../../src-shared/crypto/age';
import { sha256HexWith } from '../../src-shared/crypto/provider';
import { IpcError, NOT_DECRYPTED } from '../../src-shared/ipc';
import { nodeCrypto } from '../crypto/node-crypto';
import { describeFileError, errorCode } from '../fs/errors';
import { BureauKeyStore } from '../keys/bureau';
import { KeyError } from '../keys/profiles';
import type { PdfJob, PdfResult } from '../pdf/jobs';
import { roundSheets } from '../xlsx/summary';
import { readWorkbook, writeWorkbook } from '../xlsx/workbook';
import { profileStore } from './keys';
import type { HandlerMap, HostServices } from './types';

const stores = new Map<string, BureauKeyStore>();
function bureauKeys(host: HostServices): BureauKeyStore {
  const profiles = profileStore(host);
  let store = stores.get(profiles.dir);
  if (!store) {
    store = new BureauKeyStore(profiles);
    stores.set(profiles.dir, store);
  }
  return store;
}

/** A KeyError or a file-system failure as a sentence; anything else without its internals. */
function guard<T>(host: HostServices, work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (error instanceof IpcError) throw error;
    if (error instanceof KeyError)
      throw new IpcError('handler-failed', error.message, [error.code]);
    if (errorCode(error) !== undefined)
      throw new IpcError(
        'handler-failed',
        describeFileError(error, `用户档案文件夹 ${join(host.dataDir, 'profiles')}`),
        ['storage'],
      );
    console.error('bureau handler failed:', error);
    throw new IpcError('handler-failed', '市科技局操作出现内部错误，未作任何更改。', ['internal']);
  });
}

async function render(job: PdfJob, host: HostServices): Promise<PdfResult> {
  if (host.renderPdf) return host.renderPdf(job);
  const { renderJob } = await import('../pdf/jobs');
  return renderJob(job);
}

export const bureauHandlers: HandlerMap<
  | 'bureau:key-info'
  | 'bureau:key-create'
  | 'bureau:key-rotate'
  | 'bureau:sign-package'
  | 'bureau:sign-assignment'
  | 'bureau:open-bundle'
  | 'bureau:read-lists'
  | 'bureau:export-xlsx'
  | 'notice:pdf'
> = {
  'bureau:key-info': (input, host) =>
    guard(host, async () => ({ key: await bureauKeys(host).info(input.profileId) })),
  'bureau:key-create': (input, host) =>
    guard(host, async () => ({
      key: await bureauKeys(host).create(input.profileId, input.passphrase),
    })),
  'bureau:key-rotate': (input, host) =>
    guard(host, async () => {
      const { value, key } = await bureauKeys(host).rotate(
        input.profileId,
        input.passphrase,
        async (old, next, trust) => {
          const rotated = await rotateBureauKey({
            crypto: nodeCrypto,
            oldKey: old.secretKey,
            newKey: next.secretKey,
            trust,
            effective: input.effective,
            ...(input.reason !== undefined ? { reason: input.reason } : {}),
          });
          if (!rotated.ok) throw new IpcError('handler-failed', rotated.reason);
          return { value: rotated, trust: rotated.trust };
        },
      );
      return {
        key,
        bytes: value.bytes,
        notice: keyRotationNotice({ ...value, effective: input.effective }),
      };
    }),
  'bureau:sign-package': (input, host) =>
    guard(host, async () =>
      bureauKeys(host).use(input.profileId, input.passphrase, async (secrets, trust) => {
        const passphrase =
          input.encrypt.kind === 'none'
            ? null
            : input.encrypt.kind === 'passphrase'
              ? input.encrypt.passphrase
              : newPassphrase(nodeCrypto);
        const signed = await signReviewPackage({
          crypto: nodeCrypto,
          pkg: input.pkg,
          secretKey: secrets.secretKey,
          trust,
          files: new Map(input.files.map((f) => [f.path, f.bytes])),
          passphrase,
          file: input.file,
        });
        if (!signed.ok) throw new IpcError('handler-failed', signed.reason);
        return {
          value: {
            bytes: signed.bytes,
            manifestSha256: signed.manifestSha256,
            fingerprint: signed.fingerprint,
            counter: signed.counter,
            notice: signed.notice,
            passphrase,
          },
          trust: signed.trust,
        };
      }),
    ),
  'bureau:sign-assignment': (input, host) =>
    guard(host, async () =>
      bureauKeys(host).use(input.profileId, input.passphrase, async (secrets, trust) => {
        const signed = await signAssignment({
          crypto: nodeCrypto,
          assignment: input.assignment,
          secretKey: secrets.secretKey,
          trust,
        });
        if (!signed.ok) throw new IpcError('handler-failed', signed.reason);
        const { bytes, manifestSha256, counter } = signed;
        return { value: { bytes, manifestSha256, counter }, trust: signed.trust };
      }),
    ),
  'bureau:open-bundle': (input, host) =>
    guard(host, async () => {
      const fileSha256 = sha256HexWith(nodeCrypto, input.bytes);
      if (!isAgeFile(input.bytes)) return { bytes: input.bytes, fileSha256, wasEncrypted: false };
      return bureauKeys(host).use(input.profileId, input.passphrase, async (secrets) => {
        try {
          const bytes = await ageDecrypt(
            input.bytes,
            [{ identity: secrets.ageIdentity }],
            nodeCrypto,
          );
          return { value: { bytes, fileSha256, wasEncrypted: true } };
        } catch (error) {
          if (error instanceof AgeError)
            // This file's refusal (the renderer names the file and goes on with the next one).
            throw new IpcError(
              'handler-failed',
              `文件包不能用本局的 age 身份解密：${error.message}`,
              [NOT_DECRYPTED],
            );
          throw error;
        }
      });
    }),
  'bureau:read-lists': (input, host) =>
    guard(host, async () => readLists(input.files, readWorkbook)),
  'bureau:export-xlsx': (input, host) =>
    guard(host, async () => ({
      bytes: await writeWorkbook(
        roundSheets(input.pkg, input.sheets, input.decision, input.provenance).sheets,
      ),
    })),
  'notice:pdf': (input, host) =>
    guard(host, () => render({ kind: 'notice', notice: input.notice }, host)),
};
