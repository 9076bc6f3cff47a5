/**
 * Refusals that name what was given: a file of the wrong sort at a command's door is said as what
 * it is (an age file, a key of another kind, a bundle of another kind), through the one detector in
 * src-shared that every command calls — found by a fresh tester, each sentence asserted whole.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageEncrypt, generateAgeIdentity } from '../../src-shared/crypto/age';
import { nodeCrypto } from '../crypto/node-crypto';
import { runForTestIn } from './run-for-test';

const SAMPLE = resolve('resources/sample');
const folder = () => mkdtemp(join(tmpdir(), 'jb-cli-refusals-'));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('an age file where a command reads a document', () => {
  it('jiebang print and render-taskbook name an age file (binary, armored, another version), never its text encoding', async () => {
    const dir = await folder();
    const { recipient } = await generateAgeIdentity();
    const tb = new Uint8Array(await readFile(join(SAMPLE, 'taskbook.json')));
    await writeFile(join(dir, 'tb.age'), await ageEncrypt(tb, { recipient }, nodeCrypto));
    await writeFile(
      join(dir, 'v2.age'),
      new Uint8Array([...utf8('age-encryption.org/v2\n-> X25519 abc\n--- x\n'), 0xff, 0x80]),
    );
    await writeFile(
      join(dir, 'armored.age'),
      '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n',
    );
    const notText = (file: string) =>
      `${file} 是 age 加密文件，不能当作文字读取：此处需要未加密的文件，请先解密 (an age-encrypted file, not text: decrypt it first)`;
    for (const file of ['tb.age', 'v2.age', 'armored.age']) {
      const r = await runForTestIn(dir, 'render-taskbook', file, '-o', 'out.pdf');
      expect(r.code).toBe(2);
      expect(r.err).toBe(`jiebang render-taskbook: ${notText(file)}\n`);
    }
    // print takes a signed form's bundle too: an age file is opened as one, and refused by it.
    const sealed = await runForTestIn(dir, 'print', 'tb.age', '-o', 'out.pdf');
    expect(sealed.code).toBe(2);
    expect(sealed.err).toBe(
      'jiebang print: tb.age：文件包校验失败：该文件已用 age 加密，需要身份密钥（--identity）或口令（--passphrase-file）\n',
    );
    const v2 = await runForTestIn(dir, 'print', 'v2.age', '-o', 'out.pdf');
    expect(v2.err).toBe(
      'jiebang print: v2.age：文件包校验失败：这是 age 加密文件，但其版本 v2 不受支持（本程序读写 age-encryption.org/v1）\n',
    );
    // The same reader behind every JSON door: a sheet given to score.
    const score = await runForTestIn(
      dir,
      'score',
      '--package',
      join(SAMPLE, 'review-package.json'),
      'v2.age',
    );
    expect(score.err).toBe(`jiebang score: ${notText('v2.age')}\n`);
    expect((await readdir(dir)).sort()).toEqual(['armored.age', 'tb.age', 'v2.age']);
  });
});

describe('a key file of another kind', () => {
  const signingKey = join(SAMPLE, 'keys', 'bureau-signing.key');
  const keys = async () => {
    const dir = await folder();
    const { identity, recipient } = await generateAgeIdentity();
    await writeFile(join(dir, 'age.key'), `# created: 2026-12-01\n${identity}\n`);
    await writeFile(join(dir, 'age.pub'), `${recipient}\n`);
    await writeFile(join(dir, 'pass.txt'), '纸上的口令 7d1f\n');
    await writeFile(
      join(dir, 'signing.pub'),
      await readFile(join(SAMPLE, 'keys', 'bureau-signing.pub')),
    );
    return dir;
  };

  it('--key names an age identity, a public key, a passphrase file or an age recipient given for the signing key', async () => {
    const dir = await keys();
    const pack = (key: string) =>
      runForTestIn(
        dir,
        'pack',
        join(SAMPLE, 'review-package.json'),
        '--attachments',
        join(SAMPLE, 'attachments'),
        '--key',
        key,
        '-o',
        'out.jbx',
      );
    const wanted =
      '不是 Ed25519 签名私钥（PKCS#8 PEM）：签名请用 jiebang keygen 生成的 signing.key';
    const said = {
      'age.key': `age.key 是 age 身份密钥（AGE-SECRET-KEY-1…），${wanted} (an age identity, not an Ed25519 signing key)`,
      'signing.pub': `signing.pub 是签名公钥（Ed25519 PEM），${wanted} (a public signing key, not an Ed25519 signing key)`,
      'pass.txt': `pass.txt 是口令文件（一行文字），${wanted} (a passphrase file, not an Ed25519 signing key)`,
      'age.pub': `age.pub 是 age 接收方公钥（age1…），${wanted} (an age recipient, not an Ed25519 signing key)`,
    };
    for (const [file, sentence] of Object.entries(said)) {
      const r = await pack(file);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`jiebang pack: ${sentence}\n`);
    }
    // Every command that signs reads its key through the same door: the key rotation too.
    const rotate = await runForTestIn(
      dir,
      'key',
      'rotate',
      '--old',
      'age.key',
      '--new',
      signingKey,
      '-o',
      'rotation.jbx',
      '--data',
      'data',
    );
    expect(rotate.err).toBe(`jiebang key: ${said['age.key']}\n`);
    expect((await readdir(dir)).sort()).toEqual(['age.key', 'age.pub', 'pass.txt', 'signing.pub']);
  });

  it('--passphrase-file names an age recipient (and a key of any kind); --bureau-key names a signing key', async () => {
    const dir = await keys();
    const sealed = join(dir, 'sealed.jbx');
    const { recipient } = await generateAgeIdentity();
    const whole = new Uint8Array(await readFile(join(SAMPLE, 'review-package.jbx')));
    await writeFile(sealed, await ageEncrypt(whole, { recipient }, nodeCrypto));
    const verify = await runForTestIn(dir, 'verify', 'sealed.jbx', '--passphrase-file', 'age.pub');
    expect(verify.code).toBe(2);
    expect(verify.err).toBe(
      'jiebang verify: age.pub 是 age 接收方公钥（age1…），用于加密，不是口令文件：解密需要与之配对的身份密钥（AGE-SECRET-KEY-1…），请用 --identity 给出 (a recipient, not a passphrase file: decrypt with its identity)\n',
    );
    // To encrypt (pack's --passphrase-file), a recipient is named too.
    const pack = await runForTestIn(
      dir,
      'pack',
      join(SAMPLE, 'review-package.json'),
      '--attachments',
      join(SAMPLE, 'attachments'),
      '--key',
      signingKey,
      '--passphrase-file',
      'age.pub',
      '-o',
      'out.jbx',
    );
    expect(pack.err).toBe(
      'jiebang pack: age.pub 是 age 接收方公钥（age1…），不是口令文件：口令文件只含一行口令 (an age recipient, not a passphrase file)\n',
    );
    const pub = await runForTestIn(dir, 'verify', 'sealed.jbx', '--passphrase-file', 'signing.pub');
    expect(pub.err).toBe(
      'jiebang verify: signing.pub 是签名公钥（Ed25519 PEM），不是口令文件：口令文件只含一行口令 (a public signing key, not a passphrase file)\n',
    );
    const bureauKey = await runForTestIn(
      dir,
      'ingest',
      'sealed.jbx',
      '--bureau-key',
      signingKey,
      '--data',
      'data',
    );
    expect(bureauKey.err).toBe(
      `jiebang ingest: ${signingKey} 是签名私钥（Ed25519 PEM），不是 Ed25519 公钥（SPKI PEM，如 signing.pub） (a signing key, not an Ed25519 public key)\n`,
    );
    expect((await readdir(dir)).sort()).toEqual([
      'age.key',
      'age.pub',
      'pass.txt',
      'sealed.jbx',
      'signing.pub',
    ]);
  });
});
