/**
 * 核验打印件 for the meeting's forms through its two doors (issue 19): one code — the 专家组意见's as
 * `jiebang print` printed it, the 签到表's, and a code altered by one digit — checked by `jiebang
 * verify-print --package …` and by the 核验打印件 screen's workflow (verifyFormFiles, the files
 * as the user chooses them, the panel bundle decrypted with the bureau's identity) gives the same
 * verdict, word for word.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src-shared/bundle';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { ReviewPackageSchema } from '../../src-shared/model';
import { keysFrom } from '../../src-renderer/src/workflows/inspect';
import { verifyFormFiles } from '../../src-renderer/src/workflows/meeting';
import { samplePanelBundle } from '../fixtures/panel';

const PKG = 'resources/sample/review-package.jbx';
const IDENTITY = 'resources/sample/keys/bureau.agekey';

describe(
  'a meeting form’s code through jiebang verify-print and the 核验打印件 screen',
  { timeout: 180_000 },
  () => {
    it('gives the same verdict from both doors: the form named, or no match', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'jb-form-print-'));
      const pkgBytes = new Uint8Array(await readFile(PKG));
      const rp = await openBundle(pkgBytes, { crypto: nodeCrypto });
      if (!rp.ok) throw new Error(rp.error.message);
      const panel = await samplePanelBundle(
        ReviewPackageSchema.parse(rp.bundle.document),
        rp.bundle.manifestSha256,
      );
      const panelPath = join(dir, 'panel.jbx');
      await writeFile(panelPath, panel);
      const codeOf = async (form: string, ...more: string[]) => {
        const r = await run(
          'print',
          form,
          '--package',
          PKG,
          ...more,
          '-o',
          join(dir, `${form}.pdf`),
        );
        expect(r.err).toBe('');
        return /核验码：([0-9a-f]{64})/.exec(r.out)?.[1] ?? '';
      };
      const opinion = await codeOf('opinion', panelPath, '--identity', IDENTITY);
      const signIn = await codeOf('sign-in');
      const altered = `${opinion.slice(0, 63)}${opinion.endsWith('0') ? '1' : '0'}`;

      const identity = await readFile(IDENTITY, 'utf8');
      const files = [
        { name: 'review-package.jbx', bytes: pkgBytes },
        { name: 'panel.jbx', bytes: new Uint8Array(panel) },
      ];
      const cases = [
        {
          code: opinion,
          match: true,
          line: '✓ 一致：打印件是评审包 KLMY-2026-JB-001 的专家组意见',
        },
        // Typed from paper: spaces and capitals.
        {
          code: signIn.toUpperCase().replace(/(.{8})/g, '$1 '),
          match: true,
          line: '✓ 一致：打印件是评审包 KLMY-2026-JB-001 的签到表',
        },
        { code: altered, match: false, line: `✗ 不一致：打印件核验码 ${altered}：` },
      ];
      for (const c of cases) {
        const cli = await run(
          'verify-print',
          '--code',
          c.code,
          '--package',
          PKG,
          panelPath,
          '--identity',
          IDENTITY,
        );
        expect(cli.code).toBe(c.match ? 0 : 1);
        const screen = await verifyFormFiles(nodeCrypto, c.code, files, keysFrom(identity));
        expect(screen.ok && screen.match).toBe(c.match);
        expect(cli.out.trim()).toBe(screen.line);
        expect(screen.line.startsWith(c.line)).toBe(true);
      }

      // Without the package the screen says what to choose; without the key, that the bundle is sealed.
      const noPackage = await verifyFormFiles(
        nodeCrypto,
        opinion,
        files.slice(1),
        keysFrom(identity),
      );
      expect(noPackage).toEqual({
        ok: false,
        line: '✗ 请同时选择评审包（.jbx 或 .json）：表格由评审包生成',
      });
      const noKey = await verifyFormFiles(nodeCrypto, opinion, files, []);
      expect(noKey.ok).toBe(false);
      expect(noKey.line).toContain('panel.jbx：文件包校验失败');
    });
  },
);
