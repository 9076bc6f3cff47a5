/**
 * The built `jiebang` command (out/node, what bin/jiebang.mjs runs), after `npm run build`: the
 * CLI's own tests run its TypeScript source, so a build that cannot load the PDF stack — as a
 * CommonJS build once could not, "_react_pdf_font.default is not a constructor" — would pass them
 * all. Here the built command renders the sample task book and a meeting form, as a bureau would.
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
  spawnSync(process.execPath, ['bin/jiebang.mjs', ...args], { encoding: 'utf8' });
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
      'bin/jiebang.mjs',
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
