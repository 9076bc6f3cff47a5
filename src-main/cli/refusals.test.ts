/**
 * Refusals that name what was given: a file of the wrong sort at a command's door is said as what
 * it is (an age file, a key of another kind, a bundle of another kind), through the one detector in
 * src-shared that every command calls — found by a fresh tester, each sentence asserted whole.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageEncrypt, generateAgeIdentity } from '../../src-shared/crypto/age';
import { nodeCrypto } from '../crypto/node-crypto';
import { runForTestIn } from './run-for-test';

const SAMPLE = resolve('resources/sample');
const folder = () => mkdtemp(join(tmpdir(), 'jb-cli-refusals-'));
const utf8 = (s: string) => new TextEncoder().encode(s);

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
      `${file} 是 age 加密文件，不能当作文字读取：此处需要未加密的文件，请先解密 (an age-encrypted file, not text: decrypt it first)`;
    for (const file of ['tb.age', 'v2.age', 'armored.age']) {
      const r = await runForTestIn(dir, 'render-taskbook', file, '-o', 'out.pdf');
      expect(r.code).toBe(2);
      expect(r.err).toBe(`jiebang render-taskbook: ${notText(file)}\n`);
    }
    // print takes a signed form's bundle too: an age file is opened as one, and refused by it.
    const sealed = await runForTestIn(dir, 'print', 'tb.age', '-o', 'out.pdf');
    expect(sealed.code).toBe(2);
    expect(sealed.err).toBe(
      'jiebang print: tb.age：文件包校验失败：该文件已用 age 加密，需要身份密钥（--identity）或口令（--passphrase-file）\n',
    );
    const v2 = await runForTestIn(dir, 'print', 'v2.age', '-o', 'out.pdf');
    expect(v2.err).toBe(
      'jiebang print: v2.age：文件包校验失败：这是 age 加密文件，但其版本 v2 不受支持（本程序读写 age-encryption.org/v1）\n',
    );
    // The same reader behind every JSON door: a sheet given to score.
    const score = await runForTestIn(
      dir,
      'score',
      '--package',
      join(SAMPLE, 'review-package.json'),
      'v2.age',
    );
    expect(score.err).toBe(`jiebang score: ${notText('v2.age')}\n`);
    expect((await readdir(dir)).sort()).toEqual(['armored.age', 'tb.age', 'v2.age']);
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

  it('--key names an age identity, a public key, a passphrase file or an age recipient given for the signing key', async () => {
    const dir = await keys();
    const pack = (key: string) =>
      runForTestIn(
        dir,
        'pack',
        join(SAMPLE, 'review-package.json'),
        '--attachments',
        join(SAMPLE, 'attachments'),
        '--key',
        key,
        '-o',
        'out.jbx',
      );
    const wanted =
      '不是 Ed25519 签名私钥（PKCS#8 PEM）：签名请用 jiebang keygen 生成的 signing.key';
    const said = {
      'age.key': `age.key 是 age 身份密钥（AGE-SECRET-KEY-1…），${wanted} (an age identity, not an Ed25519 signing key)`,
      'signing.pub': `signing.pub 是签名公钥（Ed25519 PEM），${wanted} (a public signing key, not an Ed25519 signing key)`,
      'pass.txt': `pass.txt 是口令文件（一行文字），${wanted} (a passphrase file, not an Ed25519 signing key)`,
      'age.pub': `age.pub 是 age 接收方公钥（age1…），${wanted} (an age recipient, not an Ed25519 signing key)`,
    };
    for (const [file, sentence] of Object.entries(said)) {
      const r = await pack(file);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`jiebang pack: ${sentence}\n`);
    }
    // Every command that signs reads its key through the same door: the key rotation too.
    const rotate = await runForTestIn(
      dir,
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
    );
    expect(rotate.err).toBe(`jiebang key: ${said['age.key']}\n`);
    expect((await readdir(dir)).sort()).toEqual(['age.key', 'age.pub', 'pass.txt', 'signing.pub']);
  });

  it('--passphrase-file names an age recipient (and a key of any kind); --bureau-key names a signing key', async () => {
    const dir = await keys();
    const sealed = join(dir, 'sealed.jbx');
    const { recipient } = await generateAgeIdentity();
    const whole = new Uint8Array(await readFile(join(SAMPLE, 'review-package.jbx')));
    await writeFile(sealed, await ageEncrypt(whole, { recipient }, nodeCrypto));
    const verify = await runForTestIn(dir, 'verify', 'sealed.jbx', '--passphrase-file', 'age.pub');
    expect(verify.code).toBe(2);
    expect(verify.err).toBe(
      'jiebang verify: age.pub 是 age 接收方公钥（age1…），用于加密，不是口令文件：解密需要与之配对的身份密钥（AGE-SECRET-KEY-1…），请用 --identity 给出 (a recipient, not a passphrase file: decrypt with its identity)\n',
    );
    // To encrypt (pack's --passphrase-file), a recipient is named too.
    const pack = await runForTestIn(
      dir,
      'pack',
      join(SAMPLE, 'review-package.json'),
      '--attachments',
      join(SAMPLE, 'attachments'),
      '--key',
      signingKey,
      '--passphrase-file',
      'age.pub',
      '-o',
      'out.jbx',
    );
    expect(pack.err).toBe(
      'jiebang pack: age.pub 是 age 接收方公钥（age1…），不是口令文件：口令文件只含一行口令 (an age recipient, not a passphrase file)\n',
    );
    const pub = await runForTestIn(dir, 'verify', 'sealed.jbx', '--passphrase-file', 'signing.pub');
    expect(pub.err).toBe(
      'jiebang verify: signing.pub 是签名公钥（Ed25519 PEM），不是口令文件：口令文件只含一行口令 (a public signing key, not a passphrase file)\n',
    );
    const bureauKey = await runForTestIn(
      dir,
      'ingest',
      'sealed.jbx',
      '--bureau-key',
      signingKey,
      '--data',
      'data',
    );
    expect(bureauKey.err).toBe(
      `jiebang ingest: ${signingKey} 是签名私钥（Ed25519 PEM），不是 Ed25519 公钥（SPKI PEM，如 signing.pub） (a signing key, not an Ed25519 public key)\n`,
    );
    expect((await readdir(dir)).sort()).toEqual([
      'age.key',
      'age.pub',
      'pass.txt',
      'sealed.jbx',
      'signing.pub',
    ]);
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
    issuedOn: '2026-12-10',
    dueBy: '2026-12-20',
  };
  const signingKey = join(SAMPLE, 'keys', 'bureau-signing.key');

  it('check tells an assignment by its fields and passes a good one', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'asg.json'), JSON.stringify(assignment));
    const r = await runForTestIn(dir, 'check', 'asg.json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'asg.json: 实地考察任务（inspection-assignment）\n✓ 格式与规则校验通过，无问题\n',
    );
  });

  it('both say the same sentences: a subject without its type is 缺少此项（必填）, the checklist in the desk’s words, a member twice, a due date before issue', async () => {
    const dir = await folder();
    const { type: _left, ...untyped } = assignment.subject;
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
        { issuedOn: '2026-12-10', dueBy: '2026-12-01' },
        'rule',
        ['完成日期 2026-12-01 早于签发日期 2026-12-10'],
      ],
    ];
    for (const [name, change, what, lines] of cases) {
      const file = `${name}.json`;
      await writeFile(join(dir, file), JSON.stringify({ ...assignment, ...change }));
      const checked = await runForTestIn(dir, 'check', file);
      expect(checked.code, name).toBe(2);
      expect(checked.err, name).toBe(
        `jiebang check: ${file}：实地考察任务（inspection-assignment）${what === 'malformed' ? '格式错误' : '不能签发'}：\n  ${lines.join('\n  ')}\n`,
      );
      const assigned = await runForTestIn(
        dir,
        'inspection',
        'assign',
        file,
        '--key',
        signingKey,
        '-o',
        `${name}.jbx`,
        '--data',
        'data',
      );
      expect(assigned.code, name).toBe(2);
      expect(assigned.err, name).toBe(
        `jiebang inspection: 考察任务 ${file} ${what === 'malformed' ? '格式错误，未签名' : '未签名'}：\n  ${lines.join('\n  ')}\n`,
      );
    }
    expect((await readdir(dir)).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });
});

describe('a bundle of another kind', () => {
  it('is said by both kinds’ labels, never the raw kind id: ingest, score, inspection ingest, calendar import, verify-print', async () => {
    const dir = await folder();
    const pkg = join(SAMPLE, 'review-package.jbx');
    const ingest = await runForTestIn(dir, 'ingest', pkg, '--data', 'data');
    expect(ingest.code).toBe(1);
    // ingest reports each panel on its line (stdout), and goes on with the next.
    expect(ingest.out).toBe(`✗ 未导入 ${pkg}：这不是专家组评审结果文件包，而是评审包文件包\n`);
    const score = await runForTestIn(
      dir,
      'score',
      '--package',
      join(SAMPLE, 'review-package.json'),
      pkg,
    );
    expect(score.err).toBe(`jiebang score: ${pkg}：这不是专家评分表文件包，而是评审包文件包\n`);
    const report = await runForTestIn(dir, 'inspection', 'ingest', pkg, '--data', 'data');
    expect(report.err).toBe(
      `jiebang inspection: ${pkg}：这不是实地考察报告文件包，而是评审包文件包，未导入\n`,
    );
    const calendar = await runForTestIn(dir, 'calendar', 'import', pkg, '--data', 'data');
    expect(calendar.err).toBe(
      `jiebang calendar: 日历文件包 ${pkg} 未导入：这不是工作日日历文件包，而是评审包文件包\n`,
    );
    const printed = await runForTestIn(dir, 'verify-print', '--code', '0'.repeat(64), pkg);
    expect(printed.err).toBe(
      `jiebang verify-print: ${pkg}：这不是项目任务书文件包，而是评审包文件包\n`,
    );
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
    const runs = {
      print: ['print', 'tb.json.age', '-o', 'out.pdf', '--identity', identity],
      check: ['check', 'tb.json.age', '--identity', identity],
      'verify-print': [
        'verify-print',
        '--code',
        'a'.repeat(64),
        'tb.json.age',
        '--identity',
        identity,
      ],
    };
    for (const [command, argv] of Object.entries(runs)) {
      const r = await runForTestIn(dir, ...argv);
      expect(r.code, command).toBe(2);
      expect(r.err, command).toBe(`jiebang ${command}: ${said}\n`);
    }
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
    const printed = await runForTestIn(dir, 'print', pkg, '-o', 'out.pdf');
    expect(printed.code).toBe(2);
    expect(printed.err).toBe(
      `jiebang print: ${pkg}：这不是里程碑考核或验收文件包，而是评审包文件包；print 排版里程碑考核表与验收结论表（其文件包或 JSON）\n`,
    );
    const tb = join(SAMPLE, 'taskbook.json');
    const json = await runForTestIn(dir, 'print', tb, '-o', 'out.pdf');
    expect(json.err).toBe(
      `jiebang print: ${tb}：这是任务书，不是里程碑考核或验收表；print 排版里程碑考核表与验收结论表（其文件包或 JSON）\n`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('a bundle where a JSON is read is named as a 文件包 (its kind when it opens without keys), with the JSON the door reads', async () => {
    const dir = await folder();
    const pkg = join(SAMPLE, 'review-package.jbx');
    const r = await runForTestIn(dir, 'render-taskbook', pkg, '-o', 'out.pdf');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `jiebang render-taskbook: ${pkg} 是评审包文件包，不是任务书的 JSON 文件：请给出任务书的 JSON 文件（文件包可用 jiebang unpack 解开） (a bundle, not JSON)\n`,
    );
    // A bundle that does not open (cut short): still a 文件包, by the shared reader.
    const whole = new Uint8Array(await readFile(pkg));
    await writeFile(join(dir, 'cut.jbx'), whole.subarray(0, 200));
    const cut = await runForTestIn(dir, 'render-taskbook', 'cut.jbx', '-o', 'out.pdf');
    expect(cut.err).toBe(
      'jiebang render-taskbook: cut.jbx 是文件包（ZIP 文件，如 .jbx），不是任务书的 JSON 文件：请给出任务书的 JSON 文件（文件包可用 jiebang unpack 解开） (a bundle, not JSON)\n',
    );
    expect(await readdir(dir)).toEqual(['cut.jbx']);
  });

  it('a JSON document of another kind is said as that kind before any field list: inspection assign, render-taskbook, score, pack', async () => {
    const dir = await folder();
    const tb = join(SAMPLE, 'taskbook.json');
    const pkg = join(SAMPLE, 'review-package.json');
    const assign = await runForTestIn(
      dir,
      'inspection',
      'assign',
      tb,
      '--key',
      join(SAMPLE, 'keys', 'bureau-signing.key'),
      '-o',
      'x.jbx',
      '--data',
      'data',
    );
    expect(assign.code).toBe(2);
    expect(assign.err).toBe(`jiebang inspection: ${tb}：这是任务书，不是实地考察任务\n`);
    const render = await runForTestIn(dir, 'render-taskbook', pkg, '-o', 'out.pdf');
    expect(render.err).toBe(`jiebang render-taskbook: ${pkg}：这是评审包，不是任务书\n`);
    const score = await runForTestIn(dir, 'score', '--package', tb, join(SAMPLE, 'decision.json'));
    expect(score.err).toBe(`jiebang score: ${tb}：这是任务书，不是评审包\n`);
    const sheet = await runForTestIn(dir, 'score', '--package', pkg, join(SAMPLE, 'decision.json'));
    expect(sheet.err).toBe(
      `jiebang score: ${join(SAMPLE, 'decision.json')}：这是专家组意见，不是评分表\n`,
    );
    const pack = await runForTestIn(
      dir,
      'pack',
      tb,
      '--attachments',
      join(SAMPLE, 'attachments'),
      '--key',
      join(SAMPLE, 'keys', 'bureau-signing.key'),
      '-o',
      'x.jbx',
    );
    expect(pack.err).toBe(`jiebang pack: ${tb}：这是任务书，不是评审包\n`);
    expect(await readdir(dir)).toEqual([]);
  });
});
