/**
 * The bureau's 导入文件包 given a panel result age-encrypted to another desk's key (a tester's
 * finding): the desk says the file was sealed to another key — not 「密钥或口令不对」, which read as
 * if the user had typed a wrong key — and keeps nothing; the same result sealed to this desk's own
 * key is taken in — chosen together, each file said on its own line. The sentence is src-shared/crypto/age.ts's `headerRefusal`, the one every door
 * (the CLI's --identity too) shows.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { say } from '../../src-renderer/src/i18n/strings';
import { ingestReport, listRounds } from '../../src-renderer/src/workflows/bureau';
import { samplePanelBundle } from '../fixtures/panel';
import { bureauHost } from './bureau-host';

const PASS = 'correct horse battery';

const { db, signSampleRound } = bureauHost('jb-other-key');

describe('the bureau desk’s import of a bundle sealed to another key', { timeout: 180_000 }, () => {
  it('says it was sealed to another key, not that a key was typed wrong, keeps nothing, and takes the same result sealed to its own key', async () => {
    const { signed, take } = await signSampleRound(PASS);
    const { pkg, manifestSha256 } = signed.round.issued;
    // The chair's result as the chair's screen seals it, to the package's bureau recipient: here
    // another desk's.
    const other = await generateAgeIdentity();
    const toOther = await samplePanelBundle(
      { ...pkg, bureau: { ...pkg.bureau, ageRecipient: other.recipient } },
      manifestSha256,
    );
    const refused = await take({ name: 'panel.jbx', bytes: toOther });
    if (refused.ok) throw new Error('taken');
    expect(say('zh', refused.reason)).toBe(
      '未导入 panel.jbx：文件包不能用本局的 age 身份解密：这个文件不是加密给这把密钥的：它是为别的密钥加密的（请确认文件的来处，或用对应的密钥打开）',
    );
    expect(say('zh', refused.reason)).not.toContain('口令');
    expect((await listRounds(db)).map((r) => r.record)).toEqual([undefined]);

    // Chosen together with the result sealed to this desk (a tester's finding: the first file's
    // refusal ended the import, naming no file, and the files after it were neither taken nor said).
    const toDesk = await samplePanelBundle(pkg, manifestSha256);
    const outcomes = [];
    for (const file of [
      { name: 'other-desk.jbx', bytes: toOther },
      { name: 'panel.jbx', bytes: toDesk },
    ])
      outcomes.push({ file: file.name, outcome: await take(file) });
    const report = ingestReport(outcomes);
    expect(say('zh', report.message)).toBe('选择了 2 个文件：1 个已导入，1 个未导入（逐个见下）');
    expect(report.lines.map((l) => say('zh', l)).slice(0, 2)).toEqual([
      expect.stringMatching(
        /^未导入 other-desk\.jbx：文件包不能用本局的 age 身份解密：这个文件不是加密给这把密钥的/,
      ),
      '✓ 已导入 panel.jbx',
    ]);
    expect((await listRounds(db)).map((r) => r.record?.packageId)).toEqual(['KLMY-2026-JB-001']);
  });
});
