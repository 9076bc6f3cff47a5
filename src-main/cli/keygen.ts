import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLE_LABEL, SignerRoleSchema } from '../../src-shared/bundle/terms';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import {
  fingerprint,
  formatFingerprint,
  generateSigningKey,
  publicKeyToPem,
  secretKeyToPem,
} from '../../src-shared/crypto/keys';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeFileError } from '../fs/errors';
import { CliUsageError, type CliCommand } from './types';

/** A new key file, whole or not at all (writeFileAtomic); an existing file is never overwritten. */
async function writeNew(path: string, text: string, secret: boolean): Promise<void> {
  try {
    await writeFileAtomic(path, text, { overwrite: false, mode: secret ? 0o600 : 0o644 });
  } catch (error) {
    throw new CliUsageError(describeFileError(error, path));
  }
}

export const keygenCommand: CliCommand = {
  usage: `jiebang keygen --role ROLE --out DIR

ROLE is one of the roles that sign bundles: ${SignerRoleSchema.options.map((r) => `${r} (${ROLE_LABEL[r]})`).join(', ')}.
bureau: DIR/signing.key (Ed25519, PKCS#8 PEM, 0600), DIR/signing.pub (SPKI PEM),
        DIR/age.key (age X25519 identity, 0600), DIR/age.pub (its recipient age1…)
others: DIR/signing.key, DIR/signing.pub
Existing files are never overwritten. Fingerprints are printed in groups of four hex digits, to
compare with paper.`,
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { role: { type: 'string' }, out: { type: 'string' } },
    });
    const role = SignerRoleSchema.safeParse(values.role);
    if (!role.success)
      throw new CliUsageError(`--role 须为以下之一：${SignerRoleSchema.options.join('、')}`);
    if (values.out === undefined)
      throw new CliUsageError('需要用 --out DIR 指定写入密钥的文件夹。 --out DIR is required.');
    const dir = resolve(io.cwd, values.out);
    await mkdir(dir, { recursive: true });
    const key = generateSigningKey();
    await writeNew(join(dir, 'signing.key'), secretKeyToPem(key.secretKey), true);
    await writeNew(join(dir, 'signing.pub'), publicKeyToPem(key.publicKey), false);
    io.out(
      `签名私钥：${join(values.out, 'signing.key')}\n密钥指纹：${formatFingerprint(fingerprint(key.publicKey))}\n`,
    );
    if (role.data === 'bureau') {
      const age = await generateAgeIdentity();
      await writeNew(join(dir, 'age.key'), `# jiebang bureau identity\n${age.identity}\n`, true);
      await writeNew(join(dir, 'age.pub'), `${age.recipient}\n`, false);
      io.out(`age 身份密钥：${join(values.out, 'age.key')}\nage 接收方公钥：${age.recipient}\n`);
    }
    return 0;
  },
};
