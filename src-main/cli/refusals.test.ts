/**
 * Refusals that name what was given: a file of the wrong sort at a command's door is said as what
 * it is (an age file, a key of another kind, a bundle of another kind), through the one detector in
 * src-shared that every command calls — found by a fresh tester, each sentence asserted whole.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ageEncrypt, generateAgeIdentity } from '../../src-shared/crypto/age';
import { nodeCrypto } from '../crypto/node-crypto';
import { issuedAfterTodayText } from '../../src-shared/inspection';
import { runForTestAt, runForTestIn } from './run-for-test';

const SAMPLE = resolve('resources/sample');
const folder = () => mkdtemp(join(tmpdir(), 'jb-cli-refusals-'));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A command line and the one sentence it is refused with (after 「jiebang <command>: 」). */
type Refusal = readonly [argv: readonly string[], sentence: string];

/**
 * Each command line run in `dir`, refused with exactly its sentence on stderr, exit 2 — the one
 * run-and-expect of this file's refusals.
 */
async function expectRefusals(dir: string, refusals: readonly Refusal[]): Promise<void> {
  for (const [argv, sentence] of refusals) {
    const r = await runForTestIn(dir, ...argv);
    expect(r.err, argv.join(' ')).toBe(`jiebang ${argv[0] ?? ''}: ${sentence}\n`);
    expect(r.code, argv.join(' ')).toBe(2);
  }
}

describe('an age file where a command reads a document', () => {
  it('jiebang print and render-taskbook name an age file (binary, armored, another version), never its text encoding', async () => {
    const dir = await folder();
    const { recipient } = await generateAgeIdentity();
    const tb = new Uint8Array(await readFile(join(SAMPLE, 'taskbook.json')));
    await writeFile(join(dir, 'tb.age'), await ageEncrypt(tb, { recipient }, nodeCrypto));
    await writeFile(
      join(dir, 'v2.age'),
      new Uint8Array([...utf8('age-encryption.org/v2\n-> X25519 abc\n--- x\n'), 0xff, 0x80]),
    );
    await writeFile(
      join(dir, 'armored.age'),
      '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n',
    );
    const notText = (file: string) =>
      `${file} 是 age 加密文件，不能当作文字读取：此处需要未加密的文件，请先解密`;
    await expectRefusals(dir, [
      ...['tb.age', 'v2.age', 'armored.age'].map((file): Refusal => [
        ['render-taskbook', file, '-o', 'out.pdf'],
        notText(file),
      ]),
      // print takes a signed form's bundle too: an age file is opened as one, and refused by it.
      [
        ['print', 'tb.age', '-o', 'out.pdf'],
        'tb.age：文件包校验失败：该文件已用 age 加密，需要身份密钥（--identity）或口令（--passphrase-file）',
      ],
      [
        ['print', 'v2.age', '-o', 'out.pdf'],
        'v2.age：文件包校验失败：这是 age 加密文件，但其版本 v2 不受支持（本程序读写 age-encryption.org/v1）',
      ],
      // The same reader behind every JSON door: a sheet given to score.
      [['score', '--package', join(SAMPLE, 'review-package.json'), 'v2.age'], notText('v2.age')],
    ]);
    expect((await readdir(dir)).sort()).toEqual(['armored.age', 'tb.age', 'v2.age']);
  });

  it('an age file named .xlsx is named as an age file before the workbook reader: score’s sheets, package lint’s lists', async () => {
    const dir = await folder();
    const { recipient } = await generateAgeIdentity();
    const lists = resolve('resources/templates/sample');
    await mkdir(join(dir, 'lists'));
    for (const f of await readdir(lists))
      await writeFile(join(dir, 'lists', f), await readFile(join(lists, f)));
    const workbook = new Uint8Array(await readFile(join(lists, 'applicants.xlsx')));
    const sealed = await ageEncrypt(workbook, { recipient }, nodeCrypto);
    await writeFile(join(dir, 'lists', 'applicants.xlsx'), sealed);
    await writeFile(join(dir, 'sheets.xlsx'), sealed);
    const notWorkbook = (file: string) =>
      `${file} 是 age 加密文件，不是 Excel 工作簿：此处需要未加密的工作簿（.xlsx）或 CSV，请先解密`;
    const score = await runForTestIn(
      dir,
      'score',
      '--package',
      join(SAMPLE, 'review-package.json'),
      'sheets.xlsx',
    );
    expect(score.code).toBe(2);
    expect(score.err).toContain(notWorkbook('sheets.xlsx'));
    await expectRefusals(dir, [
      [['package', 'lint', 'lists', '--json'], notWorkbook('applicants.xlsx')],
    ]);
  });
});

describe('a key file of another kind', () => {
  const signingKey = join(SAMPLE, 'keys', 'bureau-signing.key');
  const keys = async () => {
    const dir = await folder();
    const { identity, recipient } = await generateAgeIdentity();
    await writeFile(join(dir, 'age.key'), `# created: 2026-12-01\n${identity}\n`);
    await writeFile(join(dir, 'age.pub'), `${recipient}\n`);
    await writeFile(join(dir, 'pass.txt'), '纸上的口令 7d1f\n');
    await writeFile(
      join(dir, 'signing.pub'),
      await readFile(join(SAMPLE, 'keys', 'bureau-signing.pub')),
    );
    return dir;
  };
  /** `jiebang pack` of the sample package with `options` (a key, a recipient, a passphrase file). */
  const pack = (...options: string[]) => [
    'pack',
    join(SAMPLE, 'review-package.json'),
    '--attachments',
    join(SAMPLE, 'attachments'),
    ...options,
    '-o',
    'out.jbx',
  ];

  it('--key names an age identity, a public key, a passphrase file or an age recipient given for the signing key', async () => {
    const dir = await keys();
    const wanted =
      '不是 Ed25519 签名私钥（PKCS#8 PEM）：签名请用 jiebang keygen 生成的 signing.key';
    const said = {
      'age.key': `age.key 是 age 身份密钥（AGE-SECRET-KEY-1…），${wanted}`,
      'signing.pub': `signing.pub 是签名公钥（Ed25519 PEM），${wanted}`,
      'pass.txt': `pass.txt 是口令文件（一行文字），${wanted}`,
      'age.pub': `age.pub 是 age 接收方公钥（age1…），${wanted}`,
    };
    await expectRefusals(dir, [
      ...Object.entries(said).map(([file, sentence]): Refusal => [pack('--key', file), sentence]),
      // Every command that signs reads its key through the same door: the key rotation too.
      [
        [
          'key',
          'rotate',
          '--old',
          'age.key',
          '--new',
          signingKey,
          '-o',
          'rotation.jbx',
          '--data',
          'data',
        ],
        said['age.key'],
      ],
    ]);
    expect((await readdir(dir)).sort()).toEqual(['age.key', 'age.pub', 'pass.txt', 'signing.pub']);
  });

  it('--passphrase-file names an age recipient (and a key of any kind); --bureau-key names a signing key', async () => {
    const dir = await keys();
    const sealed = join(dir, 'sealed.jbx');
    const { recipient } = await generateAgeIdentity();
    const whole = new Uint8Array(await readFile(join(SAMPLE, 'review-package.jbx')));
    await writeFile(sealed, await ageEncrypt(whole, { recipient }, nodeCrypto));
    await expectRefusals(dir, [
      [
        ['verify', 'sealed.jbx', '--passphrase-file', 'age.pub'],
        'age.pub 是 age 接收方公钥（age1…），用于加密，不是口令文件：解密需要与之配对的身份密钥（AGE-SECRET-KEY-1…），请用 --identity 给出',
      ],
      // To encrypt (pack's --passphrase-file), a recipient is named too.
      [
        pack('--key', signingKey, '--passphrase-file', 'age.pub'),
        'age.pub 是 age 接收方公钥（age1…），不是口令文件：口令文件只含一行口令',
      ],
      [
        ['verify', 'sealed.jbx', '--passphrase-file', 'signing.pub'],
        'signing.pub 是签名公钥（Ed25519 PEM），不是口令文件：口令文件只含一行口令',
      ],
      [
        ['ingest', 'sealed.jbx', '--bureau-key', signingKey, '--data', 'data'],
        `${signingKey} 是签名私钥（Ed25519 PEM），不是 Ed25519 公钥（SPKI PEM，如 signing.pub）`,
      ],
    ]);
    expect((await readdir(dir)).sort()).toEqual([
      'age.key',
      'age.pub',
      'pass.txt',
      'sealed.jbx',
      'signing.pub',
    ]);
  });

  it('pack --recipient given a file’s path says it is a path, and what to give instead; both ways to encrypt at once are refused in both languages', async () => {
    const dir = await keys();
    await expectRefusals(dir, [
      [
        pack('--key', signingKey, '--recipient', 'age.pub'),
        '给 --recipient 的 age.pub 是一个文件的路径，不是 age 接收方公钥（age1…）：请给出文件中的 age1… 字符串本身（如 --recipient "$(cat age.pub)"）',
      ],
      [
        pack('--key', signingKey, '--recipient', 'pass.txt'),
        '给 --recipient 的 pass.txt 是一个文件的路径，不是 age 接收方公钥（age1…）：请给出 age 接收方公钥字符串本身（age1…，jiebang keygen 生成的 age.pub 的内容）',
      ],
      [
        pack('--key', signingKey, '--recipient', 'keys/bureau.pub'),
        '给 --recipient 的 keys/bureau.pub 像是一个文件的路径（该文件不存在），不是 age 接收方公钥（age1…）：请给出 age 接收方公钥字符串本身（age1…，jiebang keygen 生成的 age.pub 的内容）',
      ],
      [
        pack('--key', signingKey, '--recipient', 'age1abc', '--passphrase-file', 'pass.txt'),
        '--recipient 与 --passphrase-file 只能选一个 (--recipient or --passphrase-file, not both)',
      ],
    ]);
    expect((await readdir(dir)).sort()).toEqual(['age.key', 'age.pub', 'pass.txt', 'signing.pub']);
  });
});

describe('an inspection assignment at jiebang check and jiebang inspection assign', () => {
  const assignment = {
    formatVersion: 1,
    assignmentId: 'ASG-2026-07',
    subject: { type: 'demand', id: 'D-2026-01' },
    round: 'R-2026-2',
    purpose: '评榜：核实技术需求的真实性、发榜方是否为最终用户（第十二条（二））',
    sites: [{ name: '克拉玛依油田采出水处理站', address: '克拉玛依市白碱滩区' }],
    team: [
      { id: 'I01', name: '李检查', role: 'leader' },
      { id: 'I02', name: '王核验', role: 'member' },
    ],
    checklist: ['技术需求真实存在', '发榜方为技术需求的最终用户'],
    reportTo: {
      name: '克拉玛依市科学技术局',
      ageRecipient: 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx',
    },
    issuedOn: '2026-11-20',
    dueBy: '2026-12-20',
  };
  const signingKey = join(SAMPLE, 'keys', 'bureau-signing.key');

  it('an assignment issued after today is refused by check and assign in one sentence (the visit’s rule), nothing written', async () => {
    const dir = await folder();
    await writeFile(
      join(dir, 'future.json'),
      JSON.stringify({ ...assignment, issuedOn: '2026-12-16', dueBy: '2026-12-20' }),
    );
    const on = (at: string, ...argv: string[]) => runForTestAt(() => new Date(at), dir, ...argv);
    const dayBefore = '2026-12-15T16:00:00+08:00';
    const sentence = `签发日期${issuedAfterTodayText('2026-12-16', '2026-12-15')}`;
    expect(sentence).toBe(
      '签发日期2026年12月16日晚于今天（2026年12月15日）：考察任务签发后考察组才能考察并提交报告，签发日期不能晚于今天',
    );
    const checked = await on(dayBefore, 'check', 'future.json');
    expect(checked.code).toBe(2);
    expect(checked.err).toBe(`jiebang check: future.json：实地考察任务不能签发：\n  ${sentence}\n`);
    const assign = (at: string) =>
      on(
        at,
        'inspection',
        'assign',
        'future.json',
        '--key',
        signingKey,
        '-o',
        'f.jbx',
        '--data',
        'data',
      );
    const refused = await assign(dayBefore);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`jiebang inspection: 考察任务 future.json 未签名：\n  ${sentence}\n`);
    expect(await readdir(dir)).toEqual(['future.json']);
    // On the day of issue it is signed.
    const onTheDay = await assign('2026-12-16T09:00:00+08:00');
    expect(onTheDay.code, onTheDay.err).toBe(0);
  });

  it('check tells an assignment by its fields and passes a good one', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'asg.json'), JSON.stringify(assignment));
    const r = await runForTestIn(dir, 'check', 'asg.json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('asg.json：实地考察任务\n✓ 格式与规则校验通过，无问题\n');
  });

  it('both say the same sentences: a field by the desk’s label (a subject without its type is 缺少此项（必填）, a wrong type by its options’ words), the checklist in the desk’s words, a member twice, a due date before issue', async () => {
    const dir = await folder();
    const { type: _left, ...untyped } = assignment.subject;
    const { dueBy: _due, ...undated } = assignment;
    const cases: [string, Record<string, unknown>, 'malformed' | 'rule', string[]][] = [
      ['untyped', { subject: untyped }, 'malformed', ['考察对象 类型：缺少此项（必填）']],
      [
        'planet',
        { subject: { type: 'planet', id: 'D-2026-01' } },
        'malformed',
        [
          '考察对象 类型：无效选项：应为以下之一：年度（year）、批次（round）、榜单（demand）、评审包（package）、揭榜方（applicant）、任务书（task-book）、签名密钥（key）',
        ],
      ],
      [
        'unnamed',
        {
          team: [
            { id: 'I01', name: '李检查', role: 'leader' },
            { id: 'I02', name: ' ', role: 'boss' },
          ],
        },
        'malformed',
        [
          '考察组第 2 位成员 姓名：不能为空',
          '考察组第 2 位成员 职责（组长或成员）：无效选项：应为以下之一：组长（leader）、成员（member）',
        ],
      ],
      ['undated', { ...undated, dueBy: undefined }, 'malformed', ['完成日期：缺少此项（必填）']],
      [
        'unlisted',
        { checklist: [] },
        'rule',
        ['考察任务须列明至少一项检查项（第十二条（一）（二）），未签发'],
      ],
      [
        'repeated',
        { checklist: ['需求真实性', '设备运行', '需求真实性\u200b '] },
        'rule',
        ['检查项第 3 项与第 1 项重复（“需求真实性”），未签发'],
      ],
      [
        'twice',
        {
          team: [
            { id: 'I01', name: '李检查', role: 'leader' },
            { id: 'I02', name: ' 李检查\u200b', role: 'member' },
          ],
        },
        'rule',
        ['考察组第 2 位成员与第 1 位重复（李检查），每人只能列一次'],
      ],
      [
        'early',
        { issuedOn: '2026-11-20', dueBy: '2026-11-01' },
        'rule',
        ['完成日期2026年11月1日早于签发日期2026年11月20日'],
      ],
    ];
    for (const [name, change, what, lines] of cases) {
      const file = `${name}.json`;
      await writeFile(join(dir, file), JSON.stringify({ ...assignment, ...change }));
      await expectRefusals(dir, [
        [
          ['check', file],
          `${file}：实地考察任务${what === 'malformed' ? '格式错误' : '不能签发'}：\n  ${lines.join('\n  ')}`,
        ],
        [
          [
            'inspection',
            'assign',
            file,
            '--key',
            signingKey,
            '-o',
            `${name}.jbx`,
            '--data',
            'data',
          ],
          `考察任务 ${file} ${what === 'malformed' ? '格式错误，未签名' : '未签名'}：\n  ${lines.join('\n  ')}`,
        ],
      ]);
    }
    expect((await readdir(dir)).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });
});

describe('a review package’s schema errors', () => {
  it('pack names each field as check and score do (one describeSchemaIssues), not the first five by path joined by ；', async () => {
    const dir = await folder();
    const sample = z
      .record(z.string(), z.unknown())
      .parse(JSON.parse(await readFile(join(SAMPLE, 'review-package.json'), 'utf8')));
    const { title: _title, ...untitled } = sample;
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({ ...untitled, schedule: { reviewDate: '2026-02-30' } }),
    );
    const lines = '评审包名称：缺少此项（必填）\n  日程 评审日期：2026-02-30 不是实际存在的日期';
    await expectRefusals(dir, [
      [
        [
          'pack',
          'bad.json',
          '--attachments',
          join(SAMPLE, 'attachments'),
          '--key',
          join(SAMPLE, 'keys', 'bureau-signing.key'),
          '-o',
          'out.jbx',
        ],
        `bad.json 不是有效的评审包：\n  ${lines}`,
      ],
      [
        ['score', '--package', 'bad.json', join(SAMPLE, 'decision.json')],
        `bad.json 不是有效的评审包：\n  ${lines}`,
      ],
      [['check', 'bad.json'], `bad.json：评审包格式错误：\n  ${lines}`],
    ]);
    expect(await readdir(dir)).toEqual(['bad.json']);
  });
});

describe('a bundle of another kind', () => {
  it('is said by both kinds’ labels, never the raw kind id: ingest, score, inspection ingest, calendar import, verify-print', async () => {
    const dir = await folder();
    const pkg = join(SAMPLE, 'review-package.jbx');
    // ingest reports each panel on its line (stdout, exit 1: a bundle refused), and goes on with
    // the next; --json says it as that file's ok: false and reason.
    const wrongKind = `未导入 ${pkg}：这不是专家组评审结果文件包，而是评审包文件包`;
    const ingest = await runForTestIn(dir, 'ingest', pkg, '--data', 'data');
    expect(ingest.code).toBe(1);
    expect(ingest.err).toBe('');
    expect(ingest.out).toBe(`✗ ${wrongKind}\n`);
    const json = await runForTestIn(dir, 'ingest', pkg, '--data', 'data', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual([{ file: pkg, ok: false, reason: wrongKind }]);
    await expectRefusals(dir, [
      [
        ['score', '--package', join(SAMPLE, 'review-package.json'), pkg],
        `${pkg}：这不是专家评分表文件包，而是评审包文件包`,
      ],
      [
        ['inspection', 'ingest', pkg, '--data', 'data'],
        `${pkg}：这不是实地考察报告文件包，而是评审包文件包，未导入`,
      ],
      [
        ['calendar', 'import', pkg, '--data', 'data'],
        `日历文件包 ${pkg} 未导入：这不是工作日日历文件包，而是评审包文件包`,
      ],
      [
        ['verify-print', '--code', '0'.repeat(64), pkg],
        `${pkg}：这不是项目任务书文件包，而是评审包文件包`,
      ],
    ]);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a file that is not what it looks like', () => {
  it('an age file that decrypts to a JSON document is said to be that document (its kind named), not a bundle: print, check, verify-print', async () => {
    const dir = await folder();
    const identity = join(SAMPLE, 'keys', 'bureau.agekey');
    const recipient = 'age1nd54rwqqkjdg0jjjw5cq93f4g535mqdrj35g4xefjs26duwdc94sca2tgx';
    const tb = new Uint8Array(await readFile(join(SAMPLE, 'taskbook.json')));
    await writeFile(join(dir, 'tb.json.age'), await ageEncrypt(tb, { recipient }, nodeCrypto));
    const said =
      'tb.json.age：文件包校验失败：该文件是 age 加密的 JSON 文档（任务书），不是揭榜评审台的文件包：请先解密（age -d -i 身份密钥 -o 文件.json 文件.age），再给出解密后的 JSON 文件';
    await expectRefusals(dir, [
      [['print', 'tb.json.age', '-o', 'out.pdf', '--identity', identity], said],
      [['check', 'tb.json.age', '--identity', identity], said],
      [['verify-print', '--code', 'a'.repeat(64), 'tb.json.age', '--identity', identity], said],
    ]);
    // A plain JSON given to verify is named too.
    const verify = await runForTestIn(dir, 'verify', join(SAMPLE, 'taskbook.json'));
    expect(verify.out).toContain(
      '✗ 格式：这是 JSON 文档（任务书），不是揭榜评审台的文件包（既非 ZIP 也非 age 加密文件）\n',
    );
    expect(await readdir(dir)).toEqual(['tb.json.age']);
  });

  it('print names a bundle of another kind by its label, never its summary (a title, an assignment’s description); a JSON of another kind by its label', async () => {
    const dir = await folder();
    const pkg = join(SAMPLE, 'review-package.jbx');
    const tb = join(SAMPLE, 'taskbook.json');
    await expectRefusals(dir, [
      [
        ['print', pkg, '-o', 'out.pdf'],
        `${pkg}：这不是里程碑考核或验收文件包，而是评审包文件包；print 排版里程碑考核表与验收结论表（其文件包或 JSON）`,
      ],
      [
        ['print', tb, '-o', 'out.pdf'],
        `${tb}：这是任务书，不是里程碑考核或验收表；print 排版里程碑考核表与验收结论表（其文件包或 JSON）`,
      ],
    ]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a bundle where a JSON is read is named as a 文件包 (its kind when it opens without keys), with the JSON the door reads', async () => {
    const dir = await folder();
    const pkg = join(SAMPLE, 'review-package.jbx');
    // A bundle that does not open (cut short): still a 文件包, by the shared reader.
    const whole = new Uint8Array(await readFile(pkg));
    await writeFile(join(dir, 'cut.jbx'), whole.subarray(0, 200));
    await expectRefusals(dir, [
      [
        ['render-taskbook', pkg, '-o', 'out.pdf'],
        `${pkg} 是评审包文件包，不是任务书的 JSON 文件：请给出任务书的 JSON 文件（文件包可用 jiebang unpack 解开）`,
      ],
      [
        ['render-taskbook', 'cut.jbx', '-o', 'out.pdf'],
        'cut.jbx 是文件包（ZIP 文件，如 .jbx），不是任务书的 JSON 文件：请给出任务书的 JSON 文件（文件包可用 jiebang unpack 解开）',
      ],
    ]);
    expect(await readdir(dir)).toEqual(['cut.jbx']);
  });

  it('a JSON document of another kind is said as that kind before any field list: inspection assign, render-taskbook, score, pack', async () => {
    const dir = await folder();
    const tb = join(SAMPLE, 'taskbook.json');
    const pkg = join(SAMPLE, 'review-package.json');
    const signingKey = join(SAMPLE, 'keys', 'bureau-signing.key');
    await expectRefusals(dir, [
      [
        ['inspection', 'assign', tb, '--key', signingKey, '-o', 'x.jbx', '--data', 'data'],
        `${tb}：这是任务书，不是实地考察任务`,
      ],
      [['render-taskbook', pkg, '-o', 'out.pdf'], `${pkg}：这是评审包，不是任务书`],
      [['score', '--package', tb, join(SAMPLE, 'decision.json')], `${tb}：这是任务书，不是评审包`],
      [
        ['score', '--package', pkg, join(SAMPLE, 'decision.json')],
        `${join(SAMPLE, 'decision.json')}：这是专家组意见，不是评分表`,
      ],
      [
        [
          'pack',
          tb,
          '--attachments',
          join(SAMPLE, 'attachments'),
          '--key',
          signingKey,
          '-o',
          'x.jbx',
        ],
        `${tb}：这是任务书，不是评审包`,
      ],
    ]);
    expect(await readdir(dir)).toEqual([]);
  });
});
