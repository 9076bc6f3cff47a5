/**
 * The bureau's desk on a sealed fake-indexeddb database against a fake main (the bureau key and
 * age identity held here, signing by the same `signReviewPackage` main calls): a draft kept as
 * typed and restored; a round signed; the chair's panel result, then the signed task book taken
 * in (the stage becomes 任务书已签订), each refusal naming the file and writing nothing.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import decisionJson from '../../../resources/sample/decision.json';
import { EMPTY_HEAD } from '../../../src-shared/audit/head';
import {
  auditChain,
  KIND_SAMPLES,
  manifestHashOf,
  sampleTaskBook,
  sheetBundle,
} from '../../../src-shared/bundle/test-helpers';
import {
  buildBundle,
  emptyTrust,
  InspectionAssignmentSchema,
  type TrustState,
} from '../../../src-shared/bundle';
import {
  signAssignment,
  signReviewPackage,
  tablesFromPackage,
  type Grid,
  type NamedBytes,
} from '../../../src-shared/bureau';
import {
  ageDecrypt,
  ageEncrypt,
  generateAgeIdentity,
  isAgeFile,
} from '../../../src-shared/crypto/age';
import {
  fingerprint,
  generateSigningKey,
  publicKeyToPem,
  type SigningKeyPair,
} from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { sha256HexWith } from '../../../src-shared/crypto/provider';
import type { BureauKeyInfo } from '../../../src-shared/ipc';
import {
  PanelDecisionSchema,
  ReviewPackageSchema,
  type ReviewPackage,
  type TaskBook,
} from '../../../src-shared/model';
import { samplePackage, sampleSheets } from '../../../src-shared/sample-fixture';
import { checkAwardDocument, type AwardDocument } from '../../../src-shared/award';
import {
  sampleFailedAcceptance,
  sampleRaceChoice,
  sampleTermination,
} from '../../../src-shared/award/samples';
import { openBundle } from '../../../src-shared/bundle';
import { visitAfterTodayText } from '../../../src-shared/inspection';
import { auditLog } from '../db/repo';
import { message, say } from '../i18n/strings';
import {
  approve,
  clearDraft,
  DEFAULT_CHECKLIST,
  draftToReplace,
  issueAssignment,
  editDraftCell,
  ingestReport,
  ingestResult,
  judgeDraft,
  listRounds,
  loadDraft,
  readDraft,
  saveDraft,
  signRound,
  stageOf,
  type BureauApi,
  type Draft,
  type IngestOutcome,
  type StoredRound,
} from './bureau';
import { problemOf } from './deps';
import { buildPanelBundle } from './desk';
import { appSignedAward } from '../../../test/fixtures/award-signed';
import { chairTaskBookBundle } from '../../../test/fixtures/taskbook-bundle';
import { freshDeps } from './test-db';

const PROFILE = '00000000-0000-4000-8000-000000000001';
const PASS = 'correct horse battery';

/** The sample's tables as the bureau's workbooks hold them. */
const sampleGrids = (): Grid[] =>
  tablesFromPackage(samplePackage()).map((t) => ({
    file: `${t.spec.workbook}.xlsx`,
    sheet: t.spec.sheet,
    kind: 'xlsx',
    rows: t.rows,
    merges: [],
  }));

/** A stand-in proposal file for each attachment the sample's lists name. */
const proposals = (): NamedBytes[] =>
  samplePackage().applicants.flatMap((a) =>
    a.attachments.map((x) => ({
      name: x.path.replace('attachments/', ''),
      bytes: new TextEncoder().encode(`%PDF-1.4 ${x.name}`),
    })),
  );

/** Main's bureau channels, played here: one bureau key and age identity, and the trust it keeps. */
async function fakeMain() {
  const signing = generateSigningKey();
  const age = await generateAgeIdentity();
  const key: BureauKeyInfo = {
    fingerprint: fingerprint(signing.publicKey),
    publicKeyPem: publicKeyToPem(signing.publicKey),
    ageRecipient: age.recipient,
    createdAt: '2026-09-01T09:00:00Z',
    retired: [],
  };
  let trust: TrustState = emptyTrust();
  const api: BureauApi = {
    'bureau:read-lists': () => Promise.resolve({ grids: sampleGrids(), problems: [] }),
    'bureau:sign-package': async (input) => {
      const r = await signReviewPackage({
        crypto: nobleCrypto,
        pkg: ReviewPackageSchema.parse(input.pkg),
        secretKey: signing.secretKey,
        trust,
        files: new Map(input.files.map((f) => [f.path, f.bytes])),
        passphrase: null,
        file: input.file,
      });
      if (!r.ok) throw new Error(r.reason);
      // As main keeps it: the pinned key and the counters, no current package.
      const { pkg: _pkg, packageManifestSha256: _manifest, ...kept } = r.trust;
      trust = kept;
      return { ...r, passphrase: null };
    },
    'bureau:sign-assignment': async (input) => {
      const r = await signAssignment({
        crypto: nobleCrypto,
        assignment: InspectionAssignmentSchema.parse(input.assignment),
        secretKey: signing.secretKey,
        trust,
      });
      if (!r.ok) throw new Error(r.reason);
      trust = r.trust;
      return { bytes: r.bytes, manifestSha256: r.manifestSha256, counter: r.counter };
    },
    'bureau:open-bundle': async ({ bytes }) => ({
      bytes: isAgeFile(bytes)
        ? await ageDecrypt(bytes, [{ identity: age.identity }], nobleCrypto)
        : bytes,
      fileSha256: sha256HexWith(nobleCrypto, bytes),
      wasEncrypted: isAgeFile(bytes),
    }),
    'bureau:export-xlsx': () => Promise.reject(new Error('not used')),
    'notice:pdf': () => Promise.reject(new Error('not used')),
  };
  return { api, key };
}

type Main = Awaited<ReturnType<typeof fakeMain>>;

const take = (
  deps: ReturnType<typeof freshDeps>,
  main: Main,
  name: string,
  bytes: Uint8Array,
): Promise<IngestOutcome> =>
  ingestResult(deps.db, main.api, {
    profileId: PROFILE,
    passphrase: PASS,
    key: main.key,
    file: { name, bytes },
    actor: '市科技局 李明',
    now: new Date('2026-09-20T02:00:00Z'),
  });

const reason = (o: IngestOutcome): string => (o.ok ? '' : say('zh', o.reason));

/** A round signed from the sample's lists. */
async function signedRound(deps: ReturnType<typeof freshDeps>, main: Main) {
  const draft = await readDraft(
    main.api,
    [{ name: 'lists.xlsx', bytes: new Uint8Array() }],
    proposals(),
  );
  const verdict = judgeDraft(draft);
  if (!verdict.ok) throw new Error(verdict.problems.map((p) => p.message).join('\n'));
  return signRound(deps.db, main.api, {
    profileId: PROFILE,
    passphrase: PASS,
    key: main.key,
    verdict,
    draft,
    encrypt: { kind: 'none' },
    actor: '市科技局 李明',
    now: new Date('2026-09-01T02:00:00Z'),
  });
}

/** The chair's panel result on the sample's sheets, encrypted to the desk (as the chair's screen). */
async function panelBundle(pkg: ReviewPackage, manifest: string, chair: SigningKeyPair) {
  const sheetBundles = [];
  for (const sheet of sampleSheets()) {
    const bytes = await sheetBundle(sheet, generateSigningKey(), manifest);
    sheetBundles.push({
      expertId: sheet.expertId,
      manifestSha256: await manifestHashOf(bytes),
      bytes,
    });
  }
  const audit = auditChain('E01', 4);
  return buildPanelBundle({
    crypto: nobleCrypto,
    decision: PanelDecisionSchema.parse(decisionJson),
    pkg,
    chair: { id: 'E01', name: '张志远', secretKey: chair.secretKey },
    counter: 2,
    packageManifestSha256: manifest,
    sheetBundles,
    audit: { head: audit.head, bytes: audit.bytes },
  });
}

/** A task book signed by the chair and the issuer, as the chair's screen exports it. */
const taskBookBundle = (tb: TaskBook, chair: SigningKeyPair, counter = 3) =>
  chairTaskBookBundle(tb, chair.secretKey, { crypto: nobleCrypto, counter });

const finalTaskBook = (over: Partial<TaskBook> = {}): TaskBook => ({
  ...sampleTaskBook(),
  status: 'final',
  ...over,
});

describe('the draft', () => {
  it('is kept sealed as the bureau imports and types, and restored as it was', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    expect(await loadDraft(deps.db)).toBeNull();
    const draft = await readDraft(
      main.api,
      [{ name: 'lists.xlsx', bytes: new Uint8Array() }],
      proposals(),
    );
    await saveDraft(deps.db, draft, true, new Date('2026-09-01T01:00:00Z'));
    const typed: Draft = editDraftCell(draft, { grid: 1, row: 3, col: 1 }, '改过的名称');
    await saveDraft(deps.db, typed, false, new Date('2026-09-01T01:30:00Z'));

    const back = await loadDraft(deps.db);
    expect(back?.grids).toEqual(typed.grids);
    expect(back?.editedAt).toBe('2026-09-01T01:30:00.000Z');
    expect(back?.proposals.map((p) => p.name)).toEqual(typed.proposals.map((p) => p.name));
    expect(back?.proposals[0]?.bytes).toEqual(typed.proposals[0]?.bytes);
    // Sealed: no cell of the draft is readable in the stored rows.
    const raw = new Dexie(deps.db.name);
    await raw.open();
    const stored = JSON.stringify(await raw.table('rounds').toArray());
    raw.close();
    expect(stored).not.toContain('改过的名称');
    expect(stored).not.toContain('A01-proposal.pdf');
    // A draft is not a round, and typing is not on the audit record.
    expect(await listRounds(deps.db)).toEqual([]);
    expect(await auditLog(deps.db)).toEqual([]);

    await clearDraft(deps.db);
    expect(await loadDraft(deps.db)).toBeNull();
  });

  it('is named before new lists replace it — its package id (or its files) and its last edit — and only when it holds something', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    expect(draftToReplace(null)).toBeNull();
    expect(draftToReplace({ grids: [], proposals: [], unreadable: [] })).toBeNull();
    const draft = await readDraft(
      main.api,
      [{ name: 'lists.xlsx', bytes: new Uint8Array() }],
      proposals(),
    );
    const kept = await saveDraft(deps.db, draft, true, new Date('2026-09-01T01:00:00Z'));
    const files = [...new Set(sampleGrids().map((g) => g.file)), ...proposals().map((p) => p.name)];
    expect(draftToReplace(await loadDraft(deps.db))).toEqual({
      packageId: 'KLMY-2026-JB-001',
      files,
      editedAt: '2026-09-01T01:00:00.000Z',
    });
    // Lists with a bad row give no package yet: the draft is named by its files.
    const broken = editDraftCell(kept, { grid: 1, row: 3, col: 0 }, '');
    expect(judgeDraft(broken).ok).toBe(false);
    expect(draftToReplace(broken)).toEqual({
      packageId: null,
      files,
      editedAt: '2026-09-01T01:00:00.000Z',
    });
  });

  it('becomes the round when signed, and is then dropped', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const draft = await readDraft(
      main.api,
      [{ name: 'lists.xlsx', bytes: new Uint8Array() }],
      proposals(),
    );
    await saveDraft(deps.db, draft, true, new Date('2026-09-01T01:00:00Z'));
    const signed = await signedRound(deps, main);
    expect(signed.round.issued.fingerprint).toBe(main.key.fingerprint);
    expect(await loadDraft(deps.db)).toBeNull();
    expect((await listRounds(deps.db)).map((r) => r.packageId)).toEqual(['KLMY-2026-JB-001']);
  });
});

/** The day after the sample's 评审日期 2026-12-08, in Beijing: a 审定 on the review day is not after it. */
const DAY_AFTER_REVIEW = new Date('2026-12-09T02:00:00Z');

/** The panel's result for `round`, signed with `chair`, taken in; then approved on 2026-12-08 (its review day). */
async function panelApproved(
  deps: ReturnType<typeof freshDeps>,
  main: Main,
  round: Awaited<ReturnType<typeof signedRound>>['round'],
  chair: ReturnType<typeof generateSigningKey>,
) {
  await take(
    deps,
    main,
    'panel.jbx',
    await panelBundle(round.issued.pkg, round.issued.manifestSha256, chair),
  );
  await approve(deps.db, {
    packageId: round.packageId,
    approvedOn: '2026-12-08',
    actor: 'x',
    now: DAY_AFTER_REVIEW,
  });
}

/** A round signed here, its panel's result (signed with `chair`) taken in, approved on 2026-12-08 (its review day). */
async function approvedRound() {
  const deps = freshDeps();
  const main = await fakeMain();
  const chair = generateSigningKey();
  const { round } = await signedRound(deps, main);
  await panelApproved(deps, main, round, chair);
  return { deps, main, chair, round };
}

/** The desk's assignment form for `round`, filled as a bureau would (no checklist yet). */
const assignmentForm = (main: Main, round: StoredRound) => ({
  profileId: PROFILE,
  passphrase: PASS,
  key: main.key,
  packageId: round.packageId,
  site: '采出水处理站',
  team: '李检查，王核验',
  dueBy: '2026-09-30',
  actor: '市科技局 李明',
  now: new Date('2026-09-02T02:00:00Z'),
});

/** {@link approvedRound}, then its task book taken in. */
async function roundAtTaskBook() {
  const { deps, main, chair } = await approvedRound();
  const tb = finalTaskBook();
  expect(reason(await take(deps, main, 'taskbook.jbx', await taskBookBundle(tb, chair)))).toBe('');
  return { deps, main, tb };
}

describe('a package id already issued (packageIdIssued, as `jiebang package sign`)', () => {
  it('refuses signing the same id again once its round is approved and in publicity, naming the id, the stage and a new id; the round keeps its package, ranking, 审定 and publicity, and the panel’s result is still this desk’s', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const { round } = await signedRound(deps, main);
    const panel = await panelBundle(
      round.issued.pkg,
      round.issued.manifestSha256,
      generateSigningKey(),
    );
    expect(reason(await take(deps, main, 'panel.jbx', panel))).toBe('');
    await approve(deps.db, {
      packageId: round.packageId,
      approvedOn: '2026-12-08',
      actor: 'x',
      now: DAY_AFTER_REVIEW,
    });
    const before = await listRounds(deps.db);
    const log = (await auditLog(deps.db)).map((e) => e.action);
    const draft = await readDraft(
      main.api,
      [{ name: 'lists.xlsx', bytes: new Uint8Array() }],
      proposals(),
    );
    await saveDraft(deps.db, draft, true, new Date('2026-12-09T01:00:00Z'));
    const verdict = judgeDraft(draft);
    if (!verdict.ok) throw new Error('the sample lists');
    const again = await signRound(deps.db, main.api, {
      profileId: PROFILE,
      passphrase: PASS,
      key: main.key,
      verdict,
      draft,
      encrypt: { kind: 'none' },
      actor: '市科技局 李明',
      now: new Date('2026-12-09T02:00:00Z'),
    }).then(
      () => '',
      (e: unknown) => say('zh', problemOf(e)),
    );
    expect(again).toBe(
      '评审包编号 KLMY-2026-JB-001 已签发过，该评审轮次公示中，未签名：同一编号只签发一次，已发出的评审包及其评审结果、审定与公示保持不变。如需签发新的评审包，请在「榜单」表的「评审包编号」中改用新的编号（如 KLMY-2026-JB-002）后再签发',
    );
    // Nothing lost, nothing written: the round as it was, the draft kept, no audit entry.
    expect(await listRounds(deps.db)).toEqual(before);
    const [kept] = before;
    expect(kept?.issued.manifestSha256).toBe(round.issued.manifestSha256);
    expect(kept?.record?.ranking.length).toBeGreaterThan(0);
    expect(kept?.approval?.approvedOn).toBe('2026-12-08');
    if (kept) expect(stageOf(kept, '2026-12-09')).toBe('publicity');
    expect((await auditLog(deps.db)).map((e) => e.action)).toEqual(log);
    expect((await loadDraft(deps.db))?.grids).toEqual(draft.grids);
    // The chair's panel.jbx answers the package this desk issued: still ours, taken once.
    const retaken = await take(deps, main, 'panel.jbx', panel);
    expect(reason(retaken)).toBe('');
    expect(retaken.ok && retaken.isDuplicate).toBe(true);
  });

  it('tells a result answering a package this desk signed but no longer holds (replaced before the rule) as such, not as another bureau’s', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const { round } = await signedRound(deps, main);
    const panel = await panelBundle(
      round.issued.pkg,
      round.issued.manifestSha256,
      generateSigningKey(),
    );
    // The round as the old desk left it: a second package under the same id in its place.
    await deps.db.rounds.put({
      id: round.packageId,
      value: { ...round, issued: { ...round.issued, manifestSha256: 'f'.repeat(64) } },
    });
    const why = reason(await take(deps, main, 'panel.jbx', panel));
    expect(why).toContain(
      `未导入 panel.jbx：它回应的评审包（${round.issued.manifestSha256.slice(0, 16)}…，KLMY-2026-JB-001）是本局签发的，但本机已不再保存它`,
    );
    expect(why).not.toContain('不是本局签发的');
  });

  it('names the round’s stage as it stands (已发放 before any result), and signs another id', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    await signedRound(deps, main);
    const again = await signedRound(deps, main).then(
      () => '',
      (e: unknown) => say('zh', problemOf(e)),
    );
    expect(again).toContain('评审包编号 KLMY-2026-JB-001 已签发过，该评审轮次已发放，未签名');
    expect(
      say(
        'en',
        message('bureau.err.packageIdIssued', {
          id: 'X-1',
          stage: message('bureau.stage.issued'),
          next: 'X-2',
        }),
      ),
    ).toContain('Package id X-1 was issued already and its round is Issued');
    const draft = await readDraft(
      main.api,
      [{ name: 'lists.xlsx', bytes: new Uint8Array() }],
      proposals(),
    );
    const verdict = judgeDraft(draft);
    if (!verdict.ok) throw new Error('the sample lists');
    const next = await signRound(deps.db, main.api, {
      profileId: PROFILE,
      passphrase: PASS,
      key: main.key,
      verdict: { ...verdict, pkg: { ...verdict.pkg, packageId: 'KLMY-2026-JB-002' } },
      draft,
      encrypt: { kind: 'none' },
      actor: '市科技局 李明',
      now: new Date('2026-09-02T02:00:00Z'),
    });
    expect(next.file).toBe('KLMY-2026-JB-002.jbx');
    expect((await listRounds(deps.db)).map((r) => r.packageId).sort()).toEqual([
      'KLMY-2026-JB-001',
      'KLMY-2026-JB-002',
    ]);
  });
});

describe('taking bundles in', () => {
  it('takes the panel’s result, then the signed task book: the round’s stage becomes task book signed', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const chair = generateSigningKey();
    const { round } = await signedRound(deps, main);
    const panel = await panelBundle(round.issued.pkg, round.issued.manifestSha256, chair);
    const taken = await take(deps, main, 'panel.jbx', panel);
    expect(reason(taken)).toBe('');
    if (!taken.ok) return;
    expect(stageOf(taken.round, '2026-09-21')).toBe('results-in');
    const approved = await approve(deps.db, {
      packageId: round.packageId,
      approvedOn: '2026-12-08',
      actor: '市科技局 李明',
      now: DAY_AFTER_REVIEW,
    });
    expect(approved.ok).toBe(true);

    const tb = await take(deps, main, 'taskbook.jbx', await taskBookBundle(finalTaskBook(), chair));
    expect(reason(tb)).toBe('');
    if (!tb.ok) return;
    expect(tb.round.taskbookSignedOn).toBe('2026-10-20');
    expect(stageOf(tb.round, '2026-10-21')).toBe('taskbook-signed');
    expect(tb.round.taken?.map((t) => [t.kind, t.id, t.file])).toEqual([
      ['task-book', 'TB-KLMY-2026-001', 'taskbook.jbx'],
    ]);
    expect((await auditLog(deps.db)).map((e) => e.action)).toEqual([
      'bureau.package.sign',
      'bureau.panel.ingest',
      'bureau.approve',
      'bureau.bundle.ingest',
    ]);
  });

  it('takes a form after the award that passes, signed as the award screen signs it: listed with its kind, date and signers; the stage stays 任务书已签订', async () => {
    const { deps, main, tb } = await roundAtTaskBook();

    // On the project's own device, the award screen's workflow: the bureau's officer and the
    // 发榜方 enrolled there sign the race's choice (第十三条（三）).
    const choice = sampleRaceChoice();
    const signed = await appSignedAward({
      tb,
      document: { type: 'race', doc: choice },
      signers: [
        { role: 'bureau', name: '克拉玛依市科学技术局' },
        { role: 'issuer', name: '陈立新' },
      ],
      now: '2027-12-28T09:00:00+08:00',
    });

    const taken = await take(deps, main, signed.name, signed.bytes);
    expect(reason(taken)).toBe('');
    if (!taken.ok) return;
    expect(taken.isDuplicate).toBe(false);
    // Its signers are new to this round: each named with its fingerprint, to check on paper.
    expect(taken.notes.join('\n')).toContain('新签名者 陈立新（发榜方）');
    const form = taken.round.taken?.at(-1);
    expect(form).toMatchObject({
      kind: 'race-choice',
      id: 'RC-1',
      date: '2027-12-20',
      file: 'TB-KLMY-2026-001-RC-1.jbx',
      summary: '任务书 TB-KLMY-2026-001：A01 88 分，A02 79 分；择优支持 A01',
    });
    expect(form?.signers.map((x) => [x.role, x.name])).toEqual([
      ['bureau', '克拉玛依市科学技术局'],
      ['issuer', '陈立新'],
    ]);
    expect(form?.findings).toEqual(checkAwardDocument({ type: 'race', doc: choice }, tb));
    expect(stageOf(taken.round, '2028-01-05')).toBe('taskbook-signed');
    const [kept] = await listRounds(deps.db);
    expect(kept?.taken?.map((t) => t.kind)).toEqual(['task-book', 'race-choice']);
    expect((await auditLog(deps.db)).at(-1)).toMatchObject({
      action: 'bureau.bundle.ingest',
      target: 'KLMY-2026-JB-001',
    });

    // The same file again: taken once, nothing written.
    const again = await take(deps, main, signed.name, signed.bytes);
    expect(again.ok && again.isDuplicate).toBe(true);
    expect((await listRounds(deps.db))[0]?.taken).toHaveLength(2);
  });

  it('judges a form after the award with the forms already taken in (第十七条), as `jiebang check --with` does: an acceptance after the termination is refused, nothing written', async () => {
    const { deps, main, tb } = await roundAtTaskBook();
    const signers = [
      { role: 'bureau' as const, name: '克拉玛依市科学技术局' },
      { role: 'issuer' as const, name: '陈立新' },
    ];
    const termination: AwardDocument = { type: 'form', doc: sampleTermination() };
    const terminated = await appSignedAward({
      tb,
      document: termination,
      signers,
      now: '2028-09-02T09:00:00+08:00',
    });
    expect(reason(await take(deps, main, terminated.name, terminated.bytes))).toBe('');
    // An acceptance signed on another device, which never saw the termination.
    const acceptance: AwardDocument = { type: 'form', doc: sampleFailedAcceptance() };
    const accepted = await appSignedAward({
      tb,
      document: acceptance,
      signers,
      now: '2029-08-16T09:00:00+08:00',
    });
    const before = await deps.db.rounds.toArray();
    const log = await auditLog(deps.db);
    const refused = await take(deps, main, accepted.name, accepted.bytes);
    expect(refused.ok).toBe(false);
    // The one rule, with the set the CLI reads from a project's folder.
    const findings = checkAwardDocument(acceptance, tb, undefined, [termination]);
    expect(findings.map((f) => f.article)).toContain('第十七条');
    for (const f of findings.filter((x) => x.severity === 'blocking'))
      expect(reason(refused)).toContain(f.message);
    expect(reason(refused)).toContain('项目已于2028年9月1日终止（TRM-1），不再受理验收');
    expect(await deps.db.rounds.toArray()).toEqual(before);
    expect(await auditLog(deps.db)).toEqual(log);
  });

  it('refuses a task book for a package it did not issue by name, and writes nothing', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    await signedRound(deps, main);
    const before = await deps.db.rounds.toArray();
    const log = await auditLog(deps.db);
    const foreign = finalTaskBook({ taskBookId: 'TB-OTHER-001', packageId: 'OTHER-2026-JB-009' });
    const refused = await take(
      deps,
      main,
      'other.jbx',
      await taskBookBundle(foreign, generateSigningKey()),
    );
    expect(refused.ok).toBe(false);
    expect(reason(refused)).toBe(
      '未导入 other.jbx：任务书 TB-OTHER-001 所属的评审包 OTHER-2026-JB-009 不是本工作台签发的评审轮次',
    );
    expect(await deps.db.rounds.toArray()).toEqual(before);
    expect(await auditLog(deps.db)).toEqual(log);
  });

  it('refuses a task book before 审定, one signed by a chair key other than the panel’s, and a form for a task book it lacks', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const chair = generateSigningKey();
    const { round } = await signedRound(deps, main);
    const early = await take(deps, main, 'early.jbx', await taskBookBundle(finalTaskBook(), chair));
    expect(reason(early)).toContain('尚未审定');
    await panelApproved(deps, main, round, chair);
    const stolen = await take(
      deps,
      main,
      'stolen.jbx',
      await taskBookBundle(finalTaskBook(), generateSigningKey()),
    );
    expect(reason(stolen)).toContain('张志远（E01）的密钥与已登记的不一致');
    const form = (await KIND_SAMPLES['milestone-assessment'](generateSigningKey())).bytes;
    expect(reason(await take(deps, main, 'ma.jbx', form))).toContain('请先导入签订的任务书');
    const [kept] = await listRounds(deps.db);
    expect(kept?.taskbook).toBeUndefined();
    expect(kept?.taken).toBeUndefined();
  });

  it('refuses another device’s task book of this package by its key, before what the round’s stage would say, and a draft by its stage; nothing written', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const chair = generateSigningKey();
    const { round } = await signedRound(deps, main);
    await take(
      deps,
      main,
      'panel.jbx',
      await panelBundle(round.issued.pkg, round.issued.manifestSha256, chair),
    );
    const before = await deps.db.rounds.toArray();
    const log = await auditLog(deps.db);
    // Not yet approved: a task book signed with another E01 key is refused as another's, not as early.
    const foreign = await take(
      deps,
      main,
      'foreign.jbx',
      await taskBookBundle(finalTaskBook(), generateSigningKey()),
    );
    expect(reason(foreign)).toContain('张志远（E01）的密钥与已登记的不一致');
    expect(reason(foreign)).not.toContain('尚未审定');
    // The panel's own chair, still before 审定: the stage.
    const early = await take(deps, main, 'early.jbx', await taskBookBundle(finalTaskBook(), chair));
    expect(reason(early)).toContain('尚未审定');
    expect(await deps.db.rounds.toArray()).toEqual(before);
    expect(await auditLog(deps.db)).toEqual(log);
  });

  it('refuses a tampered file by name', async () => {
    const { deps, main, chair } = await approvedRound();
    const bytes = await taskBookBundle(finalTaskBook(), chair);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    const refused = await take(deps, main, 'bad.jbx', bytes);
    expect(reason(refused)).toMatch(/^未导入 bad\.jbx：文件包校验失败/);
    expect((await listRounds(deps.db))[0]?.taskbookSignedOn).toBeUndefined();
  });
});

/** An inspection team's report answering `assignment` (its manifest hash), encrypted to the desk. */
async function reportBundle(
  answers: string,
  assignmentId: string,
  recipient: string,
  demandId = 'D-2026-01',
  date = '2026-09-10',
) {
  const zip = await buildBundle({
    crypto: nobleCrypto,
    kind: 'inspection-report',
    bundleId: `${assignmentId}-R1`,
    subject: { type: 'demand', id: demandId },
    signers: [
      {
        role: 'inspector',
        id: 'I01',
        name: '李检查',
        secretKey: generateSigningKey().secretKey,
        counter: 1,
        audit: EMPTY_HEAD,
      },
      {
        role: 'inspector',
        id: 'I02',
        name: '王核验',
        secretKey: generateSigningKey().secretKey,
        counter: 1,
        audit: EMPTY_HEAD,
      },
    ],
    answers: [{ kind: 'inspection-assignment', manifestSha256: answers }],
    document: {
      formatVersion: 2,
      reportId: `${assignmentId}-R1`,
      assignmentId,
      subject: { type: 'demand', id: demandId },
      date,
      site: '采出水处理站',
      inspectors: [
        { id: 'I01', name: '李检查' },
        { id: 'I02', name: '王核验' },
      ],
      checklist: [{ item: '需求是否真实', result: 'met', note: '' }],
      notes: '',
      photos: [],
      conclusion: '需求真实，发榜方为技术需求最终用户。',
    },
    createdAt: '2026-09-10T17:00:00+08:00',
  });
  return ageEncrypt(zip, { recipient }, nobleCrypto);
}

describe('what taking files in tells the user', () => {
  const refusal = (file: string) => message('bureau.err.refused', { file, why: '签名无效' });
  it('one file: as it went, its new signers’ notes under it', () => {
    const report = ingestReport([
      {
        file: 'panel.jbx',
        outcome: { ok: true, isDuplicate: false, notes: ['新签名者 张志远'] },
      },
    ]);
    expect(report.kind).toBe('ok');
    expect(say('zh', report.message)).toBe('✓ 已导入 panel.jbx');
    expect(report.lines.map((l) => say('zh', l))).toEqual(['新签名者 张志远']);
  });
  it('several files: counted, and every file has its line — a refusal is not hidden by the file after it', () => {
    const report = ingestReport([
      { file: 'panel.jbx', outcome: { ok: true, isDuplicate: false, notes: [] } },
      { file: 'junk.jbx', outcome: { ok: false, reason: refusal('junk.jbx') } },
      { file: 'again.jbx', outcome: { ok: true, isDuplicate: true, notes: [] } },
    ]);
    expect(report.kind).toBe('error');
    expect(say('zh', report.message)).toBe('选择了 3 个文件：2 个已导入，1 个未导入（逐个见下）');
    expect(say('en', report.message)).toBe('3 files chosen: 2 taken in, 1 not (each below)');
    expect(report.lines.map((l) => say('zh', l))).toEqual([
      '✓ 已导入 panel.jbx',
      '未导入 junk.jbx：签名无效',
      '✓ again.jbx 此前已导入，未作任何更改',
    ]);
  });
});

describe('inspections', () => {
  it('issues an assignment of the round’s demand, takes the team’s report in under the round, and refuses one for an assignment it did not issue by name', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const { round } = await signedRound(deps, main);
    const issued = await issueAssignment(deps.db, main.api, {
      ...assignmentForm(main, round),
      checklist: DEFAULT_CHECKLIST,
    });
    const held = issued.round.assignments?.[0];
    if (!held) throw new Error('no assignment');
    expect(held.assignment).toMatchObject({
      assignmentId: 'KLMY-2026-JB-001-ASG-1',
      subject: { type: 'demand', id: 'D-2026-01' },
      round: 'KLMY-2026-JB-001',
      reportTo: { ageRecipient: main.key.ageRecipient },
      issuedOn: '2026-09-02',
    });

    // Another kind of bundle is refused saying what it is (its manifest's kind), not only that
    // the desk does not take it.
    const back = await take(deps, main, 'assign.jbx', issued.bytes);
    expect(reason(back)).toMatch(
      /^未导入 assign\.jbx：此文件包是实地考察任务（.+），本工作台不收此类文件包$/,
    );

    const before = await listRounds(deps.db);
    const stranger = await take(
      deps,
      main,
      'stranger.jbx',
      await reportBundle('b'.repeat(64), 'ASG-9', main.key.ageRecipient),
    );
    expect(reason(stranger)).toBe(
      '未导入 stranger.jbx：考察报告 ASG-9-R1 回应的考察任务 ASG-9 不在本机（未导入该任务），未导入',
    );
    expect(await listRounds(deps.db)).toEqual(before);

    // A visit after the day it is taken in (2026-09-20) has not happened: refused in the rule's
    // one sentence (what the team's date field, signing and `jiebang inspection ingest` say).
    const future = await take(
      deps,
      main,
      'future.jbx',
      await reportBundle(
        held.manifestSha256,
        held.assignment.assignmentId,
        main.key.ageRecipient,
        'D-2026-01',
        '2026-09-21',
      ),
    );
    expect(reason(future)).toContain(
      `考察日期${visitAfterTodayText('2026-09-21', '2026-09-20')}（第十二条（二））`,
    );
    expect(await listRounds(deps.db)).toEqual(before);

    const report = await take(
      deps,
      main,
      'report.jbx',
      await reportBundle(held.manifestSha256, held.assignment.assignmentId, main.key.ageRecipient),
    );
    expect(reason(report)).toBe('');
    const [kept] = await listRounds(deps.db);
    expect(kept?.taken?.map((t) => [t.kind, t.id, t.signers.map((x) => x.name)])).toEqual([
      ['inspection-report', 'KLMY-2026-JB-001-ASG-1-R1', ['李检查', '王核验']],
    ]);
  });

  it('keeps the inspections it issued when the panel’s result comes in, and numbers the next one after them', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const chair = generateSigningKey();
    const { round } = await signedRound(deps, main);
    const input = { ...assignmentForm(main, round), team: '甲，乙', checklist: ['需求真实性'] };
    const first = await issueAssignment(deps.db, main.api, input);
    const panel = await panelBundle(round.issued.pkg, round.issued.manifestSha256, chair);
    expect(reason(await take(deps, main, 'panel.jbx', panel))).toBe('');
    // Before: the result's round was made afresh, the list of issued inspections lost, and the
    // next one signed again as ASG-1 — two signed tasks under one id.
    const [kept] = await listRounds(deps.db);
    expect(kept?.assignments?.map((a) => a.assignment.assignmentId)).toEqual([
      first.round.assignments?.[0]?.assignment.assignmentId,
    ]);
    const second = await issueAssignment(deps.db, main.api, { ...input, team: '丙，丁' });
    expect(second.round.assignments?.map((a) => a.assignment.assignmentId)).toEqual([
      `${round.packageId}-ASG-1`,
      `${round.packageId}-ASG-2`,
    ]);
  });

  it('signs the checklist as the bureau edited it, each item normalised; refuses an empty list citing the article, and a blank item by its place, writing nothing', async () => {
    const deps = freshDeps();
    const main = await fakeMain();
    const { round } = await signedRound(deps, main);
    const input = assignmentForm(main, round);
    const refusal = (checklist: string[]) =>
      issueAssignment(deps.db, main.api, { ...input, checklist }).then(
        () => '',
        (e: unknown) => say('zh', problemOf(e)),
      );
    expect(DEFAULT_CHECKLIST).toContain('发榜方为技术需求的最终用户');
    expect(await refusal([])).toBe('考察任务须列明至少一项检查项（第十二条（一）（二）），未签发');
    expect(await refusal(['日处理量与需求材料一致', ' \u200b '])).toBe(
      '检查项第 2 项：不能为空，未签发',
    );
    expect((await listRounds(deps.db))[0]?.assignments).toBeUndefined();

    // Every problem of the form at once, in the form's order (before: one sentence for the three
    // fields, and only the checklist's first problem).
    const everything = (form: Partial<typeof input>, checklist: string[]) =>
      issueAssignment(deps.db, main.api, { ...input, ...form, checklist }).then(
        () => '',
        (e: unknown) => ['zh', 'en'].map((lang) => say(lang === 'zh' ? 'zh' : 'en', problemOf(e))),
      );
    expect(
      await everything({ site: ' ', team: '，', dueBy: '2026-02-30' }, ['', '甲', '甲\u200b']),
    ).toEqual([
      [
        '请填写考察地点，未签发',
        '请填写考察组成员（组长在前，以逗号分隔），未签发',
        '完成日期：2026-02-30 不是实际存在的日期，未签发',
        '检查项第 1 项：不能为空，未签发',
        '检查项第 3 项与第 2 项重复（“甲”），未签发',
      ].join('；'),
      [
        'Give the site; nothing was signed',
        'Give the team (leader first, comma-separated); nothing was signed',
        'Due date: 2026-02-30 is not a day of the calendar; nothing was signed',
        'Checklist item 1: 不能为空; nothing was signed',
        'Checklist item 3 repeats item 2 (“甲”); nothing was signed',
      ].join('; '),
    ]);
    expect(await everything({ dueBy: '2026-09-01' }, ['甲'])).toEqual([
      '完成日期2026年9月1日早于签发日期2026年9月2日，未签发',
      'The due date 2026-09-01 is before the date of issue 2026-09-02; nothing was signed',
    ]);
    // A member twice (full-width letters folded, invisible characters dropped), a name the text
    // rule refuses: each named by its place (before, 「李检查，李检查」 was signed without a word).
    expect(
      await everything({ team: '李检查，Ｗａｎｇ；李检查\u200b、Wang;甲\u202e乙' }, ['甲']),
    ).toEqual([
      [
        '考察组第 5 位成员：含有双向控制字符 U+202E，它可改变文字显示顺序、掩盖真实内容，请删除后重新输入，未签发',
        '考察组第 3 位成员与第 1 位重复（李检查），每人只能列一次，未签发',
        '考察组第 4 位成员与第 2 位重复（Wang），每人只能列一次，未签发',
      ].join('；'),
      [
        'Team member 5: 含有双向控制字符 U+202E，它可改变文字显示顺序、掩盖真实内容，请删除后重新输入; nothing was signed',
        'Team member 3 repeats member 1 (李检查): each person is listed once (each signs the report with their own key); nothing was signed',
        'Team member 4 repeats member 2 (Wang): each person is listed once (each signs the report with their own key); nothing was signed',
      ].join('; '),
    ]);
    // The date rule's own sentence, in the screen's language: nothing typed is missing.
    expect(await everything({ dueBy: '' }, ['甲'])).toEqual([
      '完成日期：缺少此项（必填），未签发',
      'Due date: missing (required); nothing was signed',
    ]);
    expect((await listRounds(deps.db))[0]?.assignments).toBeUndefined();

    const issued = await issueAssignment(deps.db, main.api, {
      ...input,
      checklist: [
        '  日处理量与需求材料一致\u200b',
        '发榜方为技术需求的最终用户',
        '新增：现场水质取样',
      ],
    });
    const opened = await openBundle(issued.bytes, { crypto: nobleCrypto });
    if (!opened.ok || opened.bundle.kind !== 'inspection-assignment') throw new Error('bundle');
    expect(opened.bundle.document.checklist).toEqual([
      '日处理量与需求材料一致',
      '发榜方为技术需求的最终用户',
      '新增：现场水质取样',
    ]);
    expect(issued.round.assignments?.[0]?.assignment.checklist).toEqual(
      opened.bundle.document.checklist,
    );
  });
});
