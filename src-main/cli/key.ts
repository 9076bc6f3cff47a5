import { parseArgs } from 'node:util';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import {
  applyImport,
  buildBundle,
  BundleBuildError,
  checkImport,
  openBundle,
} from '../../src-shared/bundle';
import {
  fingerprint,
  formatFingerprint,
  publicKeyOf,
  publicKeyToPem,
} from '../../src-shared/crypto/keys';
import { DateSchema } from '../../src-shared/model';
import { nodeCrypto } from '../crypto/node-crypto';
import { bureauData, nextCounter, readTrust, writeTrust } from './bureau-data';
import { readSigningKey } from './bundle-io';
import { writeOutput } from './io';
import { CliUsageError, type CliCommand } from './types';

export const keyCommand: CliCommand = {
  usage: `jiebang key rotate --old OLD/signing.key --new NEW/signing.key -o rotation.jbx
        [--effective YYYY-MM-DD] [--reason TEXT] [--name NAME] [--data DIR]

Makes the key-rotation bundle: the bureau's new public key, signed by the old key and by the new
one (which proves it is held). An installation that pinned the old key accepts it and pins the new
one; bundles signed by the old key are refused from then on. The data folder's pin moves too. Both
fingerprints are printed, to go out on paper with the bundle. Make the new key first with
jiebang keygen --role bureau --out NEW/.`,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub !== 'rotate')
      throw new CliUsageError(
        `请给出子命令 rotate（jiebang key --help）${sub ? `，而不是“${sub}”` : ''}`,
      );
    const { values } = parseArgs({
      args: rest,
      options: {
        old: { type: 'string' },
        new: { type: 'string' },
        out: { type: 'string', short: 'o' },
        effective: { type: 'string' },
        reason: { type: 'string' },
        name: { type: 'string' },
        data: { type: 'string' },
      },
    });
    if (values.old === undefined || values.new === undefined || values.out === undefined)
      throw new CliUsageError(
        '用法：jiebang key rotate --old OLD/signing.key --new NEW/signing.key -o rotation.jbx',
      );
    const effective = values.effective ?? new Date().toISOString().slice(0, 10);
    if (!DateSchema.safeParse(effective).success)
      throw new CliUsageError(`--effective 应为实际存在的 YYYY-MM-DD 日期，而不是“${effective}”`);
    const oldKey = await readSigningKey(io.cwd, values.old);
    const newKey = await readSigningKey(io.cwd, values.new);
    const oldFp = fingerprint(publicKeyOf(oldKey));
    const newFp = fingerprint(publicKeyOf(newKey));
    if (oldFp === newFp) throw new CliUsageError('--old 与 --new 是同一个密钥');
    const data = bureauData(io.cwd, values.data);
    const stored = await readTrust(data);
    if (stored.bureauFingerprint && stored.bureauFingerprint !== oldFp)
      throw new CliUsageError(
        `数据目录 ${data.dir} 固定的市科技局密钥是 ${formatFingerprint(stored.bureauFingerprint)}，不是 --old 的 ${formatFingerprint(oldFp)}；未更换`,
      );
    // The bureau's own folder: its current key is the one being rotated away.
    const trust = { ...stored, bureauFingerprint: oldFp };
    const name = values.name ?? '市科学技术局';
    let bytes: Uint8Array;
    try {
      bytes = await buildBundle({
        crypto: nodeCrypto,
        kind: 'key-rotation',
        bundleId: `ROT-${newFp.slice(0, 16)}`,
        subject: { type: 'key', id: oldFp },
        signers: [
          {
            role: 'bureau',
            id: 'bureau',
            name,
            secretKey: oldKey,
            counter: nextCounter(trust, oldFp, undefined),
            audit: EMPTY_HEAD,
          },
          {
            role: 'bureau',
            id: 'bureau',
            name: `${name}（新密钥）`,
            secretKey: newKey,
            counter: nextCounter(trust, newFp, undefined),
            audit: EMPTY_HEAD,
          },
        ],
        document: {
          formatVersion: 1,
          role: 'bureau',
          previous: { fingerprint: oldFp },
          next: { fingerprint: newFp, publicKeyPem: publicKeyToPem(publicKeyOf(newKey)) },
          effectiveFrom: effective,
          reason: values.reason ?? '更换市科技局签名密钥',
        },
      });
    } catch (error) {
      if (error instanceof BundleBuildError) throw new CliUsageError(error.message);
      throw error;
    }
    const opened = await openBundle(bytes, { crypto: nodeCrypto });
    if (!opened.ok) throw new CliUsageError(`密钥更换文件包未通过自检：${opened.error.message}`);
    const verdict = checkImport(opened.bundle, trust);
    if (verdict.action !== 'import')
      throw new CliUsageError(
        `${verdict.action === 'refuse' ? verdict.reason : '此密钥更换已导入过'}；未更换`,
      );
    await writeOutput(io.cwd, values.out, bytes);
    await writeTrust(data, applyImport(trust, opened.bundle, verdict));
    io.out(
      `已签发密钥更换 signed: ${values.out}（${effective} 起）\n旧密钥指纹 old: ${formatFingerprint(oldFp)}\n新密钥指纹 new: ${formatFingerprint(newFp)}\n请将两个指纹随文件以纸质通知送达；已固定旧密钥的安装导入后改为固定新密钥。\n`,
    );
    return 0;
  },
};
