import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBundle } from '../../src-shared/bundle';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { nobleCrypto } from '../../src-shared/crypto/noble';
import type { CryptoProvider } from '../../src-shared/crypto/provider';
import { generatePanel } from '../../src-shared/sample/generate';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { reviewPackageBundle } from '../fixtures/bundles';
import { peakRssMb, type BenchRow, type BenchSuite } from './harness';

const MB = 1024 * 1024;
const BOMB = 'test/fixtures/bundles/cases/bomb-1000-entries.jbx';

/** Build and open 100 MB of attachments with one provider; MB/s and peak RSS growth. */
async function buildAndOpen(crypto: CryptoProvider, files: Map<string, Uint8Array>) {
  const { pkg } = generatePanel({ experts: 7, applicants: 4, criteria: 4 });
  const { identity, recipient } = await generateAgeIdentity();
  let t = performance.now();
  const built = await peakRssMb(() =>
    reviewPackageBundle(pkg, { files, encryptTo: { recipient }, crypto }),
  );
  const buildMs = performance.now() - t;
  t = performance.now();
  const opened = await peakRssMb(() => openBundle(built.result, { crypto, keys: [{ identity }] }));
  const openMs = performance.now() - t;
  if (!opened.result.ok) throw new Error(opened.result.error.message);
  return { buildMs, openMs, buildPeak: built.peakMb, openPeak: opened.peakMb };
}

export const bundleSuite: BenchSuite = {
  name: 'bundle',
  run: async () => {
    const size = 100 * MB;
    const files = new Map<string, Uint8Array>();
    // 4 × 25 MB of incompressible bytes, like scanned proposals.
    for (let i = 0; i < 4; i++) {
      const b = new Uint8Array(size / 4);
      for (let j = 0; j < b.length; j += 65536)
        crypto.getRandomValues(b.subarray(j, Math.min(b.length, j + 65536)));
      files.set(`attachments/p${i}.pdf`, b);
    }
    const node = await buildAndOpen(nodeCrypto, files);
    const noble = await buildAndOpen(nobleCrypto, files);

    // The bomb of the cases: refused from the central directory; zero bytes inflated.
    const bomb = new Uint8Array(await readFile(BOMB));
    let t = performance.now();
    const refused = await peakRssMb(() => openBundle(bomb, { crypto: nodeCrypto }));
    const bombMs = performance.now() - t;
    if (refused.result.ok) throw new Error('the bomb opened');

    // Peers in the same run: the age command line on the same bytes, unzip on the bomb.
    const dir = await mkdtemp(join(tmpdir(), 'jb-bench-'));
    const rows: BenchRow[] = [];
    try {
      const { identity, recipient } = await generateAgeIdentity();
      const plain = join(dir, 'plain.bin');
      await writeFile(plain, Buffer.concat([...files.values()]));
      await writeFile(join(dir, 'id.txt'), `${identity}\n`);
      t = performance.now();
      execFileSync('age', ['-r', recipient, '-o', join(dir, 'x.age'), plain]);
      const ageEnc = performance.now() - t;
      t = performance.now();
      execFileSync('age', [
        '-d',
        '-i',
        join(dir, 'id.txt'),
        '-o',
        join(dir, 'y.bin'),
        join(dir, 'x.age'),
      ]);
      const ageDec = performance.now() - t;
      t = performance.now();
      execFileSync('unzip', ['-tqq', BOMB], { stdio: 'ignore' });
      const unzipMs = performance.now() - t;
      const mbps = (ms: number) => size / MB / (ms / 1000);
      rows.push(
        { suite: 'bundle', name: 'age CLI encrypt 100 MB', value: mbps(ageEnc), unit: 'MB/s' },
        { suite: 'bundle', name: 'age CLI decrypt 100 MB', value: mbps(ageDec), unit: 'MB/s' },
        {
          suite: 'bundle',
          name: 'build 100 MB, node:crypto (sign, zip, age)',
          value: mbps(node.buildMs),
          unit: 'MB/s',
          note: `${(ageEnc / node.buildMs).toFixed(2)}× the age CLI's encrypt throughput`,
        },
        {
          suite: 'bundle',
          name: 'build peak RSS growth, node:crypto',
          value: node.buildPeak,
          unit: 'MB',
        },
        {
          suite: 'bundle',
          name: 'open 100 MB, node:crypto (age, unzip, verify)',
          value: mbps(node.openMs),
          unit: 'MB/s',
          note: `${(ageDec / node.openMs).toFixed(2)}× the age CLI's decrypt throughput`,
        },
        {
          suite: 'bundle',
          name: 'open peak RSS growth, node:crypto',
          value: node.openPeak,
          unit: 'MB',
        },
        {
          suite: 'bundle',
          name: 'build 100 MB, @noble (the renderer)',
          value: mbps(noble.buildMs),
          unit: 'MB/s',
          note: `${(ageEnc / noble.buildMs).toFixed(2)}× age encrypt`,
        },
        {
          suite: 'bundle',
          name: 'open 100 MB, @noble (the renderer)',
          value: mbps(noble.openMs),
          unit: 'MB/s',
          note: `${(ageDec / noble.openMs).toFixed(2)}× age decrypt`,
        },
        {
          suite: 'bundle',
          name: 'bomb (1,000 × 1 MiB in 1.15 MB): refused in',
          value: bombMs,
          unit: 'ms',
          note: `${refused.result.error.code}; ${refused.result.inflatedBytes} bytes inflated; unzip -t on it: ${unzipMs.toFixed(0)} ms`,
        },
        { suite: 'bundle', name: 'bomb: peak RSS growth', value: refused.peakMb, unit: 'MB' },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
