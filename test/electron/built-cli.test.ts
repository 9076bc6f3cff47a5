/**
 * The built `jiebang` command (out/node, what bin/jiebang.cjs runs), after `npm run build`: the
 * CLI's own tests run its TypeScript source, so a build that cannot load the PDF stack — as a
 * CommonJS build once could not, "_react_pdf_font.default is not a constructor" — would pass them
 * all. Here the built command renders the sample task book and a meeting form, as a bureau would.
 * Every command runs from a CommonJS build with V8's code cache (src-main/cli/launch-cjs.ts): those
 * that do not render from out/node/cli, which holds no PDF stack; those that render from
 * out/node/renders, which bundles react-pdf, fontkit, pdfkit and yoga whole (issue 22) — and must
 * print what the ES build's PDF worker (the app's and the web host's render) prints.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
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
import { TaskBookSchema } from '../../src-shared/model';
import { createPdfWorker } from '../../src-main/pdf/pool';

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
    expect(r.stdout).toContain('已排版：');
    expect(textOf(out)).toContain('任务书（军令状）');
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toContain('NotoSerifSC-Regular');
    // verify-print, from the CLI's CommonJS build, checks the code the renders build printed.
    const code = /核验码：([0-9a-f]{64})/.exec(r.stdout)?.[1] ?? '';
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

  it('renders the task book from the renders build as the ES build’s PDF worker does: same pages, text and fonts', async () => {
    const cli = join(dir, 'cli.pdf');
    const r = run('render-taskbook', 'resources/sample/taskbook.json', '-o', cli);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const tb = TaskBookSchema.parse(
      JSON.parse(readFileSync('resources/sample/taskbook.json', 'utf8')),
    );
    const worker = createPdfWorker(join(process.cwd(), 'out/node/pdf-worker.mjs'));
    const es = join(dir, 'es.pdf');
    try {
      writeFileSync(es, (await worker.render({ kind: 'taskbook', tb })).bytes);
    } finally {
      await worker.close();
    }
    const info = (pdf: string) =>
      /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
    expect(info(cli)).toBe(info(es));
    expect(Number(info(cli))).toBeGreaterThan(1);
    expect(textOf(cli)).toBe(textOf(es));
    const fonts = (pdf: string) => execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts(cli)).toBe(fonts(es));
  });

  it('runs the commands that render from the renders build: react-pdf bundled, its code cache taken', () => {
    const chunks = readdirSync('out/node/renders', { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.cjs'),
    );
    expect(chunks).toContain('jiebang-renders.cjs');
    // Nothing of the PDF stack is required from node_modules (where react-pdf's ES-only packages
    // came back as namespaces), nor brotli's decoder or pdfkit's AES (their stand-ins instead).
    for (const file of chunks)
      expect(readFileSync(join('out/node/renders', file), 'utf8'), file).not.toMatch(
        /require\("(?:@react-pdf|pdfkit|fontkit|yoga-layout|react|restructure|brotli|@noble\/ciphers|unicode-trie)/,
      );
    // The chunks a render loads each have a code cache that V8 takes (the build's node and flags).
    const cached = chunks.filter((f) => existsSync(join('out/node/renders', `${f}.cache`)));
    expect(cached.length).toBeGreaterThan(10);
    const check = spawnSync(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'), vm = require('node:vm');
        let rejected = [];
        for (const f of JSON.parse(process.argv[1])) {
          const s = new vm.Script('(function (exports, require, module, __filename, __dirname) {' + fs.readFileSync(f, 'utf8') + '\\n})', { filename: f, cachedData: fs.readFileSync(f + '.cache') });
          if (s.cachedDataRejected) rejected.push(f);
        }
        process.stdout.write(JSON.stringify(rejected));`,
        JSON.stringify(cached.map((f) => join(process.cwd(), 'out/node/renders', f))),
      ],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout)).toEqual([]);
  });

  it('signs a review package and prints its notice (package sign renders, from the renders build)', () => {
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
    // A new data folder: the key's count starts at 1, said on stderr (src-main/cli/counter.ts).
    expect(r.stderr).toMatch(/^! 签名计数从 1 开始：数据目录 .* 中没有此签名密钥的计数记录。/);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.status).toBe(0);
    expect(textOf(join(dir, 'rp-notice.pdf'))).toContain('市科技局签名密钥指纹');
  });

  it('pack loads nothing from node_modules: its chunks and their code cache only (issue 22)', () => {
    // Each package required at run time is read and compiled without a code cache. Through the
    // chunks of the data folder's records and the scores' readers pack once loaded papaparse
    // (src-main/cli/bureau-folder.ts, vite.cli.config.ts's chunk groups); a chunk split that brings
    // such a module back into pack's graph fails here.
    const hook = join(dir, 'loaded.cjs');
    writeFileSync(
      hook,
      `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('node_modules')))));`,
    );
    const r = spawnSync(
      process.execPath,
      [
        '--require',
        hook,
        'bin/jiebang.cjs',
        'pack',
        'resources/sample/review-package.json',
        '--attachments',
        'resources/sample/attachments',
        '--key',
        'resources/sample/keys/bureau-signing.key',
        '--counter',
        '7',
        '-o',
        join(dir, 'loaded.jbx'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(/LOADED (.*)$/.exec(r.stderr)?.[1] ?? 'null')).toEqual([]);
  });

  it('pack keeps its counter in the data folder as package sign does; without one it says what to pass', () => {
    const args = [
      'resources/sample/review-package.json',
      '--attachments',
      'resources/sample/attachments',
      '--key',
      'resources/sample/keys/bureau-signing.key',
    ];
    const data = join(dir, 'pack-data');
    const counterOf = (file: string) => {
      const v = run('verify', file);
      expect(v.status, v.stderr).toBe(0);
      return /签名计数：(\d+)/.exec(v.stdout)?.[1];
    };
    // A new data folder: 1, said once.
    const first = run('pack', ...args, '-o', join(dir, 'p1.jbx'), '--data', data);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^! 签名计数从 1 开始：数据目录 .* 中没有此签名密钥的计数记录。/);
    expect(counterOf(join(dir, 'p1.jbx'))).toBe('1');
    // The same folder again: one above, nothing to say (was: 1 and the warning on every run).
    const second = run('pack', ...args, '-o', join(dir, 'p2.jbx'), '--data', data);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toBe('');
    expect(counterOf(join(dir, 'p2.jbx'))).toBe('2');
    // package sign with that folder goes on above pack's counter: one count per key.
    const made = join(dir, 'rp-pack.json');
    const att = 'resources/sample/attachments';
    expect(
      run('package', 'new', 'resources/templates/sample', '--attachments', att, '-o', made).status,
    ).toBe(0);
    const signed = run(
      'package',
      'sign',
      made,
      '--key',
      'resources/sample/keys/bureau-signing.key',
      '--attachments',
      att,
      '-o',
      join(dir, 'rp-pack.jbx'),
      '--data',
      data,
    );
    expect(signed.status, signed.stderr).toBe(0);
    expect(counterOf(join(dir, 'rp-pack.jbx'))).toBe('3');
    // No folder: 1, and the warning names both ways out, once.
    const none = run('pack', ...args, '-o', join(dir, 'p0.jbx'));
    expect(none.status, none.stderr).toBe(0);
    expect(none.stderr).toContain('! 签名计数从 1 开始：未给数据目录（--data DIR');
    expect(none.stderr).toContain('请用 --counter 给出大于上次所用的计数');
    expect(none.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
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
