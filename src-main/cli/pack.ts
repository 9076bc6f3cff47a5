import { readdirSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
import { bureauData, nextCounter, readTrust, writeTrust } from './bureau-folder';
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

/** The file standing where `dir` or a folder above it would be, or null (none: it can be made). */
async function fileInTheWay(dir: string): Promise<string | null> {
  for (let at = dir; ; at = dirname(at)) {
    const info = await stat(at).catch(() => null);
    if (info) return info.isDirectory() ? null : at;
    if (dirname(at) === at) return null;
  }
}

export const packCommand: CliCommand = {
  usage: `jiebang pack PACKAGE.json --attachments DIR --key signing.key -o OUT.jbx
             [--recipient age1… | --passphrase-file FILE] [--counter N] [--data DIR]

Signs a review package with the bureau's key as a format-2 bundle (subject: the package; the
signer's counter above every bundle this key signed before). With a data folder (--data, or
JIEBANG_BUREAU_DIR) the counter is kept there as package sign, calendar sign and inspection assign
keep it — one above the last this key signed from that folder, recorded once the bundle is
written; --counter N overrides it. With neither, pack keeps no counter and signs with 1, saying on
stderr what to pass (a receiver that imported this key's bundles refuses 1 as a replay). The CLI
keeps no audit log, so the manifest records an empty chain. The JSON is read strictly (a duplicate key
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
        data: { type: 'string' },
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
    // The counter kept in the bureau's data folder when one is named, as the other signing
    // commands keep it; none named: none kept, and the warning says what to pass.
    const data =
      values.data !== undefined || process.env['JIEBANG_BUREAU_DIR']
        ? bureauData(io.cwd, values.data)
        : null;
    // A data folder that is, or would be under, a file is refused before anything is written.
    const blocked = data ? await fileInTheWay(data.dir) : null;
    if (blocked !== null)
      throw new CliUsageError(
        `数据目录 ${data?.dir ?? ''} 无法使用：${blocked} 是文件而不是文件夹；请用 --data 给出文件夹`,
      );
    const trust = data ? await readTrust(data) : null;
    const signing =
      data && trust
        ? nextCounter(data, trust, fp, values.counter)
        : signingCounter(
            values.counter,
            undefined,
            '未给数据目录（--data DIR，与 package sign 所用的相同），jiebang pack 不保存签名计数',
          );
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
    // Recorded once the bundle is written: the next signing by this key goes above it.
    if (data && trust)
      await writeTrust(data, {
        ...trust,
        counters: { ...trust.counters, [fp]: Math.max(trust.counters[fp] ?? 0, counter) },
      });
    sayCounter(io, signing);
    io.out(
      `已打包：${values.out}（${bytes.byteLength} 字节${encryptTo ? '，age 加密' : ''}）\n签名者密钥指纹：${formatFingerprint(fp)}\n`,
    );
    return 0;
  },
};
