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
