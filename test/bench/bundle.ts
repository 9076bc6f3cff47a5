import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, openBundle, reviewPackageSpec } from '../../src-shared/bundle';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { generateSigningKey, secretKeyToPem } from '../../src-shared/crypto/keys';
import { nobleCrypto } from '../../src-shared/crypto/noble';
import { generatePanel } from '../../src-shared/sample/generate';
import { buildBundleFile, fileSource, openBundleFile } from '../../src-main/crypto/bundle-files';
import { nodeCrypto } from '../../src-main/crypto/node-crypto';
import { CLI, USER_ENV } from './cli';
import { peakRssMb, type BenchRow, type BenchSuite } from './harness';

const MB = 1024 * 1024;
const SIZE = 100 * MB;
const BOMB = 'test/fixtures/bundles/cases/bomb-1000-entries.jbx';
/**
 * Prints the process's peak RSS in KiB as it exits (for the CLI's own processes): the high-water
 * mark of its own memory (`VmHWM`). Not `process.resourceUsage().maxRSS`: on Linux a child's
 * `ru_maxrss` starts at its parent's RSS at fork, so it reported the bench's ≈ 200 MB (the
 * attachments it holds) for a CLI that peaked far lower. (No `?` or `#` in a data: URL.)
 */
const MAXRSS = `--import=data:text/javascript,import{readFileSync}from'node:fs';process.on('exit',()=>{let k=process.resourceUsage().maxRSS;try{k=Number((/VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status','utf8'))||[])[1]||k)}catch{}process.stderr.write('MAXRSS='+k)})`;

/**
 * Wall time of a command (median of `runs`), in the environment the CLI's figures are judged in
 * (./cli.ts `USER_ENV`: without the sandbox's `NODE_EXTRA_CA_CERTS`, which node parses at every
 * start, ≈ 40 ms here). With `rss`, its peak RSS from one more run, not timed: the `MAXRSS`
 * module is an ES module given with `--import`, whose loader costs the timed runs ≈ 25 M
 * instructions a start, so it is left out of them.
 */
function run(cmd: string, args: string[], runs = 3, rss = false): { ms: number; peakMb: number } {
  const times: number[] = [];
  const spawn = (argv: string[]) => {
    const t = performance.now();
    const r = spawnSync(cmd, argv, { encoding: 'utf8', env: USER_ENV });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')}: ${r.stderr}`);
    return { ms, stderr: r.stderr };
  };
  for (let i = 0; i < runs; i++) times.push(spawn(args).ms);
  times.sort((a, b) => a - b);
  const kib = rss ? /MAXRSS=(\d+)/.exec(spawn([MAXRSS, ...args]).stderr)?.[1] : undefined;
  return { ms: times[Math.floor(runs / 2)] ?? NaN, peakMb: kib ? Number(kib) / 1024 : NaN };
}

/** Median wall time of an in-process step over `runs`, with the peak RSS growth of the last. */
async function step(fn: () => Promise<unknown>, runs = 3) {
  const times: number[] = [];
  let peakMb = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    peakMb = (await peakRssMb(fn)).peakMb;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)] ?? NaN, peakMb };
}

const mbps = (ms: number) => SIZE / MB / (ms / 1000);

export const bundleSuite: BenchSuite = {
  name: 'bundle',
  run: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jb-bench-'));
    const rows: BenchRow[] = [];
    try {
      // 4 × 25 MB of incompressible bytes on disk, like scanned proposals, registered in a package.
      const { pkg } = generatePanel({ experts: 7, applicants: 4, criteria: 4 });
      const attachments = new Map<string, Uint8Array>();
      for (let i = 0; i < 4; i++) {
        const b = new Uint8Array(SIZE / 4);
        for (let j = 0; j < b.length; j += 65536)
          crypto.getRandomValues(b.subarray(j, Math.min(b.length, j + 65536)));
        await writeFile(join(dir, `p${i}.pdf`), b);
        attachments.set(`attachments/p${i}.pdf`, b);
        pkg.applicants[i]?.attachments.push({
          id: `F${i}`,
          name: `揭榜方案${i}`,
          mediaType: 'application/pdf',
          sha256: createHash('sha256').update(b).digest('hex'),
          size: b.length,
          path: `attachments/p${i}.pdf`,
          role: 'proposal',
        });
      }
      await writeFile(join(dir, 'plain.bin'), Buffer.concat([...attachments.values()]));
      const { identity, recipient } = await generateAgeIdentity();
      await writeFile(join(dir, 'id.txt'), `${identity}\n`);
      const bureau = generateSigningKey();
      await writeFile(join(dir, 'signing.key'), secretKeyToPem(bureau.secretKey));
      await writeFile(join(dir, 'package.json'), JSON.stringify(pkg));

      // The peer, in the same run: the age command line, file to file.
      const ageEnc = run('age', [
        '-r',
        recipient,
        '-o',
        join(dir, 'x.age'),
        join(dir, 'plain.bin'),
      ]);
      const ageDec = run('age', [
        '-d',
        '-i',
        join(dir, 'id.txt'),
        '-o',
        join(dir, 'y.bin'),
        join(dir, 'x.age'),
      ]);
      const peerEnc = `age CLI ${mbps(ageEnc.ms).toFixed(0)} MB/s`;
      const peerDec = `age CLI ${mbps(ageDec.ms).toFixed(0)} MB/s`;

      // Main: from the files on disk to a bundle file, and back, as streams.
      const out = join(dir, 'rp.jbx');
      const spec = reviewPackageSpec({ pkg, secretKey: bureau.secretKey, counter: 1 });
      const sources = async () =>
        new Map(
          await Promise.all(
            [...attachments.keys()].map(
              async (path) => [path, await fileSource(join(dir, path.slice(12)))] as const,
            ),
          ),
        );
      const build = await step(async () =>
        buildBundleFile({ ...spec, files: await sources(), encryptTo: { recipient } }, out),
      );
      const open = await step(async () => {
        const r = await openBundleFile(out, { keys: [{ identity }] });
        if (!r.ok) throw new Error(r.error.message);
        if (r.bundle.files.has('attachments/p0.pdf')) throw new Error('not streamed');
      });
      // The CLI: jiebang pack and jiebang verify, each its own process (start-up included), the
      // installed command as a user runs it (./cli.ts's `CLI`, in its `USER_ENV`).
      const pack = run(
        process.execPath,
        [
          CLI,
          'pack',
          join(dir, 'package.json'),
          '--attachments',
          dir,
          '--key',
          join(dir, 'signing.key'),
          '--recipient',
          recipient,
          '-o',
          join(dir, 'cli.jbx'),
        ],
        3,
        true,
      );
      const verify = run(
        process.execPath,
        [CLI, 'verify', join(dir, 'cli.jbx'), '--identity', join(dir, 'id.txt')],
        3,
        true,
      );
      execFileSync('age', [
        '-d',
        '-i',
        join(dir, 'id.txt'),
        '-o',
        join(dir, 'cli.zip'),
        join(dir, 'cli.jbx'),
      ]);
      execFileSync('unzip', ['-tqq', join(dir, 'cli.zip')]);

      // The renderer as it stands (issue 16's): the whole file in memory, @noble.
      const bytes = new Uint8Array(await readFile(out));
      let t = performance.now();
      await buildBundle({
        ...spec,
        crypto: nobleCrypto,
        files: attachments,
        encryptTo: { recipient },
      });
      const nobleBuild = performance.now() - t;
      t = performance.now();
      const nobleOpen = await openBundle(bytes, { crypto: nobleCrypto, keys: [{ identity }] });
      const nobleOpenMs = performance.now() - t;
      if (!nobleOpen.ok) throw new Error(nobleOpen.error.message);

      // The bomb of the cases: refused from the central directory; zero bytes inflated.
      const bomb = new Uint8Array(await readFile(BOMB));
      t = performance.now();
      const refused = await peakRssMb(() => openBundle(bomb, { crypto: nodeCrypto }));
      const bombMs = performance.now() - t;
      if (refused.result.ok) throw new Error('the bomb opened');
      t = performance.now();
      spawnSync('unzip', ['-tqq', BOMB], { stdio: 'ignore' });
      const unzipMs = performance.now() - t;

      const ratio = (peer: number, ours: number) => peer / ours;
      rows.push(
        {
          suite: 'bundle',
          name: 'age CLI encrypt 100 MB (peer)',
          value: mbps(ageEnc.ms),
          unit: 'MB/s',
        },
        {
          suite: 'bundle',
          name: 'age CLI decrypt 100 MB (peer)',
          value: mbps(ageDec.ms),
          unit: 'MB/s',
        },
        {
          suite: 'bundle',
          name: 'main: build 100 MB files → age bundle file, ÷ age',
          value: ratio(ageEnc.ms, build.ms),
          unit: '×',
          target: { min: 0.5 },
          peer: peerEnc,
          note: `${mbps(build.ms).toFixed(0)} MB/s (hash, sign, zip, age; streamed)`,
        },
        { suite: 'bundle', name: 'main: build, peak RSS growth', value: build.peakMb, unit: 'MB' },
        {
          suite: 'bundle',
          name: 'main: open 100 MB bundle file, ÷ age',
          value: ratio(ageDec.ms, open.ms),
          unit: '×',
          target: { min: 0.5 },
          peer: peerDec,
          note: `${mbps(open.ms).toFixed(0)} MB/s (age, unzip, verify; one pass)`,
        },
        { suite: 'bundle', name: 'main: open, peak RSS growth', value: open.peakMb, unit: 'MB' },
        {
          suite: 'bundle',
          name: 'CLI: jiebang pack 100 MB (age), ÷ age',
          value: ratio(ageEnc.ms, pack.ms),
          unit: '×',
          target: { min: 0.5 },
          peer: peerEnc,
          note: `${mbps(pack.ms).toFixed(0)} MB/s, process start included; peak RSS ${pack.peakMb.toFixed(0)} MB`,
        },
        {
          suite: 'bundle',
          name: 'CLI: jiebang verify 100 MB (age), ÷ age',
          value: ratio(ageDec.ms, verify.ms),
          unit: '×',
          target: { min: 0.5 },
          peer: peerDec,
          note: `${mbps(verify.ms).toFixed(0)} MB/s, process start included; peak RSS ${verify.peakMb.toFixed(0)} MB`,
        },
        {
          suite: 'bundle',
          name: 'renderer as it stands: build 100 MB in memory, @noble',
          value: mbps(nobleBuild),
          unit: 'MB/s',
          note: `${ratio(ageEnc.ms, nobleBuild).toFixed(2)}× age (renderer: issue 16 / later task)`,
        },
        {
          suite: 'bundle',
          name: 'renderer as it stands: open 100 MB in memory, @noble',
          value: mbps(nobleOpenMs),
          unit: 'MB/s',
          note: `${ratio(ageDec.ms, nobleOpenMs).toFixed(2)}× age (renderer: issue 16 / later task)`,
        },
        {
          suite: 'bundle',
          name: 'bomb (1,000 × 1 MiB in 1.15 MB): refused in',
          value: bombMs,
          unit: 'ms',
          peer: `unzip -t ${unzipMs.toFixed(0)} ms`,
          note: `${refused.result.error.code}; ${refused.result.inflatedBytes} bytes inflated; peak RSS growth ${refused.peakMb.toFixed(1)} MB`,
        },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
