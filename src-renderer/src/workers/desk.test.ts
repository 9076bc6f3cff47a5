/**
 * The chair's desk worker as a function: the same verdicts, sheets and trust state as verifying on
 * the page (issue 22 moves the work, not the rules), a reply the page's schema accepts, progress
 * n / total per file, and a malformed request refused without throwing.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sheetBundle } from '../../../src-shared/bundle/test-helpers';
import { generateSigningKey } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { sampleSheets } from '../../../src-shared/sample-fixture';
import { getMeta } from '../db/repo';
import { importSheets } from '../workflows/chair';
import { importPackage, verifyPackage } from '../workflows/expert';
import { verifySheetFiles } from '../workflows/gather';
import { flipByte, freshDeps, samplePackageBundle } from '../workflows/test-db';
import { DeskReplySchema, handleDeskRequest, type DeskReply } from './desk';

/** A chair's device with the sample package imported: its database, package and trust state. */
async function chair(bytes?: Uint8Array) {
  const deps = freshDeps();
  const bundle = bytes ?? (await samplePackageBundle()).bytes;
  const verified = await verifyPackage(deps, bundle);
  if (!verified.ok) throw new Error('the sample package does not verify');
  await importPackage(deps, 'E01', verified.bundle);
  const pkg = verified.bundle.document;
  return { deps, pkg, manifest: verified.bundle.manifestSha256, bundle };
}

/** Two good sheet bundles, a tampered one and a draft. */
async function files(manifest: string) {
  const [, e02, e03, e04] = sampleSheets();
  if (!e02 || !e03 || !e04) throw new Error('sample sheets');
  const tampered = await sheetBundle(e04, generateSigningKey(), manifest);
  flipByte(tampered);
  return [
    { name: 'E02.jbx', bytes: await sheetBundle(e02, generateSigningKey(), manifest) },
    { name: 'E04-tampered.jbx', bytes: tampered },
    { name: 'E03.jbx', bytes: await sheetBundle(e03, generateSigningKey(), manifest) },
    {
      name: 'E04-draft.jbx',
      bytes: await sheetBundle({ ...e04, status: 'draft' }, generateSigningKey(), manifest),
    },
  ];
}

const run = async (request: unknown): Promise<DeskReply[]> => {
  const replies: DeskReply[] = [];
  await handleDeskRequest(request, (r) => replies.push(r), nobleCrypto);
  // What the page reads: every reply passes its schema (structured clone keeps plain data).
  for (const r of replies) DeskReplySchema.parse(structuredClone(r));
  return replies;
};

describe('handleDeskRequest', () => {
  it('verifies as the page does: the same outcomes, sheets and trust, with progress per file', async () => {
    const { deps, pkg, manifest } = await chair();
    const trust = await getMeta(deps.db, 'trust');
    const list = await files(manifest);
    const replies = await run({ type: 'verify', id: 7, pkg, trust, files: list });
    expect(replies.filter((r) => r.type === 'progress')).toEqual(
      [1, 2, 3, 4].map((done) => ({ type: 'progress', id: 7, done, total: 4 })),
    );
    const last = replies.at(-1);
    if (last?.type !== 'verified') throw new Error(`not verified: ${JSON.stringify(last)}`);
    const onPage = await verifySheetFiles(nobleCrypto, pkg, trust, list);
    expect(last.result).toEqual(onPage);
    expect(last.result.accepted.map((a) => [a.expertId, a.file])).toEqual([
      ['E02', 0],
      ['E03', 2],
    ]);
    expect(last.result.outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
    expect(last.result.outcomes[3]?.message).toEqual({ key: 'chair.notSubmitted' });
  });

  it('refuses a malformed request with a reply, and a reply with an unknown message key is not believed', async () => {
    const replies = await run({ type: 'verify', id: 3, pkg: { packageId: 'X' }, files: [] });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: 'failed', id: 3 });
    expect(replies[0]?.type === 'failed' && replies[0].message).toContain('pkg');
    const forged = {
      type: 'verified',
      id: 1,
      result: {
        accepted: [],
        outcomes: [{ file: 'a.jbx', ok: true, message: { key: 'no.such.key' } }],
        trust: { signers: {}, counters: {} },
      },
    };
    expect(DeskReplySchema.safeParse(forged).success).toBe(false);
  });

  it('stores what the worker verified as importSheets does on the page, merged in memory', async () => {
    const page = await chair();
    const worker = await chair(page.bundle);
    const list = await files(page.manifest);
    const onPage = await importSheets(page.deps, 'E01', page.pkg, list);
    const inWorker = await importSheets(worker.deps, 'E01', worker.pkg, list, {
      verify: async (p, trust, l) => {
        const replies = await run({ type: 'verify', id: 1, pkg: p, trust, files: l });
        const last = replies.at(-1);
        if (last?.type !== 'verified') throw new Error('not verified');
        return last.result;
      },
      known: [],
    });
    expect(inWorker).toEqual(onPage);
  });
});
