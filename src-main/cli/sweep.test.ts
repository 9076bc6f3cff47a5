/**
 * Every `jiebang` command, fed malformed input (issue 23): every error a user can reach is a
 * sentence in Chinese (English second) — never a stack trace, a raw Node error code or a library's
 * English — and a command that fails writes nothing.
 *
 * The commands come from commands.ts and their options from their own usage text (the synopsis
 * before the first blank line: `--flag VALUE`, `[--optional X]`, `-o OUT`), so a command added
 * later is swept without touching this file. For each command the sweep first looks for a run that
 * succeeds on the bundled sample (resources/sample) with only its required options, then takes
 * that run apart: no arguments, an unknown option, every option without its value, a boolean
 * option given a value, every positional and every option value replaced by a malformed file
 * (empty, binary, truncated, wrong type, bad escapes, invalid UTF-8, lone surrogates, deep nesting,
 * huge, a full-width-comma or ragged CSV, a missing file, a folder), odd strings, and every output
 * replaced by an existing file, a folder with files in it, a path under a file.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { READ_LIMITS } from '../../src-shared/io';
import { TaskBookSchema } from '../../src-shared/model';
import { taskBookCode } from '../../src-shared/taskbook';
import { leakReasons, unclearReasons } from '../../test/helpers/clear-error';
import { MAX_BUNDLE_FILE_BYTES } from './bounded';
import { commands } from './commands';
import { runCli } from './main';

/** An option as a command's synopsis shows it. */
interface OptionSpec {
  flag: string;
  /** Its value's placeholder (`OUT.jbx`, `DIR`), or null for a boolean option. */
  placeholder: string | null;
  /** Written in brackets: the command runs without it. */
  optional: boolean;
}

/** The options of a command, read from its usage text (see the module comment). */
export function optionsOf(usage: string): OptionSpec[] {
  const synopsis = usage.split(/\n\s*\n/)[0] ?? '';
  const specs = new Map<string, OptionSpec>();
  let depth = 0;
  const tokens = synopsis.split(/\s+/).filter((t) => t.length > 0);
  tokens.forEach((raw, i) => {
    const opens = (raw.match(/\[/g) ?? []).length;
    const closes = (raw.match(/\]/g) ?? []).length;
    const token = raw.replace(/[[\]|]/g, '');
    depth += opens;
    const flag = /^(--[a-z][a-z0-9-]*|-[a-zA-Z])$/.exec(token)?.[1];
    if (flag && flag !== '--help' && !specs.has(flag)) {
      const next = tokens[i + 1] ?? '';
      const value = raw.includes(']') ? '' : next.replace(/\]+$/, '');
      const takesValue = value !== '' && !/^[-[|]/.test(value) && !/^jiebang$/.test(value);
      specs.set(flag, { flag, placeholder: takesValue ? value : null, optional: depth > 0 });
    }
    depth = Math.max(0, depth - closes);
  });
  // A usage of several forms (one line each): an option missing from one form is optional.
  const forms = synopsis.split('\n').filter((line) => /^\s*jiebang\b/.test(line));
  for (const spec of specs.values())
    if (forms.some((line) => !line.split(/[\s[\]|]+/).includes(spec.flag))) spec.optional = true;
  // Options mentioned only in the description take a value, as most do.
  for (const m of usage.matchAll(/(?<![\w-])(--[a-z][a-z0-9-]*)/g)) {
    const flag = m[1] ?? '';
    if (flag !== '--help' && !specs.has(flag))
      specs.set(flag, { flag, placeholder: 'VALUE', optional: true });
  }
  return [...specs.values()];
}

/**
 * Output options: their values are places to write, swept with existing things there (`-o`,
 * `--out`, or any option whose placeholder says OUT, as `--xlsx OUT.xlsx` and `--csv OUT.csv`;
 * `--data DIR`, the bureau's data folder, which a signing command writes its counter into).
 */
const isOutput = (o: OptionSpec) =>
  o.flag === '--data' ||
  o.flag === '-o' ||
  o.flag === '--out' ||
  o.flag === '--output' ||
  /^OUT\b/.test(o.placeholder ?? '');

let inputs: string;
let sample: Record<string, string>;
/** Malformed inputs: names (in `inputs`) or odd strings, swept as positionals and option values. */
let malformed: string[];
let recipient: string;
let printedCode: string;

/** Every file under `dir` with its size and modification time: what "nothing written" compares. */
async function listing(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    out.push(`${relative(dir, path)} ${entry.isDirectory() ? 'dir' : info.size} ${info.mtimeMs}`);
  }
  return out.sort();
}

let inputListing: string[];

beforeAll(async () => {
  inputs = await mkdtemp(join(tmpdir(), 'jb-cli-sweep-in-'));
  await cp('resources/sample', join(inputs, 'sample'), { recursive: true });
  const s = (name: string) => join(inputs, 'sample', name);
  sample = {
    package: s('review-package.json'),
    bundle: s('review-package.jbx'),
    taskbook: s('taskbook.json'),
    decision: s('decision.json'),
    sheet: s('sheets/E01.json'),
    csv: s('paper-sheets.csv'),
    signingKey: s('keys/bureau-signing.key'),
    ageKey: s('keys/bureau.agekey'),
    attachments: s('attachments'),
  };
  recipient = (await generateAgeIdentity()).recipient;
  printedCode = taskBookCode(
    TaskBookSchema.parse(JSON.parse(await readFile(sample['taskbook'] ?? '', 'utf8'))),
  );
  const file = async (name: string, content: string | Uint8Array) => {
    await writeFile(join(inputs, name), content);
    return join(inputs, name);
  };
  /** A file of `size` bytes that takes no disk space (past a bound: refused before reading). */
  const sparse = async (name: string, size: number) => {
    const path = await file(name, '');
    await truncate(path, size);
    return path;
  };
  const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256);
  const bundleBytes = await readFile(sample['bundle'] ?? '');
  await mkdir(join(inputs, 'a-folder.json'));
  await writeFile(join(inputs, 'a-folder.json', 'inside.txt'), 'x');
  await file('passphrase.txt', 'correct horse battery staple\n');
  malformed = [
    await file('empty.json', ''),
    await file('empty.jbx', ''),
    await file('empty.csv', ''),
    await file('binary.json', binary),
    await file('binary.jbx', binary),
    await file('binary.csv', binary),
    await file('truncated.json', '{"formatVersion": 1, "packageId": "PKG-2026'),
    await file('truncated.jbx', bundleBytes.subarray(0, Math.floor(bundleBytes.length / 2))),
    await file('truncated-tail.jbx', bundleBytes.subarray(0, bundleBytes.length - 10)),
    await file('wrong-type.json', '[1, "two", null, {"packageId": 3}]'),
    await file(
      'wrong-fields.json',
      '{"formatVersion":"1","packageId":5,"title":[],"applicants":{},"taskBookId":7,"expertId":null}',
    ),
    await file('a-number.json', '42'),
    await file('bad-escape.json', '{"title": "\\x41\\u12"}'),
    await file('invalid-utf8.json', Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d])),
    await file('lone-surrogate.json', '{"title": "\\ud800", "packageId": "\\udfff"}'),
    await file('duplicate-key.json', '{"packageId": "a", "packageId": "b"}'),
    await file('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    await sparse('huge.json', READ_LIMITS.jsonBytes + 1),
    await sparse('huge.csv', READ_LIMITS.csvBytes + 1),
    await sparse('huge.jbx', MAX_BUNDLE_FILE_BYTES + 1),
    await file(
      'fullwidth-comma.csv',
      '专家编号，揭榜方编号，C1，C2，C3，C4，C5，总体意见\nE01，A01，18，17，16，15，14，好\n',
    ),
    await file('ragged.csv', 'expertId,applicantId,C1\nE01,A01,18,19,20\n"E02,A01\n'),
    await file('not-a-key.key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'),
    join(inputs, 'a-folder.json'),
    join(inputs, 'missing.json'),
    join(inputs, 'missing-folder', 'missing.jbx'),
    // Odd strings: as paths, numbers, dates, roles, codes.
    '',
    '-',
    '0x10',
    '１２',
    '-3',
    '2027-02-30',
    'x'.repeat(5000),
    '\u202e名单.json',
  ];
  inputListing = await listing(inputs);
});

interface Run {
  args: string[];
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in a fresh folder holding an existing file, a full folder and an empty folder. */
async function run(args: readonly string[] | ((dir: string) => string[])): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'jb-cli-sweep-run-'));
  await writeFile(join(dir, 'exists.out'), 'keep me');
  await mkdir(join(dir, 'full-folder'));
  await writeFile(join(dir, 'full-folder', 'keep.txt'), 'keep me');
  await mkdir(join(dir, 'empty-folder'));
  const argv = typeof args === 'function' ? args(dir) : [...args];
  const before = await listing(dir);
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd: dir,
  });
  const result = { args: argv, code, out, err };
  const what = `jiebang ${argv.map((a) => (a.length > 80 ? `${a.slice(0, 20)}…` : a)).join(' ')}`;
  // Nothing written on failure; the inputs are never written.
  if (code !== 0) expect(await listing(dir), `${what} failed but wrote`).toEqual(before);
  expect(await listing(inputs), `${what} wrote into its inputs`).toEqual(inputListing);
  // Every error is a sentence; no output carries internals.
  const message = err.replace(/^jiebang [a-z-]+: /gm, '');
  if (message.trim() !== '')
    expect(unclearReasons(message).join('; '), `${what}\nstderr: ${message.slice(0, 2000)}`).toBe(
      '',
    );
  if (code !== 0) expect(message.trim() || out, `${what}: failed without a word`).not.toBe('');
  // The fallback for an error no code path expected: every malformed input must have its sentence.
  expect(message, `${what}: an unexpected error`).not.toContain('意外出错');
  expect(leakReasons(out).join('; '), `${what}\nstdout: ${out.slice(0, 2000)}`).toBe('');
  return result;
}

const isReadableFile = (path: string) =>
  stat(path).then(
    (info) => info.isFile() && info.size < 1024 * 1024,
    () => false,
  );

/** A value that makes the option do its job on the sample, by its name and placeholder. */
function goodValue(o: OptionSpec, dir: string): string {
  const name = `${o.flag} ${o.placeholder ?? ''}`;
  const pick = (key: string) => sample[key] ?? '';
  if (isOutput(o)) return join(dir, /DIR/.test(o.placeholder ?? '') ? 'new-folder' : 'new.out');
  if (/package/.test(name)) return pick('package');
  if (/attachments/.test(name)) return pick('attachments');
  if (/identity/.test(name)) return pick('ageKey');
  if (/key/.test(name)) return pick('signingKey');
  if (/passphrase/.test(name)) return join(inputs, 'passphrase.txt');
  if (/recipient/.test(name)) return recipient;
  if (/role/.test(name)) return 'bureau';
  if (/counter/.test(name)) return '2';
  if (/end|DATE/.test(name)) return '2027-12-31';
  if (/code/.test(name)) return printedCode;
  if (/previous|\.jbx/.test(name)) return pick('bundle');
  if (/csv/.test(name)) return pick('csv');
  return pick('package');
}

/** The sample files a positional is tried with, and "no positional". */
const positionalCandidates = () => [
  ...['package', 'bundle', 'taskbook', 'sheet', 'decision', 'csv'].map((k) => [sample[k] ?? '']),
  [],
];

/** Commands whose sample run the sweep is known to find (a later command is swept regardless). */
const REACHES_SUCCESS = [
  'check',
  'score',
  'keygen',
  'pack',
  'verify',
  'unpack',
  'render-taskbook',
  'verify-print',
];

describe('every jiebang command, fed malformed input', () => {
  it('reads every command’s options from its usage', async () => {
    for (const entry of commands) {
      const options = optionsOf((await entry.load()).usage);
      expect(options.length, entry.name).toBeGreaterThan(0);
    }
    expect(
      optionsOf('jiebang x FILE -o OUT --code C\njiebang x --code C --package P').map(
        (o) => `${o.flag}${o.optional ? '?' : ''}`,
      ),
    ).toEqual(['-o?', '--code', '--package?']);
    expect(optionsOf('jiebang x FILE -o OUT [--json] [--key K | --passphrase-file F]')).toEqual([
      { flag: '-o', placeholder: 'OUT', optional: false },
      { flag: '--json', placeholder: null, optional: true },
      { flag: '--key', placeholder: 'K', optional: true },
      { flag: '--passphrase-file', placeholder: 'F', optional: true },
    ]);
  });

  it.each(commands.map((c) => c.name))(
    'jiebang %s: every error a sentence, nothing written on failure',
    { timeout: 600_000 },
    async (name) => {
      const entry = commands.find((c) => c.name === name);
      if (!entry) throw new Error(name);
      const options = optionsOf((await entry.load()).usage);
      const required = options.filter((o) => !o.optional);
      const withValues = (dir: string, only: readonly OptionSpec[]) =>
        only.flatMap((o) => (o.placeholder === null ? [] : [o.flag, goodValue(o, dir)]));

      // A run that succeeds on the sample, to take apart; without one, every candidate is swept.
      let bases: string[][] = [];
      for (const positional of positionalCandidates()) {
        const ok = await run((dir) => [name, ...positional, ...withValues(dir, required)]);
        if (ok.code === 0) {
          bases = [positional];
          break;
        }
        bases.push(positional);
      }

      // The commands of today each reach a successful run, so the sweep takes real runs apart.
      if (REACHES_SUCCESS.includes(name))
        expect(bases, `${name}: no run succeeded`).toHaveLength(1);

      await run([name]);
      await run([name, '--no-such-option']);
      await run([name, 'one', 'two', 'three', 'four', 'five']);
      for (const bad of [...malformed, ...positionalCandidates().flat()])
        await run((dir) => [name, bad, ...withValues(dir, required)]);

      for (const base of bases) {
        for (const o of options) {
          const others = (dir: string) =>
            withValues(
              dir,
              required.filter((r) => r !== o),
            );
          if (o.placeholder === null) {
            await run((dir) => [name, ...base, ...others(dir), `${o.flag}=yes`]);
            continue;
          }
          // The option last, without its value.
          await run((dir) => [name, ...base, ...others(dir), o.flag]);
          const values: ((dir: string) => string)[] = isOutput(o)
            ? [
                (dir) => join(dir, 'exists.out'),
                (dir) => join(dir, 'full-folder'),
                (dir) => join(dir, 'exists.out', 'below-a-file'),
                () => 'full-folder',
                () => '',
              ]
            : malformed.map((value) => () => value);
          let acceptsAnyBytes = false;
          for (const value of values) {
            // An option that took one malformed file as it is (a passphrase file) takes any
            // bytes: other readable files say nothing new, and each may cost a key derivation.
            if (acceptsAnyBytes && (await isReadableFile(value(inputs)))) continue;
            const r = await run((dir) => [name, ...base, ...others(dir), o.flag, value(dir)]);
            if (r.code === 0 && (await isReadableFile(value(inputs)))) acceptsAnyBytes = true;
          }
        }
      }
    },
  );
});
