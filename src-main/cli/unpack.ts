import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../crypto/node-crypto';
import { writeFolderAtomic } from '../fs/atomic-write';
import { describeFileError } from '../fs/errors';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { readBundleFile } from './bounded';
import { describeBundle } from './verify';
import { CliUsageError, missingArguments, type CliCommand } from './types';

export const unpackCommand: CliCommand = {
  usage: `jiebang unpack FILE -o DIR [--identity KEY] [--passphrase-file F]

Verifies FILE exactly as jiebang verify does; only when every check passes are its entries
(manifest.json, the signature files — signatures/<n>.sig and .pem, or manifest.sig and
signer.pem for format 1 —, SHA256SUMS and the payload) written to DIR, which must be new or
empty: they are written into a temporary folder beside it that takes DIR's name when every file
is on disk. On any failure nothing is written.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        ...ageKeyOptions,
      },
    });
    const [file] = positionals;
    if (file === undefined || values.out === undefined)
      throw missingArguments('jiebang unpack FILE -o DIR');
    const bytes = await readBundleFile(io.cwd, file);
    const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
    const result = await openBundle(bytes, { crypto: nodeCrypto, keys });
    if (!result.ok) {
      io.err(`✗ ${file} 校验失败，未写入任何文件：${result.error.message}\n`);
      return 1;
    }
    const outDir = resolve(io.cwd, values.out);
    for (const name of result.bundle.entries.keys()) {
      const target = resolve(outDir, name);
      if (!target.startsWith(outDir + sep)) throw new CliUsageError(`拒绝写到目录之外：${name}`);
    }
    try {
      await writeFolderAtomic(outDir, result.bundle.entries);
    } catch (error) {
      throw new CliUsageError(`${describeFileError(error, values.out)}未写入任何文件。`);
    }
    io.out(`${describeBundle(result.bundle)}\n✓ 已解包到 ${join(values.out)}\n`);
    return 0;
  },
};
