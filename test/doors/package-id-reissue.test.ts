/**
 * A package id already issued, at the bureau's two doors on one input (src-shared/bureau/reissue.ts
 * `packageIdIssued`): the desk's 签发评审包 (the workflow over main's real handlers) and
 * `jiebang package sign` each sign KLMY-2026-JB-001 from the sample's lists once, then refuse the
 * same id again in the same sentence — the id, its round's stage, a new id to use — and keep what
 * was issued: the desk its one round with its package, the CLI its one package in the data folder.
 * Before either signs again, the draft's checks (`judgeDraft` with the rounds held) and `jiebang
 * package lint --data` already flag the id in that sentence.
 */
import 'fake-indexeddb/auto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { bureauHost, filesOf } from './bureau-host';
import { auditLog } from '../../src-renderer/src/db/repo';
import { say } from '../../src-renderer/src/i18n/strings';
import {
  issuedOf,
  judgeDraft,
  listRounds,
  readDraft,
  signRound,
} from '../../src-renderer/src/workflows/bureau';
import { problemOf } from '../../src-renderer/src/workflows/deps';

const LISTS = 'resources/templates/sample';
const ATTACHMENTS = 'resources/sample/attachments';
const KEY = 'resources/sample/keys/bureau-signing.key';
const PASS = 'correct horse battery';
const SAID =
  '评审包编号 KLMY-2026-JB-001 已签发过，该评审轮次已发放，未签名：同一编号只签发一次，已发出的评审包及其评审结果、审定与公示保持不变。如需签发新的评审包，请在「榜单」表的「评审包编号」中改用新的编号（如 KLMY-2026-JB-002）后再签发';

const { dir, db, api, channel } = bureauHost('jb-reissue');

describe(
  'a package id already issued, at the desk and on the command line',
  { timeout: 180_000 },
  () => {
    it('is refused in the same sentence at both doors, and what was issued is kept', async () => {
      // The desk: sign once, then the same lists again.
      const created = await channel('profile:create')({ label: '市科技局', passphrase: PASS });
      const profileId = created.profile.id;
      const { key } = await channel('bureau:key-create')({ profileId, passphrase: PASS });
      const deskSign = async (now: string) => {
        const draft = await readDraft(api, await filesOf(LISTS), await filesOf(ATTACHMENTS));
        const verdict = judgeDraft(draft);
        if (!verdict.ok) throw new Error(verdict.problems.map((p) => p.message).join('\n'));
        return signRound(db, api, {
          profileId,
          passphrase: PASS,
          key,
          verdict,
          draft,
          encrypt: { kind: 'none' },
          actor: '市科技局',
          now: new Date(now),
        });
      };
      const first = await deskSign('2026-09-01T09:00:00+08:00');
      // The draft's checks, shown before 签发评审包: the id already flagged, 签发 not offered.
      const lists = await readDraft(api, await filesOf(LISTS), await filesOf(ATTACHMENTS));
      const checks = judgeDraft(lists, issuedOf(await listRounds(db), new Date('2026-09-02')));
      expect(checks.ok && checks.canSign).toBe(false);
      expect(checks.ok && checks.notes[0]).toMatchObject({ message: SAID, severity: 'blocking' });
      expect(checks.ok && checks.notes[0]?.at).toEqual({
        grid: lists.grids.findIndex((g) => g.sheet === '榜单'),
        row: 2,
        col: 1,
      });
      expect(judgeDraft(lists).ok && judgeDraft(lists, []).ok).toBe(true);
      const desk = await deskSign('2026-09-02T09:00:00+08:00').then(
        () => null,
        (e: unknown) => say('zh', problemOf(e)),
      );
      expect(desk).toBe(SAID);
      const rounds = await listRounds(db);
      expect(rounds.map((r) => [r.packageId, r.issued.manifestSha256])).toEqual([
        ['KLMY-2026-JB-001', first.round.issued.manifestSha256],
      ]);
      expect((await auditLog(db)).map((e) => e.action)).toEqual(['bureau.package.sign']);

      // The command line: the same lists, signed once into a data folder, then again.
      const data = join(dir, 'cli-data');
      await run('package', 'new', LISTS, '--attachments', ATTACHMENTS, '-o', join(dir, 'rp.json'));
      const cliSign = (out: string) =>
        run(
          'package',
          'sign',
          join(dir, 'rp.json'),
          '--key',
          KEY,
          '--attachments',
          ATTACHMENTS,
          '-o',
          join(dir, out),
          '--data',
          data,
        );
      expect((await cliSign('first.jbx')).code).toBe(0);
      // `package lint` on the package and on its lists: the same sentence before signing.
      const lint = await run('package', 'lint', join(dir, 'rp.json'), '--data', data);
      expect(lint.code).toBe(1);
      expect(lint.out).toContain(`✗ 阻断  ${SAID}（数据目录 ${data}）`);
      const lintLists = await run(
        'package',
        'lint',
        LISTS,
        '--attachments',
        ATTACHMENTS,
        '--data',
        data,
      );
      expect(lintLists.code).toBe(1);
      expect(lintLists.out).toContain(`✗ ${SAID}（数据目录 ${data}）`);
      const cli = await cliSign('second.jbx');
      expect(cli.code).toBe(2);
      expect(cli.err).toContain(`${SAID}（数据目录 ${data}）`);
      expect(await readdir(join(data, 'packages', 'KLMY-2026-JB-001'))).toHaveLength(1);
      await expect(readFile(join(dir, 'second.jbx'))).rejects.toThrow();
    });
  },
);
