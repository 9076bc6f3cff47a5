import { parseArgs } from 'node:util';
import { KIND_LABEL, openBundle, type OpenedBundle } from '../../src-shared/bundle';
import { formatFingerprint } from '../../src-shared/crypto/keys';
import { ageKeys, readBytes } from './bundle-io';
import { CliUsageError, type CliCommand } from './types';

export function describeBundle(b: OpenedBundle, indent = ''): string {
  const m = b.manifest;
  const lines = [
    `${indent}类型 kind:        ${KIND_LABEL[m.kind]}（${m.kind}）`,
    `${indent}评审包 package:   ${m.packageId}`,
    `${indent}签名者 signer:    ${m.signer.name}（${m.signer.role} ${m.signer.id}）`,
    `${indent}指纹 fingerprint: ${formatFingerprint(m.signer.fingerprint)}`,
    `${indent}计数 counter:     ${m.counter}    时间 created: ${m.createdAt}`,
    `${indent}清单哈希 manifest sha256: ${b.manifestSha256}`,
  ];
  for (const a of m.answers)
    lines.push(`${indent}回应 answers:     ${KIND_LABEL[a.kind]} ${a.manifestSha256}`);
  lines.push(`${indent}内容 contents:`);
  for (const [path, bytes] of b.files) lines.push(`${indent}  ${path}  ${bytes.byteLength} 字节`);
  if (b.kind === 'review-package') {
    lines.push(
      `${indent}  → ${b.document.title}；揭榜方 ${b.document.applicants.length} 家；专家 ${b.document.panel.experts.length} 名`,
    );
  } else if (b.kind === 'expert-sheets') {
    const scored = b.document.scores.filter((s) => !s.recusal).length;
    lines.push(
      `${indent}  → 专家 ${b.document.expertId}：评分 ${scored} 家，回避 ${b.document.scores.length - scored} 家（${b.document.status}）`,
    );
  } else if (b.kind === 'panel-result') {
    lines.push(
      `${indent}  → 揭榜方建议名单：${b.document.recommendedIds.join('、')}；核定经费总额 ${b.document.approvedTotal} 万元`,
    );
  }
  return lines.join('\n');
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: '校验文件包：解密、签名、校验和、内容（每项 ✓/✗） / verify a bundle',
  usage: `jiebang verify FILE [--identity KEY] [--passphrase-file F]

Opens FILE (decrypting it with an age identity or passphrase when it is encrypted), checks the
archive's safety limits, the Ed25519 signature over manifest.json, SHA256SUMS against the manifest,
every file against SHA256SUMS (none missing, none extra), and the contents against the data
format; a panel result's inner sheet bundles are verified one by one. Prints the kind, the signer's
fingerprint, every check with ✓/✗ and the contents. Exit 1 on any failure.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { identity: { type: 'string' }, 'passphrase-file': { type: 'string' } },
    });
    const [file] = positionals;
    if (file === undefined) throw new CliUsageError('需要 FILE');
    const bytes = await readBytes(io.cwd, file);
    const result = await openBundle(bytes, {
      keys: await ageKeys(io.cwd, values.identity, values['passphrase-file']),
    });
    io.out(`${file}\n`);
    const checks = result.ok ? result.bundle.checks : result.checks;
    for (const c of checks)
      io.out(`${c.ok ? '✓' : '✗'} ${c.name}${c.detail ? `：${c.detail}` : ''}\n`);
    if (!result.ok) {
      io.err(`✗ 校验失败 verification failed: ${result.error.message}\n`);
      return 1;
    }
    io.out(`${describeBundle(result.bundle)}\n`);
    for (const inner of result.bundle.inner)
      io.out(`\n  内嵌评分表 inner sheet bundle ✓\n${describeBundle(inner, '  ')}\n`);
    io.out('✓ 全部校验通过 all checks passed\n');
    return 0;
  },
};
