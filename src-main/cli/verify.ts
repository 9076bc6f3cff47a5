import { parseArgs } from 'node:util';
import type { AuditHead } from '../../src-shared/audit/head';
// The bundle modules verify uses, not the barrel (`src-shared/bundle`), which also brings the
// import policy and its schemas (loaded for --previous only) and every document's (issue 22).
import { KINDS, type OpenedBundle } from '../../src-shared/bundle/kinds';
import { describeSubject, ROLE_LABEL } from '../../src-shared/bundle/terms';
import { formatFingerprint } from '../../src-shared/crypto/keys';
import { formatDateTimeZh } from '../../src-shared/text/date';
import { openBundleFile } from '../crypto/bundle-files';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { bundleFilePath } from './bounded';
import { CliUsageError, missingArguments, type CliCommand } from './types';

/** A signer's audit log as the manifest carries its head: 「无」 when it has no entry yet. */
const auditHeadText = (a: AuditHead): string =>
  a.length === 0 ? '审计日志：无' : `审计日志 ${a.length} 条，末条 ${a.head.slice(0, 16)}…`;

/**
 * A verified bundle as the official who checks it reads it, in Chinese (the kind's label, the
 * signers' roles, the time in Beijing time): the manifest itself keeps its ids and ISO time.
 */
export function describeBundle(b: OpenedBundle, indent = ''): string {
  const m = b.manifest;
  const lines = [
    `${indent}类型：${KINDS[m.kind].label}（第 ${m.formatVersion} 版格式）`,
    `${indent}用途：${KINDS[m.kind].purpose}`,
    `${indent}对象：${describeSubject(m.subject)}`,
  ];
  for (const [i, s] of m.signers.entries()) {
    lines.push(
      `${indent}签名者 ${i + 1}：${s.name}（${ROLE_LABEL[s.role]}，编号 ${s.id}）`,
      `${indent}  密钥指纹：${formatFingerprint(s.fingerprint)}`,
      `${indent}  签名计数：${s.counter}${s.audit ? `；${auditHeadText(s.audit)}` : ''}`,
    );
  }
  lines.push(
    `${indent}签发时间：${formatDateTimeZh(m.createdAt)}`,
    `${indent}清单 SHA-256：${b.manifestSha256}`,
  );
  for (const a of m.answers)
    lines.push(`${indent}回应：${KINDS[a.kind].label}（清单 SHA-256 ${a.manifestSha256}）`);
  lines.push(`${indent}内容：`);
  for (const [path, size] of b.sizes) lines.push(`${indent}  ${path}  ${size} 字节`);
  lines.push(`${indent}  → ${b.summary}`);
  return lines.join('\n');
}

export const verifyCommand: CliCommand = {
  usage: `jiebang verify FILE [--identity KEY] [--passphrase-file F] [--previous EARLIER.jbx]

Opens FILE (decrypting it with an age identity or passphrase when it is encrypted, binary or
ASCII-armored), checks the archive's central directory against its bounds before anything is
inflated, each signer's key and Ed25519 signature over manifest.json (format 2: one per signer,
signatures/<n>.sig and .pem; format 1: manifest.sig and signer.pem), the manifest (strict JSON,
the kind's roles, subject and answers), SHA256SUMS against the manifest, every file against
SHA256SUMS (none missing, none extra), the signer's audit chain when it travels, and the contents
against the data format; a panel result's inner sheet bundles are verified one by one. Prints
the kind, every signer's fingerprint, every check with ✓/✗ and the contents. With --previous,
also compares FILE with an earlier bundle from the same signer(s): each counter must go up and
each audit chain must not be shorter or rewritten (a truncated log shows here). Exit 1 on any
failure.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...ageKeyOptions,
        previous: { type: 'string' },
      },
    });
    const [file] = positionals;
    if (file === undefined) throw missingArguments('jiebang verify FILE');
    const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
    // Read as a stream: a 100 MB bundle is verified in one pass with bounded memory.
    const open = async (path: string) =>
      openBundleFile(await bundleFilePath(io.cwd, path), { keys });
    const result = await open(file);
    io.out(`${file}\n`);
    const checks = result.ok ? result.bundle.checks : result.checks;
    for (const c of checks)
      io.out(
        `${c.ok ? (c.warning ? '⚠' : '✓') : '✗'} ${c.name}${c.detail ? `：${c.detail}` : ''}\n`,
      );
    if (!result.ok) {
      io.err(`✗ ${file} 校验失败：${result.error.message}\n`);
      return 1;
    }
    io.out(`${describeBundle(result.bundle)}\n`);
    for (const inner of result.bundle.inner)
      io.out(`\n  内嵌评分表 ✓\n${describeBundle(inner, '  ')}\n`);
    if (values.previous !== undefined) {
      const earlier = await open(values.previous);
      if (!earlier.ok)
        throw new CliUsageError(
          `--previous ${values.previous} 未通过校验：${earlier.error.message}`,
        );
      const { compareBundles } = await import('../../src-shared/bundle/trust');
      const compared = compareBundles(earlier.bundle, result.bundle);
      if (compared.length === 0)
        throw new CliUsageError(`--previous ${values.previous} 与 ${file} 没有共同的签名者`);
      for (const c of compared)
        io.out(`${c.ok ? '✓' : '✗'} 与上一份文件比较 ${c.signer}：${c.reason}\n`);
      const failed = compared.find((c) => !c.ok);
      if (failed) {
        io.err(`✗ 与上一份文件比较未通过：${failed.reason}\n`);
        return 1;
      }
    }
    io.out('✓ 全部校验通过\n');
    return 0;
  },
};
