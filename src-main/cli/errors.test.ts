/**
 * The errors issue 23 names, at the CLI's door, as a user meets them: `unpack -o` onto an existing
 * file, a CSV with full-width commas between its columns, output piped to `head`, a full disk
 * behind `>`, and parseArgs's English. (sweep.test.ts sweeps every command with malformed input.)
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unclearReasons } from '../../test/helpers/clear-error';
import { ageEncrypt, generateAgeIdentity } from '../../src-shared/crypto/age';
import { fileTooLarge } from '../../src-shared/io/file-size';
import { samplePackage } from '../../src-shared/sample-fixture';
import { nodeCrypto } from '../crypto/node-crypto';
import { runCli } from './main';

const SAMPLE = resolve('resources/sample');

async function run(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

const folder = () => mkdtemp(join(tmpdir(), 'jb-cli-errors-'));
const bundle = join(SAMPLE, 'review-package.jbx');

describe('jiebang unpack -o', () => {
  it('onto an existing file: refused in a sentence naming it, the file untouched, nothing written', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'taken'), 'keep me');
    const r = await run(dir, 'unpack', bundle, '-o', 'taken');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'jiebang unpack: 已存在同名的文件或文件夹，未覆盖：taken。未写入任何文件。\n',
    );
    expect(await readFile(join(dir, 'taken'), 'utf8')).toBe('keep me');
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('into a folder with files in it, or below a file: refused, nothing written', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'full'));
    await writeFile(join(dir, 'full', 'mine.txt'), 'x');
    await writeFile(join(dir, 'file'), 'x');
    const full = await run(dir, 'unpack', bundle, '-o', 'full');
    expect(full.err).toContain('文件夹 full 不是空的');
    const below = await run(dir, 'unpack', bundle, '-o', join('file', 'out'));
    expect(below.code).toBe(2);
    for (const r of [full, below])
      expect(unclearReasons(r.err.replace(/^jiebang unpack: /, ''))).toEqual([]);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      'file',
      'full',
      join('full', 'mine.txt'),
    ]);
  });

  it('into an empty folder or a new path (parents made): the whole bundle, no temporary left', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'empty'));
    for (const out of ['empty', join('new', 'deep', 'out')]) {
      const r = await run(dir, 'unpack', bundle, '-o', out);
      expect(r.code, r.err).toBe(0);
      expect((await readdir(join(dir, out))).sort()).toEqual(
        expect.arrayContaining(['manifest.json', 'SHA256SUMS']),
      );
    }
    expect((await readdir(dir)).sort()).toEqual(['empty', 'new']);
    expect(await readdir(join(dir, 'new', 'deep'))).toEqual(['out']);
  });
});

describe('jiebang score --csv', () => {
  it('with full-width commas between the columns: one sentence naming the file and the fix', async () => {
    const dir = await folder();
    const csv = (await readFile(join(SAMPLE, 'paper-sheets.csv'), 'utf8')).replaceAll(',', '，');
    await writeFile(join(dir, 'sheets.csv'), csv);
    const r = await run(
      dir,
      'score',
      '--package',
      join(SAMPLE, 'review-package.json'),
      '--csv',
      'sheets.csv',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^jiebang score: sheets\.csv：\n {2}表头各列以全角逗号“，”分隔；请以半角逗号“,”分隔/,
    );
    expect(r.err).not.toMatch(/auto-detect|delimit/i);
  });
});

describe("parseArgs's errors", () => {
  it.each([
    [['verify', '--bogus'], '未知选项 --bogus（可用的选项见 jiebang verify --help）。'],
    [['unpack', 'x.jbx', '-o'], '选项 --out 缺少值（见 jiebang unpack --help）。'],
    [['check', 'x.json', '--json=yes'], '选项 --json 不带值'],
    [['keygen', 'extra'], '此命令不接受“extra”这样的位置参数'],
    [['pack', 'p.json', '--key', '-o'], '选项 --key 后的值以“-”开头'],
  ])('jiebang %j: a sentence, exit 2', async (argv, sentence) => {
    const r = await run(await folder(), ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(sentence);
    expect(unclearReasons(r.err.replace(/^jiebang [a-z-]+: /, ''))).toEqual([]);
  });
});

/** The CLI from source in a process of its own, stdout going where `stdout` says. */
function jiebang(args: string[], stdout: 'closed-pipe' | number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args], {
    stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, 'pipe'],
  });
  // The reader goes away before the command writes a byte, as `head` does once it has its lines.
  if (stdout === 'closed-pipe') child.stdout?.destroy();
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise<{ code: number | null; err: string }>((done) =>
    child.on('close', (code) => done({ code, err })),
  );
}

describe('the jiebang process and its output streams', () => {
  it('piped into a reader that has gone (| head): stops quietly, status 141, no EPIPE, no stack', async () => {
    const r = await jiebang(['verify', bundle], 'closed-pipe');
    expect(r.err).toBe('');
    expect(r.code).toBe(141);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'writing to a full disk (> /dev/full): a sentence on stderr, status 1',
    async () => {
      const r = await jiebang(['verify', bundle], openSync('/dev/full', 'w'));
      expect(r.code).toBe(1);
      expect(r.err).toBe('jiebang: 无法写出结果。磁盘空间不足，标准输出 stdout 未能写入。\n');
    },
  );
});

describe('jiebang verify of a file past the bound on one file', () => {
  it('refuses it from its size, before reading it, in the words the screens use', async () => {
    const dir = await folder();
    // 300 MB starting with PK, sparse: nothing of it is written, nor read.
    const big = join(dir, 'big.jbx');
    await writeFile(big, Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
    await truncate(big, 300 * 1024 * 1024);
    const r = await run(dir, 'verify', 'big.jbx');
    expect(r.code).toBe(2);
    expect(r.err).toContain(fileTooLarge('big.jbx', 300 * 1024 * 1024));
    expect(r.err).toContain(
      'big.jbx 有 300 MB，超过单个文件 256 MB 的上限，未读取：请确认选对了文件',
    );
  });

  it('is refused in the same sentence by every command that reads a package or panel bundle', async () => {
    const dir = await folder();
    const big = join(dir, 'big.jbx');
    await writeFile(big, Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
    await truncate(big, 300 * 1024 * 1024);
    const sheets = join(SAMPLE, 'sheets');
    const sheet = join(sheets, (await readdir(sheets))[0] ?? '');
    const sentence = fileTooLarge('big.jbx', 300 * 1024 * 1024);
    // `--package` of score and check, a bundle given to check, and unpack: each refuses from the
    // size, as verify does (one bound and sentence: src-shared/io/file-size.ts). A sheet bundle
    // has its own, smaller bound (SHEET_BUNDLE_BYTES, 16 MiB).
    for (const argv of [
      ['score', '--package', 'big.jbx', sheet],
      ['check', '--package', 'big.jbx', sheet],
      ['check', 'big.jbx'],
      ['unpack', 'big.jbx', '--out', 'x'],
    ]) {
      const r = await run(dir, ...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err, argv.join(' ')).toContain(sentence);
    }
  });
});

describe('jiebang pack of a bundle past the bound on one file', () => {
  it('refuses it from the attachments’ sizes before reading them, naming them, writing nothing', async () => {
    const dir = await folder();
    const pkg = samplePackage();
    await mkdir(join(dir, 'att'));
    for (const name of await readdir(join(SAMPLE, 'attachments')))
      await writeFile(join(dir, 'att', name), await readFile(join(SAMPLE, 'attachments', name)));
    // Two of the attachments, 150 MB each, sparse (nothing of them written, nor read): each is
    // within the bound, together they are not.
    const big = pkg.applicants.flatMap((a) => a.attachments).slice(0, 2);
    for (const a of big) {
      await truncate(join(dir, 'att', basename(a.path)), 150 * 1024 * 1024);
      a.size = 150 * 1024 * 1024;
    }
    await writeFile(join(dir, 'pkg.json'), JSON.stringify(pkg));
    const r = await run(
      dir,
      'pack',
      'pkg.json',
      '--attachments',
      'att',
      '--key',
      join(SAMPLE, 'keys/bureau-signing.key'),
      '-o',
      'out.jbx',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^jiebang pack: 评审包文件将有 300\.\d MB（\d+ 字节），超过单个文件 256 MB 的上限（揭榜评审台和 jiebang verify、unpack、import 都不打开更大的文件），未签名，未写出文件：所含 6 个文件共 300\.\d MB，最大的是 /,
    );
    for (const a of big) expect(r.err).toContain(`${a.path}（150 MB）`);
    expect(unclearReasons(r.err.replace(/^jiebang pack: /, ''))).toEqual([]);
    // No output, no temporary file beside it.
    expect((await readdir(dir)).sort()).toEqual(['att', 'pkg.json']);
  });
});

describe('jiebang verify and import of an empty file', () => {
  it('says the file is empty (0 bytes) and to copy it again', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'empty.jbx'), new Uint8Array(0));
    for (const args of [
      ['verify', 'empty.jbx'],
      ['unpack', 'empty.jbx', '-o', 'out'],
    ]) {
      const r = await run(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('empty.jbx：文件是空的（0 字节），请从U盘或原发送方重新复制该文件');
      expect(r.err).not.toContain('既非 ZIP');
    }
  });
});

describe('jiebang verify of a bundle file cut short', () => {
  it('refuses it, plain or age-encrypted, naming the file and saying it is truncated', async () => {
    const dir = await folder();
    const whole = new Uint8Array(await readFile(bundle));
    const { identity, recipient } = await generateAgeIdentity();
    await writeFile(join(dir, 'id.txt'), `${identity}\n`);
    const sealed = await ageEncrypt(whole, { recipient }, nodeCrypto);
    await writeFile(join(dir, 'cut.jbx'), whole.subarray(0, whole.length - 100));
    await writeFile(join(dir, 'cut-age.jbx'), sealed.subarray(0, sealed.length - 100));
    const plain = await run(dir, 'verify', 'cut.jbx');
    expect(plain.code).toBe(1);
    expect(plain.err).toBe(
      '✗ cut.jbx 校验失败：ZIP 目录结尾缺失：文件已截断（复制或下载未完成）或不是 ZIP 文件。请从U盘或原发送方重新复制完整的文件，核对大小一致后再打开\n',
    );
    const age = await run(dir, 'verify', 'cut-age.jbx', '--identity', 'id.txt');
    expect(age.code).toBe(1);
    expect(age.err).toMatch(/^✗ cut-age\.jbx 校验失败：解密失败：age 文件已截断/);
    // unpack names the file it refuses too, and writes nothing.
    const unpacked = await run(dir, 'unpack', 'cut.jbx', '-o', 'out');
    expect(unpacked.code).toBe(1);
    expect(unpacked.err).toBe(
      '✗ cut.jbx 校验失败，未写入任何文件：ZIP 目录结尾缺失：文件已截断（复制或下载未完成）或不是 ZIP 文件。请从U盘或原发送方重新复制完整的文件，核对大小一致后再打开\n',
    );
    expect(await readdir(dir)).toEqual(['cut-age.jbx', 'cut.jbx', 'id.txt']);
  });
});

describe('jiebang verify given the other kind of key', () => {
  it('names a signing key, a passphrase file or an identity file given in the other’s place, and an age file of another version', async () => {
    const dir = await folder();
    const whole = new Uint8Array(await readFile(bundle));
    const { identity, recipient } = await generateAgeIdentity();
    await writeFile(join(dir, 'id.txt'), `# created: 2026-12-01\n${identity}\n`);
    await writeFile(join(dir, 'pass.txt'), '纸上的口令 7d1f\n');
    await writeFile(join(dir, 'to-id.jbx'), await ageEncrypt(whole, { recipient }, nodeCrypto));
    await writeFile(join(dir, 'v2.jbx'), 'age-encryption.org/v2\n-> X25519 abc\n--- x\n');
    const signingKey = join(SAMPLE, 'keys', 'bureau-signing.key');
    const asIdentity = await run(dir, 'verify', 'to-id.jbx', '--identity', signingKey);
    expect(asIdentity.code).toBe(2);
    expect(asIdentity.err).toContain('是签名私钥（Ed25519 PEM），不是 age 身份密钥');
    const passAsIdentity = await run(dir, 'verify', 'to-id.jbx', '--identity', 'pass.txt');
    expect(passAsIdentity.err).toContain(
      'pass.txt 中没有 age 身份密钥（AGE-SECRET-KEY-1…）；若它是口令文件，请用 --passphrase-file',
    );
    const idAsPass = await run(dir, 'verify', 'to-id.jbx', '--passphrase-file', 'id.txt');
    expect(idAsPass.err).toContain(
      'id.txt 是 age 身份密钥文件，不是口令文件：请用 --identity id.txt',
    );
    await writeFile(join(dir, 'age.pub'), `${recipient}\n`);
    const recipientAsIdentity = await run(dir, 'verify', 'to-id.jbx', '--identity', 'age.pub');
    expect(recipientAsIdentity.err).toContain('age.pub 是 age 接收方公钥（age1…），用于加密');
    // Another identity: the file was sealed to another key, not a key or passphrase typed wrong.
    const other = await generateAgeIdentity();
    await writeFile(join(dir, 'other.txt'), `${other.identity}\n`);
    const otherIdentity = await run(dir, 'verify', 'to-id.jbx', '--identity', 'other.txt');
    expect(otherIdentity.code).toBe(1);
    expect(otherIdentity.err).toBe(
      '✗ to-id.jbx 校验失败：解密失败：这个文件不是加密给这把密钥的：它是为别的密钥加密的（请确认文件的来处，或用对应的密钥打开）\n',
    );
    const keyAsPass = await run(dir, 'verify', 'to-id.jbx', '--passphrase-file', signingKey);
    expect(keyAsPass.err).toContain('是签名私钥（Ed25519 PEM），不是口令文件');
    const v2Check = await run(dir, 'check', 'v2.jbx');
    expect(v2Check.err).toContain('这是 age 加密文件，但其版本 v2 不受支持');
    const v2 = await run(dir, 'verify', 'v2.jbx');
    expect(v2.code).toBe(1);
    expect(v2.err).toContain('这是 age 加密文件，但其版本 v2 不受支持');
    for (const r of [asIdentity, passAsIdentity, idAsPass, otherIdentity, v2])
      expect(unclearReasons(r.err.replace(/^jiebang verify: /, ''))).toEqual([]);
  });
});
