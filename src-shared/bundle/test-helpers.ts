/**
 * Test helpers: the sample review package as a signed bundle, sheet bundles for it, and a valid
 * bundle of every kind in the registry (a test fails when a kind has no sample here).
 */
import tbJson from '../../resources/sample/taskbook.json';
import { EMPTY_HEAD } from '../audit/head';
import {
  fingerprint,
  generateSigningKey,
  publicKeyToPem,
  type SigningKeyPair,
} from '../crypto/keys';
import { nobleCrypto } from '../crypto/noble';
import { sha256HexWith } from '../crypto/provider';
import { TaskBookSchema, type ScoreSheet } from '../model';
import { sampleDecision, samplePackage, sampleSheets } from '../sample-fixture';
import { sampleAssessment, sampleRaceChoice, sampleTermination } from '../award/samples';
import { buildBundle, buildReviewPackage, buildSheetBundle } from './build';
import type { BundleKind } from './kinds';
import type { Answer } from './manifest';
import { openBundle } from './open';

export const crypto = nobleCrypto;
const encode = (text: string) => new TextEncoder().encode(text);

export { auditChain } from '../audit/sample-chain';
import { auditChain } from '../audit/sample-chain';

/** Attachments as stand-in bytes registered with their real hashes (no file system here). */
export async function sampleBundle(bureau: SigningKeyPair = generateSigningKey(), counter = 1) {
  const pkg = samplePackage();
  const files = new Map<string, Uint8Array>();
  for (const a of pkg.applicants) {
    for (const att of a.attachments) {
      const bytes = encode(`%PDF-1.4 stand-in for ${att.name}`);
      att.sha256 = sha256HexWith(crypto, bytes);
      att.size = bytes.byteLength;
      files.set(att.path, bytes);
    }
  }
  const bytes = await buildReviewPackage({
    crypto,
    pkg,
    secretKey: bureau.secretKey,
    counter,
    files,
    createdAt: '2026-12-01T09:00:00+08:00',
  });
  return { pkg, bytes, bureau, files };
}

export async function sheetBundle(
  sheet: ScoreSheet,
  key: SigningKeyPair,
  answers: string,
  counter = 1,
  audit = auditChain(sheet.expertId, counter + 2),
): Promise<Uint8Array> {
  return buildSheetBundle({
    crypto,
    sheet,
    signer: { name: sheet.expertId, secretKey: key.secretKey, counter, audit: audit.head },
    answers,
    files: new Map([['audit.json', audit.bytes]]),
    createdAt: '2026-12-08T11:30:00+08:00',
  });
}

/** The manifest hash of a bundle (what `answers` cite). */
export async function manifestHashOf(bytes: Uint8Array): Promise<string> {
  const opened = await openBundle(bytes, { crypto });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.bundle.manifestSha256;
}

export const sampleTaskBook = () => TaskBookSchema.parse(structuredClone(tbJson));

/** A working-day calendar for 2027 as the bureau would sign it. */
export const sampleCalendar = () => ({
  formatVersion: 1 as const,
  years: [
    {
      year: 2027,
      status: 'official' as const,
      source: '国务院办公厅关于2027年部分节假日安排的通知（示例）',
      holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'],
      workdays: ['2027-02-20'],
    },
  ],
});

export interface KindSample {
  bytes: Uint8Array;
  /** The signing keys, in signing order. */
  keys: SigningKeyPair[];
}

const noAudit = { counter: 1, audit: EMPTY_HEAD };

/** A valid, format-2 bundle of each kind; several signers where the kind allows them. */
export const KIND_SAMPLES: Record<BundleKind, (bureau: SigningKeyPair) => Promise<KindSample>> = {
  'review-package': async (bureau) => ({
    bytes: (await sampleBundle(bureau)).bytes,
    keys: [bureau],
  }),
  'expert-sheets': async () => {
    const key = generateSigningKey();
    const sheet = sampleSheets()[1];
    if (!sheet) throw new Error('sheet');
    return { bytes: await sheetBundle(sheet, key, 'a'.repeat(64)), keys: [key] };
  },
  'panel-result': async (bureau) => {
    const rp = await manifestHashOf((await sampleBundle(bureau)).bytes);
    const files = new Map<string, Uint8Array>();
    const answers: Answer[] = [{ kind: 'review-package', manifestSha256: rp }];
    for (const sheet of sampleSheets().slice(1, 4)) {
      const bytes = await sheetBundle(sheet, generateSigningKey(), rp);
      files.set(`sheets/${sheet.expertId}.jbx`, bytes);
      answers.push({ kind: 'expert-sheets', manifestSha256: await manifestHashOf(bytes) });
    }
    // E05 scored on paper: the secretary's transcription beside the scan of the signed sheet.
    const paper = sampleSheets()[4];
    if (!paper) throw new Error('sheet');
    const scan = encode('%PDF-1.4 scan of the wet-signed paper sheet');
    files.set(`paper/${paper.expertId}.pdf`, scan);
    files.set(
      `paper/${paper.expertId}.json`,
      encode(
        JSON.stringify({
          formatVersion: 1,
          sheet: paper,
          scan: { path: `paper/${paper.expertId}.pdf`, sha256: sha256HexWith(crypto, scan) },
          transcribedBy: '秘书 陈静',
          transcribedAt: '2026-12-08T12:30:00+08:00',
        }),
      ),
    );
    const chair = generateSigningKey();
    const member = generateSigningKey();
    const audit = auditChain('E01', 5);
    files.set('audit.json', audit.bytes);
    return {
      bytes: await buildBundle({
        crypto,
        kind: 'panel-result',
        bundleId: 'PR-1',
        subject: { type: 'package', id: 'KLMY-2026-JB-001' },
        signers: [
          {
            role: 'chair',
            id: 'E01',
            name: '张志远',
            secretKey: chair.secretKey,
            counter: 2,
            audit: audit.head,
          },
          { role: 'expert', id: 'E02', name: '李文华', secretKey: member.secretKey, ...noAudit },
        ],
        answers,
        document: sampleDecision(),
        files,
        createdAt: '2026-12-08T13:00:00+08:00',
      }),
      keys: [chair, member],
    };
  },
  'inspection-report': async (bureau) => {
    const assignment = await KIND_SAMPLES['inspection-assignment'](bureau);
    const a = generateSigningKey();
    const b = generateSigningKey();
    const photo = encode('JPEG stand-in');
    return {
      bytes: await buildBundle({
        crypto,
        kind: 'inspection-report',
        bundleId: 'INS-1',
        subject: { type: 'demand', id: 'D-2026-01' },
        signers: [
          { role: 'inspector', id: 'I01', name: '李检查', secretKey: a.secretKey, ...noAudit },
          { role: 'inspector', id: 'I02', name: '王核验', secretKey: b.secretKey, ...noAudit },
        ],
        answers: [
          { kind: 'inspection-assignment', manifestSha256: await manifestHashOf(assignment.bytes) },
        ],
        document: {
          formatVersion: 2,
          reportId: 'INS-1',
          assignmentId: 'ASG-1',
          subject: { type: 'demand', id: 'D-2026-01' },
          date: '2026-12-15',
          site: '克拉玛依油田开发有限公司采出水处理站',
          inspectors: [
            { id: 'I01', name: '李检查' },
            { id: 'I02', name: '王核验' },
          ],
          checklist: [{ item: '中试装置是否具备', result: 'met', note: '' }],
          notes: '',
          photos: [
            {
              path: 'photos/site-1.jpg',
              sha256: sha256HexWith(crypto, photo),
              size: photo.byteLength,
              mediaType: 'image/jpeg',
              name: 'site-1.jpg',
              caption: '',
            },
          ],
          conclusion: '需求真实，发榜方为技术需求最终用户。',
        },
        files: new Map([['photos/site-1.jpg', photo]]),
        createdAt: '2026-12-15T17:00:00+08:00',
      }),
      keys: [a, b],
    };
  },
  'task-book': async () => {
    const chair = generateSigningKey();
    const issuer = generateSigningKey();
    const tb = sampleTaskBook();
    return {
      bytes: await buildBundle({
        crypto,
        kind: 'task-book',
        bundleId: `${tb.taskBookId}-1`,
        subject: { type: 'task-book', id: tb.taskBookId },
        signers: [
          { role: 'chair', id: 'E01', name: '张志远', secretKey: chair.secretKey, ...noAudit },
          {
            role: 'issuer',
            id: 'ISSUER',
            name: '克拉玛依油田开发有限公司（示例）',
            secretKey: issuer.secretKey,
            ...noAudit,
          },
        ],
        document: tb,
        files: new Map([['taskbook.pdf', encode('%PDF-1.4 stand-in task book')]]),
        createdAt: '2026-12-20T09:00:00+08:00',
      }),
      keys: [chair, issuer],
    };
  },
  calendar: async (bureau) => ({
    bytes: await buildBundle({
      crypto,
      kind: 'calendar',
      bundleId: 'CAL-2027',
      subject: { type: 'year', id: '2027' },
      signers: [
        {
          role: 'bureau',
          id: 'bureau',
          name: '克拉玛依市科学技术局',
          secretKey: bureau.secretKey,
          counter: 7,
          audit: EMPTY_HEAD,
        },
      ],
      document: sampleCalendar(),
      createdAt: '2026-12-25T09:00:00+08:00',
    }),
    keys: [bureau],
  }),
  'key-rotation': async (bureau) => {
    const next = generateSigningKey();
    return { bytes: await rotationBundle(bureau, next), keys: [bureau, next] };
  },
  'milestone-assessment': async (bureau) => {
    const assessor = generateSigningKey();
    const issuer = generateSigningKey();
    const evidence = encode('%PDF-1.4 stand-in test report');
    const doc = {
      ...sampleAssessment(),
      evidence: [
        {
          path: 'evidence/1-test-report.pdf',
          name: '第三方检测报告.pdf',
          sha256: sha256HexWith(crypto, evidence),
          size: evidence.byteLength,
        },
      ],
    };
    return {
      bytes: await buildBundle({
        crypto,
        kind: 'milestone-assessment',
        bundleId: 'MA-M2-1-1',
        subject: { type: 'task-book', id: doc.taskBookId },
        signers: [
          {
            role: 'assessor',
            id: 'assessor-1',
            name: '王建国',
            secretKey: assessor.secretKey,
            ...noAudit,
          },
          {
            role: 'issuer',
            id: 'issuer-1',
            name: '陈立新',
            secretKey: issuer.secretKey,
            ...noAudit,
          },
          {
            role: 'bureau',
            id: 'bureau',
            name: '克拉玛依市科学技术局',
            secretKey: bureau.secretKey,
            ...noAudit,
          },
        ],
        document: doc,
        files: new Map([['evidence/1-test-report.pdf', evidence]]),
        createdAt: '2028-04-15T09:00:00+08:00',
      }),
      keys: [assessor, issuer, bureau],
    };
  },
  'race-choice': async (bureau) => {
    const issuer = generateSigningKey();
    const doc = sampleRaceChoice();
    return {
      bytes: await buildBundle({
        crypto,
        kind: 'race-choice',
        bundleId: 'RC-1-1',
        subject: { type: 'task-book', id: doc.taskBookId },
        signers: [
          {
            role: 'bureau',
            id: 'bureau',
            name: '克拉玛依市科学技术局',
            secretKey: bureau.secretKey,
            ...noAudit,
          },
          {
            role: 'issuer',
            id: 'issuer-1',
            name: '陈立新',
            secretKey: issuer.secretKey,
            ...noAudit,
          },
        ],
        document: doc,
        createdAt: '2027-12-28T09:00:00+08:00',
      }),
      keys: [bureau, issuer],
    };
  },
  'project-form': async (bureau) => {
    const issuer = generateSigningKey();
    const doc = sampleTermination();
    return {
      bytes: await buildBundle({
        crypto,
        kind: 'project-form',
        bundleId: 'TRM-1-1',
        subject: { type: 'task-book', id: doc.taskBookId },
        signers: [
          {
            role: 'bureau',
            id: 'bureau',
            name: '克拉玛依市科学技术局',
            secretKey: bureau.secretKey,
            ...noAudit,
          },
          {
            role: 'issuer',
            id: 'issuer-1',
            name: '陈立新',
            secretKey: issuer.secretKey,
            ...noAudit,
          },
        ],
        document: doc,
        createdAt: '2028-09-01T09:00:00+08:00',
      }),
      keys: [bureau, issuer],
    };
  },
  'inspection-assignment': async (bureau) => ({
    bytes: await buildBundle({
      crypto,
      kind: 'inspection-assignment',
      bundleId: 'ASG-1',
      subject: { type: 'demand', id: 'D-2026-01' },
      signers: [
        {
          role: 'bureau',
          id: 'bureau',
          name: '克拉玛依市科学技术局',
          secretKey: bureau.secretKey,
          counter: 3,
          audit: EMPTY_HEAD,
        },
      ],
      document: {
        formatVersion: 1,
        assignmentId: 'ASG-1',
        subject: { type: 'demand', id: 'D-2026-01' },
        purpose: '评榜：核实发榜方需求的真实性与配套资金（第十二条（二））',
        sites: [{ name: '克拉玛依油田开发有限公司采出水处理站', address: '克拉玛依市' }],
        team: [
          { id: 'I01', name: '李检查', role: 'leader' },
          { id: 'I02', name: '王核验', role: 'member' },
        ],
        checklist: ['需求是否真实', '配套资金是否落实'],
        reportTo: {
          name: '克拉玛依市科学技术局',
          ageRecipient: samplePackage().bureau.ageRecipient,
        },
        issuedOn: '2026-12-10',
        dueBy: '2026-12-20',
      },
      createdAt: '2026-12-10T09:00:00+08:00',
    }),
    keys: [bureau],
  }),
};

/** The bureau's key rotation from `previous` to `next`, signed by both (or by `signers`). */
export function rotationBundle(
  previous: SigningKeyPair,
  next: SigningKeyPair,
  signers: readonly [SigningKeyPair, ...SigningKeyPair[]] = [previous, next],
  counter = 8,
): Promise<Uint8Array> {
  const [first, ...rest] = signers;
  return buildBundle({
    crypto,
    kind: 'key-rotation',
    bundleId: `ROT-${counter}`,
    subject: { type: 'key', id: fingerprint(previous.publicKey) },
    signers: [
      {
        role: 'bureau',
        id: 'bureau',
        name: '克拉玛依市科学技术局',
        secretKey: first.secretKey,
        counter,
        audit: EMPTY_HEAD,
      },
      ...rest.map((k) => ({
        role: 'bureau' as const,
        id: 'bureau',
        name: '克拉玛依市科学技术局（新密钥）',
        secretKey: k.secretKey,
        counter: 1,
        audit: EMPTY_HEAD,
      })),
    ],
    document: {
      formatVersion: 1,
      role: 'bureau',
      previous: { fingerprint: fingerprint(previous.publicKey) },
      next: {
        fingerprint: fingerprint(next.publicKey),
        publicKeyPem: publicKeyToPem(next.publicKey),
      },
      effectiveFrom: '2027-01-01',
      reason: '年度例行更换',
    },
    createdAt: '2026-12-28T09:00:00+08:00',
  });
}

export { sampleSheets };

/**
 * A bundle changed and then sealed again as its signers would: `edit` changes entries (the
 * manifest as text, so that it may stay malformed), SHA256SUMS and the manifest's record of it
 * are recomputed, and each `signatures/<n>` is replaced by `sign(n, manifest)`.
 */
export async function reseal(
  bytes: Uint8Array,
  edit: (entries: Map<string, Uint8Array>) => void,
  signWith: (n: number, manifest: Uint8Array) => { sig: Uint8Array; pem?: string } | null,
): Promise<Uint8Array> {
  const { writeZip } = await import('./zip');
  const { readZip } = await import('./zip-open');
  const { formatSums } = await import('./manifest');
  const entries = readZip(bytes, crypto);
  edit(entries);
  const reserved = (p: string) =>
    p === 'manifest.json' || p === 'SHA256SUMS' || p.startsWith('signatures/');
  const sums = new Map<string, string>();
  for (const [path, data] of entries)
    if (!reserved(path)) sums.set(path, sha256HexWith(crypto, data));
  const sumsBytes = encode(formatSums(sums));
  entries.set('SHA256SUMS', sumsBytes);
  const manifest = encode(
    new TextDecoder()
      .decode(entries.get('manifest.json'))
      .replace(
        /"sha256sums": "[0-9a-f]{64}"/,
        `"sha256sums": "${sha256HexWith(crypto, sumsBytes)}"`,
      ),
  );
  entries.set('manifest.json', manifest);
  for (let n = 1; entries.has(`signatures/${n}.sig`); n++) {
    const signed = signWith(n, manifest);
    if (!signed) continue;
    entries.set(`signatures/${n}.sig`, signed.sig);
    if (signed.pem !== undefined) entries.set(`signatures/${n}.pem`, encode(signed.pem));
  }
  return writeZip(entries, crypto);
}
