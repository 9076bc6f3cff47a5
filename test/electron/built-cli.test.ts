/**
 * The built `jiebang` command (out/node, what bin/jiebang.mjs runs), after `npm run build`: the
 * CLI's own tests run its TypeScript source, so a build that cannot load the PDF stack — as a
 * CommonJS build once could not, "_react_pdf_font.default is not a constructor" — would pass them
 * all. Here the built command renders the sample task book and a meeting form, as a bureau would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
