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
import type { CryptoProvider } from '../../../src-shared/crypto/provider';
import { sampleSheets } from '../../../src-shared/sample-fixture';
import { getMeta } from '../db/repo';
import { importSheets } from '../workflows/chair';
import { importPackage, verifyPackage } from '../workflows/expert';
import { verifySheetFiles } from '../workflows/gather';
import { flipByte, freshDeps, samplePackageBundle } from '../workflows/test-db';
import { analysePanel } from '../../../src-shared/decision';
import type { ReviewPackage, ScoreSheet } from '../../../src-shared/model';
import { project } from '../../../src-shared/scoring/aggregate-fast';
import { fromAggregateWire } from '../../../src-shared/scoring/aggregate-wire';
import { summaryTable } from '../../../src-shared/summary';
import { deskSheets, deskView, type DeskView } from '../workflows/desk';
import {
  DeskReplySchema,
  handleDeskRequest,
  packageText,
  packView,
  unpackView,
  type DeskReply,
  type DeskSheets,
} from './desk';

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

const noOtherSheets: DeskSheets = { known: [], own: null, paper: [] };

/** The verification as the page puts it together: each accepted sheet from its `sheet` reply. */
function verifiedOf(replies: readonly DeskReply[]) {
  const last = replies.at(-1);
  if (last?.type !== 'verified') throw new Error(`not verified: ${JSON.stringify(last)}`);
  const sheets = new Map(replies.flatMap((r) => (r.type === 'sheet' ? [[r.file, r.sheet]] : [])));
  return {
    ...last.result,
    accepted: last.result.accepted.map((a) => {
      const sheet = sheets.get(a.file);
      if (!sheet) throw new Error(`no sheet for file ${a.file}`);
      return { ...a, sheet };
    }),
    view: unpackView(last.view),
    bytes: last.files,
  };
}

/** The desk's figures computed on the page, projected as the worker's must read back. */
function onPageFigures(pkg: ReviewPackage, sheets: readonly ScoreSheet[]) {
  const analysis = analysePanel(pkg, sheets);
  return {
    agg: project(analysis.agg),
    table: summaryTable(pkg, analysis.agg),
    proposal: analysis.proposal,
    counted: analysis.sheets.map((s) => s.expertId),
  };
}

const workerFigures = (view: DeskView) => {
  const back = unpackView(structuredClone(packView(view)));
  return {
    agg: project(fromAggregateWire(back.agg)),
    table: back.table,
    proposal: back.proposal,
    counted: back.counted,
  };
};

describe('handleDeskRequest', () => {
  it('verifies as the page does: the same outcomes, sheets and trust, with progress per file', async () => {
    const { deps, pkg, manifest } = await chair();
    const trust = await getMeta(deps.db, 'trust');
    const list = await files(manifest);
    const replies = await run({
      type: 'verify',
      id: 7,
      pkg,
      trust,
      files: list,
      desk: noOtherSheets,
    });
    expect(replies.filter((r) => r.type === 'progress')).toEqual(
      [1, 2, 3, 4].map((done) => ({ type: 'progress', id: 7, done, total: 4 })),
    );
    // One `sheet` reply per sheet taken, each right after its file's progress.
    expect(replies.map((r) => r.type)).toEqual([
      'progress',
      'sheet',
      'progress',
      'progress',
      'sheet',
      'progress',
      'verified',
    ]);
    const { view, bytes, ...result } = verifiedOf(replies);
    // Every file's bytes given back, unchanged, in order (moved to the worker and back).
    expect(bytes).toEqual(list.map((f) => f.bytes));
    const onPage = await verifySheetFiles(nobleCrypto, pkg, trust, list);
    expect(result).toEqual(onPage);
    expect(result.accepted.map((a) => [a.expertId, a.file])).toEqual([
      ['E02', 0],
      ['E03', 2],
    ]);
    expect(result.outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
    expect(result.outcomes[3]?.message).toEqual({ key: 'chair.notSubmitted' });
    // The desk's figures, read back through the wire form: what the page would compute.
    const sheets = deskSheets(pkg, onPage.accepted, null);
    expect(workerFigures(view)).toEqual(onPageFigures(pkg, sheets));
  });

  it('makes the desk over the sheets the page holds: gathered before, the chair’s own, paper', async () => {
    const { pkg } = await chair();
    const [own, e02, e03, e04] = sampleSheets();
    if (!own || !e02 || !e03 || !e04) throw new Error('sample sheets');
    const known = [
      { expertId: 'E02', sheet: e02, judged: false },
      { expertId: 'E03', sheet: e03, judged: true },
    ];
    const paper = [
      {
        record: {
          formatVersion: 1 as const,
          sheet: e04,
          scan: { path: 'paper/E04.pdf', sha256: 'a'.repeat(64) },
          transcribedBy: '秘书',
          transcribedAt: '2026-11-30T08:00:00.000Z',
        },
      },
    ];
    const replies = await run({ type: 'analyse', id: 9, pkg, desk: { known, own, paper } });
    const last = replies.at(-1);
    if (last?.type !== 'analysed') throw new Error(`not analysed: ${JSON.stringify(last)}`);
    const sheets = deskSheets(pkg, known, own, paper);
    expect(sheets.map((s) => s.expertId)).toEqual(['E01', 'E02', 'E03', 'E04']);
    expect(workerFigures(unpackView(last.view))).toEqual(onPageFigures(pkg, sheets));
  });

  it('refuses a malformed request with a reply, and a reply with an unknown message key is not believed', async () => {
    const replies = await run({
      type: 'verify',
      id: 3,
      pkg: { packageId: 'X' },
      files: [],
      desk: noOtherSheets,
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: 'failed', id: 3 });
    expect(replies[0]?.type === 'failed' && replies[0].message).toContain('pkg');
    const { pkg } = await chair();
    const forged = {
      type: 'verified',
      id: 1,
      result: {
        accepted: [],
        outcomes: [{ file: 'a.jbx', ok: true, message: { key: 'no.such.key' } }],
        trust: { signers: {}, counters: {} },
      },
      view: packView(deskView(pkg, [], null, [])),
    };
    expect(DeskReplySchema.safeParse(forged).success).toBe(false);
  });

  it('stores what the worker verified as importSheets does on the page, merged in memory', async () => {
    const page = await chair();
    const worker = await chair(page.bundle);
    const list = await files(page.manifest);
    const onPage = await importSheets(page.deps, 'E01', page.pkg, list);
    const inWorker = await importSheets(worker.deps, 'E01', worker.pkg, list, {
      verify: async (p, trust, l) =>
        verifiedOf(
          await run({ type: 'verify', id: 1, pkg: p, trust, files: l, desk: noOtherSheets }),
        ),
      known: [],
    });
    const { view, ...stored } = inWorker;
    expect(stored).toEqual(onPage);
    if (!view) throw new Error('no view');
    expect(workerFigures(view)).toEqual(
      onPageFigures(page.pkg, deskSheets(page.pkg, onPage.gathered, null)),
    );
  });
});

describe('the package as JSON text', () => {
  it('answers as with the package itself, the same text twice included', async () => {
    const { deps, pkg, manifest } = await chair();
    const trust = await getMeta(deps.db, 'trust');
    const list = await files(manifest);
    const request = { type: 'verify', id: 5, trust, files: list, desk: noOtherSheets };
    const asObject = await run({ ...request, pkg });
    expect(packageText(pkg)).toBe(JSON.stringify(pkg));
    const asText = await run({ ...request, pkg: packageText(pkg) });
    const again = await run({ ...request, pkg: JSON.stringify(pkg) });
    expect(verifiedOf(asText)).toEqual(verifiedOf(asObject));
    expect(verifiedOf(again)).toEqual(verifiedOf(asObject));
  });

  it('refuses a text that is not JSON or not a package, by the package field', async () => {
    const { pkg } = await chair();
    const notJson = await run({ type: 'analyse', id: 6, pkg: '{', desk: noOtherSheets });
    const { rubric: _rubric, ...withoutRubric } = pkg;
    const notPackage = await run({
      type: 'analyse',
      id: 7,
      pkg: JSON.stringify(withoutRubric),
      desk: noOtherSheets,
    });
    expect(notJson).toEqual([
      { type: 'failed', id: 6, message: expect.stringMatching(/^bad request: pkg/) },
    ]);
    expect(notPackage).toEqual([
      { type: 'failed', id: 7, message: expect.stringMatching(/^bad request: pkg/) },
    ]);
  });
});

describe('handleDeskRequest with a provider made per file', () => {
  it('begins the first two files’ providers before reading the request, each asked for once: the same result', async () => {
    const { deps, pkg, manifest } = await chair();
    const trust = await getMeta(deps.db, 'trust');
    const list = await files(manifest);
    const made: number[] = [];
    const cryptoFor = (bytes: Uint8Array): Promise<CryptoProvider> => {
      made.push(list.findIndex((f) => f.bytes === bytes));
      return Promise.resolve(nobleCrypto);
    };
    const request = { type: 'verify', id: 3, pkg, trust, files: list, desk: noOtherSheets };
    const replies: DeskReply[] = [];
    const handled = handleDeskRequest(request, (r) => replies.push(r), cryptoFor);
    // Begun at once, before the request is read.
    expect(made).toEqual([0, 1]);
    await handled;
    expect(made).toEqual([0, 1, 2, 3]);
    const { view: _view, bytes: _bytes, ...result } = verifiedOf(replies);
    expect(result).toEqual(await verifySheetFiles(nobleCrypto, pkg, trust, list));
  });

  it('begins nothing it cannot read as files, and a malformed request still fails by name', async () => {
    const made: unknown[] = [];
    const cryptoFor = (bytes: Uint8Array): Promise<CryptoProvider> => {
      made.push(bytes);
      return Promise.resolve(nobleCrypto);
    };
    const replies: DeskReply[] = [];
    await handleDeskRequest(
      { type: 'verify', id: 4, files: [{ name: 'x.jbx', bytes: 'not bytes' }] },
      (r) => replies.push(r),
      cryptoFor,
    );
    expect(made).toEqual([]);
    expect(replies).toEqual([
      { type: 'failed', id: 4, message: expect.stringContaining('bad request') },
    ]);
  });
});

describe('verifySheetFiles with a provider made per file', () => {
  it('opens each file with the provider made for its bytes, the next one begun ahead: the same result', async () => {
    const { deps, pkg, manifest } = await chair();
    const trust = await getMeta(deps.db, 'trust');
    const list = await files(manifest);
    const events: string[] = [];
    const made = new Map<Uint8Array, CryptoProvider>();
    const cryptoFor = async (bytes: Uint8Array): Promise<CryptoProvider> => {
      const at = list.findIndex((f) => f.bytes === bytes);
      events.push(`made ${at}`);
      const provider: CryptoProvider = {
        ...nobleCrypto,
        sha256: () => {
          events.push(`hashed with ${at}`);
          return nobleCrypto.sha256();
        },
      };
      made.set(bytes, provider);
      return provider;
    };
    const result = await verifySheetFiles(cryptoFor, pkg, trust, list, (done) =>
      events.push(`done ${done}`),
    );
    expect(result).toEqual(await verifySheetFiles(nobleCrypto, pkg, trust, list));
    expect(made.size).toBe(list.length);
    // Each file hashed with its own provider only, the next file's made before this one is done.
    const hashedBy = (i: number) => events.filter((e) => e === `hashed with ${i}`).length;
    for (const i of [0, 1, 2, 3]) expect(hashedBy(i)).toBeGreaterThan(0);
    for (const i of [0, 1, 2]) {
      const doneAt = events.indexOf(`done ${i + 1}`);
      expect(events.indexOf(`made ${i + 1}`)).toBeLessThan(doneAt);
      expect(events.slice(doneAt).includes(`hashed with ${i}`)).toBe(false);
    }
  });

  it('fails at the file whose provider fails, after the files before it', async () => {
    const { deps, pkg, manifest } = await chair();
    const trust = await getMeta(deps.db, 'trust');
    const list = await files(manifest);
    const done: number[] = [];
    const failing = (bytes: Uint8Array): Promise<CryptoProvider> =>
      bytes === list[2]?.bytes
        ? Promise.reject(new Error('no digest'))
        : Promise.resolve(nobleCrypto);
    await expect(verifySheetFiles(failing, pkg, trust, list, (n) => done.push(n))).rejects.toThrow(
      'no digest',
    );
    expect(done).toEqual([1, 2]);
  });
});
