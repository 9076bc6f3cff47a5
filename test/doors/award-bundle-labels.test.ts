/**
 * A bad document after the award inside a signed bundle (赛马择优, 里程碑考核) is refused in the
 * award cards' words at every door that opens the bundle: `jiebang verify` and the bureau's desk
 * (`ingestResult`) name 「第 1 位揭榜方 赛马阶段考核得分」, never `solvers.0.score`, and say the same.
 */
import 'fake-indexeddb/auto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, sign } from '../../src-shared/crypto/keys';
import type { BundleKind } from '../../src-shared/bundle';
import { KIND_SAMPLES, reseal } from '../../src-shared/bundle/test-helpers';
import { runForTest as run } from '../../src-main/cli/run-for-test';
import { say } from '../../src-renderer/src/i18n/strings';
import { ingestResult } from '../../src-renderer/src/workflows/bureau';
import { bureauHost } from './bureau-host';

const PASS = 'correct horse battery';
const { dir, db, api, channel } = bureauHost('jb-award-bundle');

/** A sample bundle of `kind` whose main document `main` is edited, sealed again by its signers. */
async function badBundle(
  kind: BundleKind,
  main: string,
  edit: (doc: Record<string, unknown>) => void,
): Promise<Uint8Array> {
  const { bytes, keys } = await KIND_SAMPLES[kind](generateSigningKey());
  return reseal(
    bytes,
    (m) => {
      const doc: unknown = JSON.parse(new TextDecoder().decode(m.get(main)));
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(main);
      const fields: Record<string, unknown> = { ...doc };
      edit(fields);
      m.set(main, new TextEncoder().encode(JSON.stringify(fields, null, 2)));
    },
    (n, manifest) => {
      const key = keys[n - 1];
      return key ? { sig: sign(manifest, key.secretKey) } : null;
    },
  );
}

/** What follows 「格式错误：」 in a refusal. */
const issues = (text: string): string =>
  text.slice(text.indexOf('格式错误：')).split('\n')[0] ?? '';

describe('a bad award document in a bundle, at the command line and the desk', () => {
  it('names the same fields in the cards’ words', { timeout: 120_000 }, async () => {
    const created = await channel('profile:create')({ label: '市科技局', passphrase: PASS });
    const profileId = created.profile.id;
    const { key } = await channel('bureau:key-create')({ profileId, passphrase: PASS });
    const cases = [
      {
        kind: 'race-choice',
        main: 'race.json',
        edit: (d: Record<string, unknown>) => {
          const solvers = Array.isArray(d.solvers) ? d.solvers : [];
          const [first, ...rest]: unknown[] = solvers;
          d.solvers = [
            typeof first === 'object' && first !== null ? { ...first, score: 120 } : first,
            ...rest,
          ];
        },
        says: '第 1 位揭榜方 赛马阶段考核得分：不能超过 100 分',
      },
      {
        kind: 'milestone-assessment',
        main: 'assessment.json',
        edit: (d: Record<string, unknown>) => {
          d.assessedOn = '2028-02-30';
        },
        says: '考核日期：',
      },
    ] as const;
    for (const c of cases) {
      const bytes = await badBundle(c.kind, c.main, c.edit);
      const file = join(dir, `${c.kind}.jbx`);
      await writeFile(file, bytes);
      const verified = await run('verify', file);
      expect(verified.code).not.toBe(0);
      const cli = issues(verified.out + verified.err);
      const taken = await ingestResult(db, api, {
        profileId,
        passphrase: PASS,
        key,
        file: { name: `${c.kind}.jbx`, bytes },
        actor: '市科技局',
        now: new Date('2028-05-01T10:00:00+08:00'),
      });
      if (taken.ok) throw new Error(`the desk took a bad ${c.kind}`);
      const desk = issues(say('zh', taken.reason));
      expect(cli, c.kind).toContain(c.says);
      expect(cli).not.toMatch(/solvers\.|assessedOn/);
      expect(desk).toBe(cli);
    }
  });
});
