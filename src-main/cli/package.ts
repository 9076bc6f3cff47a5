/**
 * `jiebang package new|lint|sign` (issue 17): the bureau's review package from its Excel lists,
 * checked by every rule of the measures, signed with the bureau key (optionally encrypted with a
 * passphrase for the USB stick) with the paper notice to compare.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  attachmentIndex,
  isListFile,
  newPassphrase,
  noticeText,
  packageFromGrids,
  packageIdIssued,
  packageIdIssuedText,
  ROUND_STAGE_ZH,
  readLists,
  signReviewPackage,
  type FolderFile,
  type Grid,
  type NamedBytes,
} from '../../src-shared/bureau';
import { fingerprint, publicKeyOf } from '../../src-shared/crypto/keys';
import { sha256HexWith } from '../../src-shared/crypto/provider';
import type { ReviewPackage } from '../../src-shared/model';
import { checkReviewPackage, hasBlocking } from '../../src-shared/rules';
import { nodeCrypto } from '../crypto/node-crypto';
import { describeFileError } from '../fs/errors';
import { readWorkbook } from '../xlsx/workbook';
import {
  bureauData,
  issuedRounds,
  nextCounter,
  readTrust,
  savePackage,
  writeTrust,
} from './bureau-data';
import { sayCounter } from './counter';
import { readPassphrase, readSigningKey } from './bundle-io';
import { findingLines } from './check';
import { cliToday } from './dates';
import { loadReviewPackage, readBounded, writeOutput } from './io';
import { CliUsageError, type CliCommand, type CliIo } from './types';

/** A proposal or agreement: the bundle's own bound on one entry. */
const ATTACHMENT_BYTES = 512 * 1024 * 1024;

/** Files of a folder (not hidden, not Excel's `~$` lock files), or a sentence. */
async function filesIn(cwd: string, folder: string): Promise<string[]> {
  const dir = resolve(cwd, folder);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new CliUsageError(describeFileError(error, folder));
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    if ((await stat(join(dir, name))).isFile()) out.push(name);
  }
  return out;
}

async function hashFiles(
  cwd: string,
  folder: string,
  names: readonly string[],
): Promise<Map<string, FolderFile>> {
  const files: NamedBytes[] = [];
  for (const name of names)
    files.push({ name, bytes: await readBounded(cwd, join(folder, name), ATTACHMENT_BYTES) });
  return attachmentIndex(files, nodeCrypto);
}

/** The lists of a folder as grids (workbooks and CSV), and the other files beside them. */
async function readFolder(
  cwd: string,
  folder: string,
  attachments: string | undefined,
): Promise<{ grids: Grid[]; files: Map<string, FolderFile>; problems: string[] }> {
  const names = await filesIn(cwd, folder);
  const lists: NamedBytes[] = [];
  for (const name of names.filter(isListFile))
    lists.push({ name, bytes: await readBounded(cwd, join(folder, name), 16 * 1024 * 1024) });
  // The same reading as the bureau's desk (src-shared/bureau/desk.ts).
  const { grids, problems } = await readLists(lists, readWorkbook);
  const others =
    attachments === undefined
      ? names.filter((n) => !isListFile(n))
      : await filesIn(cwd, attachments);
  const files = await hashFiles(cwd, attachments ?? folder, others);
  return { grids, files, problems };
}

async function packageFromFolder(
  io: CliIo,
  folder: string,
  attachments: string | undefined,
): Promise<{ pkg: ReviewPackage; notes: string[] }> {
  const read = await readFolder(io.cwd, folder, attachments);
  if (read.problems.length > 0)
    throw new CliUsageError(
      `读取名单文件夹 ${folder} 失败，未写入任何文件：\n  ${read.problems.join('\n  ')}`,
    );
  const built = packageFromGrids(read.grids, read.files);
  if (!built.ok)
    throw new CliUsageError(
      `名单文件夹 ${folder} 中有 ${built.problems.length} 处问题，未写入任何文件：\n  ${built.problems.join('\n  ')}`,
    );
  return { pkg: built.pkg, notes: built.notes };
}

async function isFolder(cwd: string, path: string): Promise<boolean> {
  try {
    return (await stat(resolve(cwd, path))).isDirectory();
  } catch {
    return false;
  }
}

/** The package's attachments from DIR: by file name, or else by content (SHA-256 and size). */
async function attachmentBytes(
  cwd: string,
  dir: string,
  pkg: ReviewPackage,
): Promise<Map<string, Uint8Array>> {
  const names = await filesIn(cwd, dir);
  const byHash = new Map<string, string>();
  const files = new Map<string, Uint8Array>();
  const hashAll = async () => {
    if (byHash.size > 0) return;
    for (const [name, f] of await hashFiles(cwd, dir, names))
      byHash.set(`${f.sha256}/${f.size}`, name);
  };
  for (const a of pkg.applicants.flatMap((x) => x.attachments)) {
    const own = basename(a.path);
    let name: string | undefined = names.includes(own) ? own : undefined;
    let bytes = name ? await readBounded(cwd, join(dir, name), ATTACHMENT_BYTES) : undefined;
    if (!bytes || sha256HexWith(nodeCrypto, bytes) !== a.sha256 || bytes.byteLength !== a.size) {
      await hashAll();
      name = byHash.get(`${a.sha256}/${a.size}`);
      bytes = name ? await readBounded(cwd, join(dir, name), ATTACHMENT_BYTES) : undefined;
    }
    if (!bytes)
      throw new CliUsageError(
        `附件文件夹 ${dir} 中没有评审包登记的附件 ${own}（${a.name}，SHA-256 ${a.sha256.slice(0, 16)}…），未签名`,
      );
    files.set(a.path, bytes);
  }
  return files;
}

async function runNew(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, attachments: { type: 'string' } },
  });
  const [folder] = positionals;
  if (folder === undefined || values.out === undefined)
    throw new CliUsageError('用法：jiebang package new FOLDER -o review-package.json');
  const { pkg, notes } = await packageFromFolder(io, folder, values.attachments);
  await writeOutput(io.cwd, values.out, `${JSON.stringify(pkg, null, 2)}\n`);
  for (const n of notes) io.err(`! ${n}\n`);
  io.out(
    `已生成评审包：${values.out}\n  ${pkg.packageId}：揭榜方 ${pkg.applicants.length} 家，专家 ${pkg.panel.experts.length} 名，评分项 ${pkg.rubric.criteria.length} 项，附件 ${pkg.applicants.flatMap((a) => a.attachments).length} 个\n下一步：jiebang package lint ${values.out}；jiebang package sign ${values.out} --key signing.key -o ${pkg.packageId}.jbx\n`,
  );
  return 0;
}

/**
 * The id the package gives, already issued from the data folder (`packageIdIssued`, the rule
 * `sign` applies): told by lint in the sentence `sign` refuses with, before anything is signed.
 */
async function reusedId(io: CliIo, packageId: string, flag: string | undefined): Promise<string[]> {
  const data = bureauData(io.cwd, flag);
  const taken = packageIdIssued(packageId, await issuedRounds(data, cliToday(io)));
  return taken
    ? [
        `${packageIdIssuedText({ id: taken.packageId, stage: ROUND_STAGE_ZH[taken.stage], suggestion: taken.suggestion })}（数据目录 ${data.dir}）`,
      ]
    : [];
}

async function runLint(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      attachments: { type: 'string' },
      data: { type: 'string' },
    },
  });
  const [target] = positionals;
  if (target === undefined)
    throw new CliUsageError('用法：jiebang package lint review-package.json|FOLDER');
  if (await isFolder(io.cwd, target)) {
    // The lists themselves: every finding placed at its cell.
    const read = await readFolder(io.cwd, target, values.attachments);
    if (read.problems.length > 0) throw new CliUsageError(read.problems.join('\n'));
    const built = packageFromGrids(read.grids, read.files);
    const reused = built.ok ? await reusedId(io, built.pkg.packageId, values.data) : [];
    const ok = built.ok && reused.length === 0;
    const lines = built.ok ? [...reused, ...built.notes] : built.problems;
    if (values.json) io.out(`${JSON.stringify({ target, ok, problems: lines }, null, 2)}\n`);
    else {
      for (const l of reused) io.out(`✗ ${l}\n`);
      for (const l of lines.slice(reused.length)) io.out(`${built.ok ? '!' : '✗'} ${l}\n`);
      io.out(
        ok
          ? '✓ 各表均符合格式，没有阻断问题\n'
          : `✗ ${built.ok ? reused.length : lines.length} 处问题\n`,
      );
    }
    return ok ? 0 : 1;
  }
  const pkg = await loadReviewPackage(io.cwd, target);
  const findings = checkReviewPackage(pkg);
  const reused = await reusedId(io, pkg.packageId, values.data);
  const blocking = hasBlocking(findings) || reused.length > 0;
  if (values.json)
    io.out(
      `${JSON.stringify({ target, ok: !blocking, findings, ...(reused.length > 0 ? { packageIdIssued: reused[0] } : {}) }, null, 2)}\n`,
    );
  else {
    io.out(`${target}: 评审包 ${pkg.packageId}\n`);
    for (const l of reused) io.out(`✗ 阻断  ${l}\n`);
    for (const line of findingLines(findings)) io.out(`${line}\n`);
    io.out(
      findings.length === 0 && !blocking
        ? '✓ 办法各条规则校验通过，无问题\n'
        : blocking
          ? `✗ ${findings.filter((f) => f.severity === 'blocking').length + reused.length} 项阻断问题\n`
          : '✓ 没有阻断问题\n',
    );
  }
  return blocking ? 1 : 0;
}

async function runSign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      out: { type: 'string', short: 'o' },
      attachments: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'new-passphrase': { type: 'boolean' },
      notice: { type: 'string' },
      data: { type: 'string' },
      counter: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (file === undefined || values.key === undefined || values.out === undefined)
    throw new CliUsageError(
      '用法：jiebang package sign review-package.json --key signing.key -o OUT.jbx',
    );
  if (values['passphrase-file'] !== undefined && values['new-passphrase'])
    throw new CliUsageError('--passphrase-file 与 --new-passphrase 只能选一个');
  const pkg = await loadReviewPackage(io.cwd, file);
  const secretKey = await readSigningKey(io.cwd, values.key);
  const data = bureauData(io.cwd, values.data);
  const trust = await readTrust(data);
  const fp = fingerprint(publicKeyOf(secretKey));
  const signing = nextCounter(data, trust, fp, values.counter);
  const files = await attachmentBytes(io.cwd, values.attachments ?? dirname(file), pkg);
  const passphrase = values['new-passphrase']
    ? newPassphrase(nodeCrypto)
    : values['passphrase-file'] !== undefined
      ? await readPassphrase(io.cwd, values['passphrase-file'], 'encrypt')
      : null;
  // The same function as the bureau's desk in the app (src-shared/bureau/desk.ts).
  const signed = await signReviewPackage({
    crypto: nodeCrypto,
    pkg,
    secretKey,
    trust,
    counter: signing.counter,
    files,
    passphrase,
    file: basename(values.out),
  });
  if (!signed.ok) throw new CliUsageError(`${signed.reason}（数据目录 ${data.dir}）`);
  // An id this folder issued is signed once (the desk's rule too): nothing written.
  const taken = packageIdIssued(pkg.packageId, await issuedRounds(data, cliToday(io)));
  if (taken)
    throw new CliUsageError(
      `${packageIdIssuedText({ id: taken.packageId, stage: ROUND_STAGE_ZH[taken.stage], suggestion: taken.suggestion })}（数据目录 ${data.dir}）`,
    );
  const { notice } = signed;
  const noticePath = values.notice ?? `${values.out.replace(/\.jbx$/i, '')}-notice.pdf`;
  const { renderNoticePdf } = await import('../pdf/notice');
  const pdf = await renderNoticePdf(notice);
  await writeOutput(io.cwd, values.out, signed.bytes);
  await writeOutput(io.cwd, noticePath, pdf.bytes);
  await savePackage(data, pkg.packageId, signed.manifestSha256, signed.zip);
  await writeTrust(data, signed.trust);
  for (const f of signed.findings) io.err(`! ${f.message}\n`);
  sayCounter(io, signing);
  io.out(
    `已签名：${values.out}（${signed.bytes.byteLength} 字节${passphrase ? '，age 口令加密' : ''}）\n发放通知：${noticePath}\n\n${noticeText(notice)}`,
  );
  return 0;
}

export const packageCommand: CliCommand = {
  usage: `jiebang package new FOLDER -o review-package.json [--attachments DIR]
jiebang package lint review-package.json|FOLDER [--attachments DIR] [--data DIR] [--json]
jiebang package sign review-package.json --key signing.key -o OUT.jbx [--attachments DIR]
        [--passphrase-file FILE | --new-passphrase] [--notice NOTICE.pdf] [--data DIR] [--counter N]

new   reads the bureau's lists in FOLDER — the workbooks of resources/templates/ (demand.xlsx,
      applicants.xlsx, panel.xlsx, rubric.xlsx; docs/templates.md), or the same tables as CSV
      (UTF-8 or GB18030, named by the sheet: 揭榜方.csv or applicants.csv) — and the proposal files
      beside them (or in --attachments DIR), and writes the review package. Every bad row is named
      (file, sheet, row, column, why; the article where a rule of the measures says so) and nothing
      is written until every row is good.
lint  runs every rule of the measures on a package (checkReviewPackage), each with its article; on a
      FOLDER, every finding is placed at its cell. A package id the data folder (--data, as for
      sign) already issued is told in the sentence sign refuses it with. Exit 1 with a blocking
      finding or an id already issued.
sign  signs the package with the bureau key as a bundle (attachments from --attachments DIR or the
      package's folder, by name or by content), optionally encrypted with a passphrase for the USB
      stick (--passphrase-file, or --new-passphrase to make one), and writes the paper notice to
      compare on import (package id, key fingerprint, passphrase line) as text and as a PDF
      (--notice, default OUT-notice.pdf). The data folder (--data, default the user's data folder
      …/jiebang-panel/bureau) pins the bureau key, keeps the counter and the signed package for
      jiebang ingest. A package id the folder already issued is refused (each id is signed once;
      give the new package a new id), naming where its round stands; nothing is written.`,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'new':
        return runNew(rest, io);
      case 'lint':
        return runLint(rest, io);
      case 'sign':
        return runSign(rest, io);
      default:
        throw new CliUsageError(
          `请给出子命令 new、lint 或 sign（jiebang package --help）${sub ? `，而不是“${sub}”` : ''}`,
        );
    }
  },
};
