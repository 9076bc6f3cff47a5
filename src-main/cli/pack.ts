import { readdirSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BundleBuildError, reviewPackageSpec, type PayloadSource } from '../../src-shared/bundle';
import { AgeError } from '../../src-shared/crypto/age';
import { fingerprint, formatFingerprint, publicKeyWith } from '../../src-shared/crypto/keys';
import { checkReviewPackage, hasBlocking } from '../../src-shared/rules';
import { buildBundleFile, fileSource } from '../crypto/bundle-files';
import { startHashWorker } from '../crypto/hash-worker';
import { nodeCrypto } from '../crypto/node-crypto';
import { describeFileError, errorCode } from '../fs/errors';
import { readPassphrase, readRecipient, readSigningKey } from './bundle-io';
import { sayCounter, signingCounter } from './counter';
import { parseReviewPackage, readJsonDocument } from './json-io';
import { CliUsageError, missingArguments, type CliCommand } from './types';

/**
 * The bytes of the files in `dir` (0 when it cannot be read: the attachments say why later). On
 * this thread: a few stats, each a thread-pool round trip otherwise.
 */
function folderBytes(dir: string): number {
  try {
    let bytes = 0;
    for (const e of readdirSync(dir, { withFileTypes: true }))
      if (e.isFile()) bytes += statSync(join(dir, e.name)).size;
    return bytes;
  } catch {
    return 0;
  }
}

export const packCommand: CliCommand = {
  usage: `jiebang pack PACKAGE.json --attachments DIR --key signing.key -o OUT.jbx
             [--recipient age1… | --passphrase-file FILE] [--counter N]

Signs a review package with the bureau's key as a format-2 bundle (subject: the package; the
signer's counter from --counter, above every bundle this key signed before — pack keeps no
counter: without --counter it signs with 1 and says so on stderr, as a receiver that imported this
key's bundles refuses 1 as a replay; the CLI keeps no audit log, so the manifest records an empty
chain). The JSON is read strictly (a duplicate key
anywhere is refused). Every attachment the package lists is read from DIR by file name and must
match its registered SHA-256 and size. A package with blocking rule findings is refused
(jiebang check shows them). With --recipient or --passphrase-file the bundle is encrypted with
age (a passphrase handed out on paper, for example).`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        attachments: { type: 'string' },
        key: { type: 'string' },
        out: { type: 'string', short: 'o' },
        recipient: { type: 'string' },
        'passphrase-file': { type: 'string' },
        counter: { type: 'string' },
      },
    });
    const [file] = positionals;
    if (file === undefined || values.key === undefined || values.out === undefined) {
      throw missingArguments(
        'jiebang pack PACKAGE.json --attachments DIR --key signing.key -o OUT.jbx',
      );
    }
    // The hash worker started now, when the attachments' folder holds enough to pay for it: it
    // boots on the second core while this one reads, parses and checks the package (issue 22:
    // started at the first attachment, its boot held the first reads back).
    if (values.attachments !== undefined)
      startHashWorker(folderBytes(resolve(io.cwd, values.attachments)));
    const raw = await readJsonDocument(io.cwd, file, 'review-package');
    // The one description of a package's schema errors, as check, score and export say it.
    const pkg = parseReviewPackage(raw, file);
    const findings = checkReviewPackage(pkg);
    if (hasBlocking(findings)) {
      throw new CliUsageError(
        `评审包有阻断问题，未打包：\n  ${findings
          .filter((f) => f.severity === 'blocking')
          .map((f) => f.message)
          .join('\n  ')}`,
      );
    }
    const secretKey = await readSigningKey(io.cwd, values.key);
    const fp = fingerprint(publicKeyWith(nodeCrypto, secretKey));
    if (
      pkg.bureau.signingKeyFingerprint &&
      pkg.bureau.signingKeyFingerprint.replace(/\s/g, '') !== fp
    ) {
      throw new CliUsageError(
        `评审包登记的市科技局密钥指纹与 --key 不符（登记 ${pkg.bureau.signingKeyFingerprint}，密钥 ${formatFingerprint(fp)}）`,
      );
    }
    // Attachments are read as streams (hashed once while the bundle is built; the registered
    // SHA-256 is checked there): a 100 MB package is never held in memory.
    const files = new Map<string, PayloadSource>();
    for (const applicant of pkg.applicants) {
      for (const a of applicant.attachments) {
        if (values.attachments === undefined)
          throw new CliUsageError('评审包列有附件，需要 --attachments DIR');
        const path = resolve(io.cwd, values.attachments, basename(a.path));
        let source: PayloadSource;
        try {
          source = await fileSource(path);
        } catch {
          throw new CliUsageError(`缺少附件文件：${basename(a.path)}（${a.name}）`);
        }
        if (source.size !== a.size)
          throw new CliUsageError(`附件与评审包登记的 SHA-256 或大小不符：${basename(a.path)}`);
        files.set(a.path, source);
      }
    }
    const signing = signingCounter(values.counter, undefined, 'jiebang pack 不保存签名计数');
    const { counter } = signing;
    if (values.recipient !== undefined && values['passphrase-file'] !== undefined) {
      throw new CliUsageError(
        '--recipient 与 --passphrase-file 只能选一个 (--recipient or --passphrase-file, not both)',
      );
    }
    const encryptTo =
      values.recipient !== undefined
        ? { recipient: await readRecipient(io.cwd, values.recipient) }
        : values['passphrase-file'] !== undefined
          ? { passphrase: await readPassphrase(io.cwd, values['passphrase-file'], 'encrypt') }
          : undefined;
    const out = resolve(io.cwd, values.out);
    const signed = { ...pkg, bureau: { ...pkg.bureau, signingKeyFingerprint: fp } };
    try {
      await buildBundleFile(
        {
          ...reviewPackageSpec({ pkg: signed, secretKey, counter }),
          files,
          ...(encryptTo ? { encryptTo } : {}),
        },
        out,
      );
    } catch (error) {
      if (error instanceof BundleBuildError) throw new CliUsageError(error.message);
      if (error instanceof AgeError) throw new CliUsageError(`--recipient：${error.message}`);
      // The attachments were found and sized before: a file error here is the output's.
      if (errorCode(error) !== undefined)
        throw new CliUsageError(describeFileError(error, values.out));
      throw error;
    }
    const bytes = { byteLength: (await stat(out)).size };
    sayCounter(io, signing);
    io.out(
      `已打包：${values.out}（${bytes.byteLength} 字节${encryptTo ? '，age 加密' : ''}）\n签名者密钥指纹：${formatFingerprint(fp)}\n`,
    );
    return 0;
  },
};
