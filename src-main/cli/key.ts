import { parseArgs } from 'node:util';
import { keyRotationNotice, noticeText, rotateBureauKey } from '../../src-shared/bureau';
import { formatDateZh } from '../../src-shared/text/date';
import { nodeCrypto } from '../crypto/node-crypto';
import { bureauData, readTrust, writeTrust } from './bureau-folder';
import { readSigningKey } from './bundle-io';
import { writeOutput } from './io';
import { CliUsageError, type CliCommand } from './types';
import { cliDate, cliToday } from './dates';

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
    const effective = cliDate('--effective', values.effective ?? cliToday(io));
    const oldKey = await readSigningKey(io.cwd, values.old);
    const newKey = await readSigningKey(io.cwd, values.new);
    const data = bureauData(io.cwd, values.data);
    // The same function as the bureau's desk (src-shared/bureau/desk.ts).
    const rotated = await rotateBureauKey({
      crypto: nodeCrypto,
      oldKey,
      newKey,
      trust: await readTrust(data),
      effective,
      ...(values.reason !== undefined ? { reason: values.reason } : {}),
      ...(values.name !== undefined ? { name: values.name } : {}),
    });
    if (!rotated.ok) throw new CliUsageError(`${rotated.reason}（数据目录 ${data.dir}）`);
    const { bytes } = rotated;
    await writeOutput(io.cwd, values.out, bytes);
    await writeTrust(data, rotated.trust);
    io.out(
      `已签发密钥更换：${values.out}（${formatDateZh(effective)}起生效）\n请将以下通知随文件以纸质送达。\n\n${noticeText(keyRotationNotice({ ...rotated, effective }))}`,
    );
    return 0;
  },
};
