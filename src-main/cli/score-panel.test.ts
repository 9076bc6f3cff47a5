/**
 * `jiebang score` on the chair's panel bundle, encrypted to the bureau as the chair's screen makes
 * it: the refusal without a key names --identity / --passphrase-file, and score takes them (it once
 * refused both as unknown options while its own refusal asked for them; export and check took them).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src-shared/bundle';
import { ReviewPackageSchema } from '../../src-shared/model';
import { SAMPLE_SHEETS, samplePanelBundle } from '../../test/fixtures/panel';
import { nodeCrypto } from '../crypto/node-crypto';
import { runForTest as run } from './run-for-test';

const PKG_JBX = 'resources/sample/review-package.jbx';
const PKG_JSON = 'resources/sample/review-package.json';
const IDENTITY = 'resources/sample/keys/bureau.agekey';

describe('jiebang score PANEL.jbx', { timeout: 180_000 }, () => {
  it('opens an age-encrypted panel bundle with --identity and ranks as on the sheets themselves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-score-panel-'));
    const rp = await openBundle(new Uint8Array(await readFile(PKG_JBX)), { crypto: nodeCrypto });
    if (!rp.ok) throw new Error(rp.error.message);
    const panelPath = join(dir, 'KLMY-2026-JB-001-panel.jbx');
    await writeFile(
      panelPath,
      await samplePanelBundle(
        ReviewPackageSchema.parse(rp.bundle.document),
        rp.bundle.manifestSha256,
      ),
    );

    const locked = await run('score', '--package', PKG_JSON, panelPath);
    expect(locked.code).toBe(2);
    expect(locked.err).toContain('该文件已用 age 加密');
    expect(locked.err).toContain('--identity');

    const opened = await run('score', '--package', PKG_JSON, panelPath, '--identity', IDENTITY);
    // Given the package as JSON, the answer is not checked and the user is told so (as export does).
    expect(opened.err).toContain('未核对评分表文件包所回应的评审包文件');
    expect(opened.code).toBe(0);
    expect(opened.out).toMatch(/1\s+新疆水处理技术研究院（示例）\s+88\.00\s+86\.00\s+\(90\.00\)/);
    const onSheets = await run('score', '--package', PKG_JSON, ...SAMPLE_SHEETS);
    expect(opened.out).toBe(onSheets.out);

    const signedPkg = await run('score', '--package', PKG_JBX, panelPath, '--identity', IDENTITY);
    expect(signedPkg.err).toBe('');
    expect(signedPkg.code).toBe(0);
    expect(signedPkg.out).toBe(onSheets.out);
  });
});
