/**
 * The built `jiebang` command (out/node, what bin/jiebang.cjs runs), after `npm run build`: the
 * CLI's own tests run its TypeScript source, so a build that cannot load the PDF stack — as a
 * CommonJS build once could not, "_react_pdf_font.default is not a constructor" — would pass them
 * all. Here the built command renders the sample task book and a meeting form, as a bureau would.
 * The commands that do not render run from the CommonJS build with V8's code cache
 * (src-main/cli/launch-cjs.ts), which holds no PDF stack; those that render run from the ES build.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/jiebang.cjs', ...args], { encoding: 'utf8' });
const textOf = (pdf: string) => execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });

describe('the built jiebang command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jb-built-cli-'));

  it('renders the sample task book with its fonts embedded', () => {
    const out = join(dir, 'taskbook.pdf');
    const r = run('render-taskbook', 'resources/sample/taskbook.json', '-o', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已排版 rendered');
    expect(textOf(out)).toContain('任务书（军令状）');
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toContain('NotoSerifSC-Regular');
    // verify-print, from the CommonJS build, checks the code the ES build's render printed.
    const code = /核验码 code: ([0-9a-f]{64})/.exec(r.stdout)?.[1] ?? '';
    const check = run('verify-print', '--code', code, 'resources/sample/taskbook.json');
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('✓ 一致');
  });

  it('runs the commands that do not render from the CommonJS build, with its code cache and no PDF stack', () => {
    const cjs = readdirSync('out/node/cli', { recursive: true, encoding: 'utf8' });
    expect(cjs).toContain('jiebang.cjs.cache');
    for (const file of cjs.filter((f) => f.endsWith('.cjs')))
      expect(readFileSync(join('out/node/cli', file), 'utf8'), file).not.toMatch(
        /require\("(?:@react-pdf|pdfkit|fontkit|react)/,
      );
    const r = run('verify', 'resources/sample/review-package.jbx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓ 全部校验通过');
    // The ES build's entry, which the end-to-end tests run, hands over to the same launcher.
    const es = spawnSync(
      process.execPath,
      ['out/node/jiebang.mjs', 'verify', 'resources/sample/review-package.jbx'],
      { encoding: 'utf8' },
    );
    expect(es.stderr).toBe('');
    expect(es.stdout).toBe(r.stdout);
  });

  it('signs a review package and prints its notice (package sign renders, from the ES build)', () => {
    const made = join(dir, 'rp.json');
    const att = 'resources/sample/attachments';
    expect(
      run('package', 'new', 'resources/templates/sample', '--attachments', att, '-o', made).status,
    ).toBe(0);
    const args = ['--key', 'resources/sample/keys/bureau-signing.key', '--attachments', att];
    const r = run(
      'package',
      'sign',
      made,
      ...args,
      '-o',
      join(dir, 'rp.jbx'),
      '--data',
      join(dir, 'data'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(textOf(join(dir, 'rp-notice.pdf'))).toContain('市科技局签名密钥指纹');
  });

  it('interrupted while packing (Ctrl-C), leaves no half-written file and exits 130', async () => {
    // The sample package with its first proposal made 100 MB, so that the write is under way.
    const att = join(dir, 'attachments');
    const out = join(dir, 'out');
    mkdirSync(att);
    mkdirSync(out);
    for (const f of readdirSync('resources/sample/attachments'))
      copyFileSync(join('resources/sample/attachments', f), join(att, f));
    const big = Buffer.alloc(100 * 1024 * 1024, 0x25);
    writeFileSync(join(att, 'A01-proposal.pdf'), big);
    const sha256 = createHash('sha256').update(big).digest('hex');
    const pkg = readFileSync('resources/sample/review-package.json', 'utf8').replace(
      /("sha256":\s*")[0-9a-f]{64}(",\s*"size":\s*)\d+(,\s*"path":\s*"attachments\/A01-proposal\.pdf")/,
      `$1${sha256}$2${big.byteLength}$3`,
    );
    expect(pkg).toContain(sha256);
    writeFileSync(join(dir, 'pkg.json'), pkg);
    const child = spawn(process.execPath, [
      'bin/jiebang.cjs',
      'pack',
      join(dir, 'pkg.json'),
      '--attachments',
      att,
      '--key',
      'resources/sample/keys/bureau-signing.key',
      '-o',
      join(out, 'p.jbx'),
    ]);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    // Waits for the state: the bundle's temporary file appears beside the output.
    while (!readdirSync(out).some((f) => f.endsWith('.tmp'))) await sleep(10);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(out)).toEqual([]);
  });

  it('prints a meeting form of the sample package (its QR code made by qrcode, loaded on demand)', () => {
    const out = join(dir, 'sign-in.pdf');
    const r = run(
      'print',
      'sign-in',
      '--package',
      'resources/sample/review-package.jbx',
      '-o',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(textOf(out)).toContain('签到');
  });
});
