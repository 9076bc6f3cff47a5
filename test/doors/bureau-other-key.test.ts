/**
 * The bureau's 导入文件包 given a panel result age-encrypted to another desk's key (a tester's
 * finding): the desk says the file was sealed to another key — not 「密钥或口令不对」, which read as
 * if the user had typed a wrong key — and keeps nothing; the same result sealed to this desk's own
 * key is taken in. The sentence is src-shared/crypto/age.ts's `headerRefusal`, the one every door
 * (the CLI's --identity too) shows.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../src-shared/crypto/age';
import { say } from '../../src-renderer/src/i18n/strings';
import { listRounds } from '../../src-renderer/src/workflows/bureau';
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
    const refused = take({ name: 'panel.jbx', bytes: toOther });
    await expect(refused).rejects.toThrow(
      /^文件包不能用本局的 age 身份解密，未导入：这个文件不是加密给这把密钥的：它是为别的密钥加密的（请确认文件的来处，或用对应的密钥打开）$/,
    );
    await expect(refused).rejects.not.toThrow('口令');
    expect((await listRounds(db)).map((r) => r.record)).toEqual([undefined]);

    const toDesk = await samplePanelBundle(pkg, manifestSha256);
    const taken = await take({ name: 'panel.jbx', bytes: toDesk });
    if (!taken.ok) throw new Error(say('zh', taken.reason));
    expect(taken.round.record?.packageId).toBe('KLMY-2026-JB-001');
  });
});
