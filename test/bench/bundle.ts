import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, openBundle } from '../../src-shared/bundle';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { generateSigningKey } from '../../src-shared/crypto/keys';
import { generatePanel } from '../../src-shared/sample/generate';
import { peakRssMb, type BenchRow, type BenchSuite } from './harness';

const MB = 1024 * 1024;

export const bundleSuite: BenchSuite = {
  name: 'bundle',
  run: async () => {
    const size = 100 * MB;
    const { pkg } = generatePanel({ experts: 7, applicants: 4, criteria: 4 });
    const files = new Map<string, Uint8Array>();
    // 4 × 25 MB of incompressible bytes, like scanned proposals.
    for (let i = 0; i < 4; i++) {
      const b = new Uint8Array(size / 4);
      for (let j = 0; j < b.length; j += 65536)
        crypto.getRandomValues(b.subarray(j, Math.min(b.length, j + 65536)));
      files.set(`attachments/p${i}.pdf`, b);
    }
    const { identity, recipient } = await generateAgeIdentity();
    const key = generateSigningKey();
    let t = performance.now();
    const built = await peakRssMb(() =>
      buildBundle({
        kind: 'review-package',
        bundleId: 'B',
        packageId: pkg.packageId,
        signer: { role: 'bureau', id: 'bureau', name: 'b', secretKey: key.secretKey },
        counter: 1,
        document: pkg,
        files,
        encryptTo: { recipient },
      }),
    );
    const buildMs = performance.now() - t;
    t = performance.now();
    const opened = await peakRssMb(() => openBundle(built.result, { keys: [{ identity }] }));
    const openMs = performance.now() - t;
    if (!opened.result.ok) throw new Error(opened.result.error.message);

    // The age command line on the same bytes, in the same run.
    const dir = await mkdtemp(join(tmpdir(), 'jb-bench-'));
    const rows: BenchRow[] = [];
    try {
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
      rows.push(
        {
          suite: 'bundle',
          name: 'age CLI encrypt 100 MB',
          value: size / MB / (ageEnc / 1000),
          unit: 'MB/s',
        },
        {
          suite: 'bundle',
          name: 'age CLI decrypt 100 MB',
          value: size / MB / (ageDec / 1000),
          unit: 'MB/s',
        },
        {
          suite: 'bundle',
          name: 'build ÷ age encrypt (time ratio)',
          value: buildMs / ageEnc,
          unit: '×',
          note: 'hash + sign + zip + age, vs age alone',
        },
        {
          suite: 'bundle',
          name: 'open ÷ age decrypt (time ratio)',
          value: openMs / ageDec,
          unit: '×',
          note: 'age + unzip + verify all, vs age alone',
        },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return [
      {
        suite: 'bundle',
        name: 'build 100 MB (sign, zip, age)',
        value: size / MB / (buildMs / 1000),
        unit: 'MB/s',
      },
      { suite: 'bundle', name: 'build peak RSS growth', value: built.peakMb, unit: 'MB' },
      {
        suite: 'bundle',
        name: 'open 100 MB (age, unzip, verify)',
        value: size / MB / (openMs / 1000),
        unit: 'MB/s',
      },
      { suite: 'bundle', name: 'open peak RSS growth', value: opened.peakMb, unit: 'MB' },
      ...rows,
    ];
  },
};
