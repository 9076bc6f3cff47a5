import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import tbJson from '../../../resources/sample/taskbook.json';
import {
  EVIDENCE_LIMITS,
  evidenceSizeProblem,
  type AwardDocument,
  type Evidence,
} from '../../../src-shared/award';
import { sampleAssessment } from '../../../src-shared/award/samples';
import { openBundle } from '../../../src-shared/bundle';
import { sha256Hex } from '../../../src-shared/crypto/keys';
import { nobleCrypto } from '../../../src-shared/crypto/noble';
import { TaskBookSchema, type TaskBook } from '../../../src-shared/model';
import { JiebangDB } from '../db/database';
import { awardsOf, enrolSigner, signAward } from './award';
import { evidenceAttachmentId, EvidenceRefused, reopenAssessment } from './award-evidence';

const dbs: JiebangDB[] = [];
let n = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});
/** The sample task book as one solver's (no race's choice before the assessments). */
const book = (): TaskBook => ({
  ...TaskBookSchema.parse(structuredClone(tbJson)),
  status: 'final',
  isHorseRace: false,
});

async function device() {
  const db = new JiebangDB(
    `jb-evidence-${n++}`,
    globalThis.crypto.getRandomValues(new Uint8Array(32)),
  );
  dbs.push(db);
  await db.open();
  const ids: string[] = [];
  for (const [role, name] of [
    ['assessor', '王建国'],
    ['issuer', '陈立新'],
    ['bureau', '赵局'],
  ] as const)
    ids.push((await enrolSigner(db, 'test', { role, name })).signerId);
  return { db, ids };
}

const file = (path: string, name: string, bytes: Uint8Array): Evidence => ({
  path,
  name,
  sha256: sha256Hex(bytes),
  size: bytes.byteLength,
});
/** A site photo's bytes (one sealed chunk; putAttachment's own tests cover many). */
const photo = new Uint8Array(200 * 1024).map((_, i) => (i * 7) % 251);
const report = new TextEncoder().encode('检测报告：出水悬浮物 3.1 mg/L');

const assessed = (evidence: Evidence[]): AwardDocument => ({
  type: 'assessment',
  doc: { ...sampleAssessment(), evidence },
});

describe('evidence files kept on the device', () => {
  it('are kept sealed with the signed assessment, re-opened and exported again with the same files', async () => {
    const { db, ids } = await device();
    const tb = book();
    const evidence = [
      file('evidence/1-site.jpg', '现场照片.jpg', photo),
      file('evidence/2-report.txt', '检测报告.txt', report),
    ];
    const files = new Map([
      ['evidence/1-site.jpg', photo],
      ['evidence/2-report.txt', report],
    ]);
    await signAward(db, { tb, document: assessed(evidence), signerIds: ids, actor: 'test', files });
    // Sealed at rest: the stored chunks never hold the plain bytes.
    const chunks = await db.chunks.toArray();
    expect(chunks.length).toBe(2);
    const plainHead = photo.subarray(0, 64).join(',');
    for (const c of chunks)
      expect(c['data'] instanceof Uint8Array && c['data'].subarray(0, 64).join(',')).not.toBe(
        plainHead,
      );

    const reopened = await reopenAssessment(db, tb.taskBookId, 'MA-M2-1');
    expect(reopened?.files.get('evidence/1-site.jpg')).toEqual(photo);
    expect(reopened?.files.get('evidence/2-report.txt')).toEqual(report);
    if (!reopened) throw new Error('not kept');
    const again = await signAward(db, { tb, ...reopened, signerIds: ids, actor: 'test' });
    const opened = await openBundle(again.bytes, { crypto: nobleCrypto });
    expect(opened.ok && opened.bundle.files.get('evidence/2-report.txt')).toEqual(report);
    expect(opened.ok && opened.bundle.files.get('evidence/1-site.jpg')?.byteLength).toBe(
      photo.byteLength,
    );
    expect(await awardsOf(db, tb.taskBookId)).toHaveLength(1);
  });

  it('a file past the bound is refused by name, and nothing is signed or written', async () => {
    const { db, ids } = await device();
    const big = new Uint8Array(EVIDENCE_LIMITS.fileBytes + 1);
    const problem = evidenceSizeProblem({ name: '中试录像.mp4', size: big.byteLength });
    expect(problem).toBe('证明材料 中试录像.mp4 过大（64 MiB），超过此类文件的上限 64 MiB，未读取');
    const four = Array.from({ length: 4 }, () => ({ size: 50 * 1024 * 1024 }));
    expect(evidenceSizeProblem({ name: '第五份.pdf', size: 1024 * 1024 }, four)).toBe(
      '证明材料 第五份.pdf 未添加：合计将达 201 MiB，超过每次考核的上限 200 MiB',
    );
    const document = assessed([file('evidence/1-big.mp4', '中试录像.mp4', big)]);
    await expect(
      signAward(db, {
        tb: book(),
        document,
        signerIds: ids,
        actor: 'test',
        files: new Map([['evidence/1-big.mp4', big]]),
      }),
    ).rejects.toThrow(EvidenceRefused);
    expect(await awardsOf(db, 'TB-KLMY-2026-001')).toEqual([]);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.audit.toArray()).not.toContainEqual(
      expect.objectContaining({ action: 'award.sign.assessment' }),
    );
  });

  it('a registered file missing or altered is named; one gone from the device is named on re-opening', async () => {
    const { db, ids } = await device();
    const tb = book();
    const evidence = [file('evidence/2-report.txt', '检测报告.txt', report)];
    await expect(
      signAward(db, { tb, document: assessed(evidence), signerIds: ids, actor: 'test' }),
    ).rejects.toThrow('证明材料 检测报告.txt（evidence/2-report.txt）缺失');
    const altered = new Map([['evidence/2-report.txt', new TextEncoder().encode('改过的报告')]]);
    await expect(
      signAward(db, {
        tb,
        document: assessed(evidence),
        signerIds: ids,
        actor: 'test',
        files: altered,
      }),
    ).rejects.toThrow('与考核表登记的 SHA-256 不一致');
    await signAward(db, {
      tb,
      document: assessed(evidence),
      signerIds: ids,
      actor: 'test',
      files: new Map([['evidence/2-report.txt', report]]),
    });
    await db.attachments.delete(evidenceAttachmentId(sampleAssessment(), 'evidence/2-report.txt'));
    await expect(reopenAssessment(db, tb.taskBookId, 'MA-M2-1')).rejects.toThrow(
      '证明材料 检测报告.txt（evidence/2-report.txt）缺失',
    );
    expect(await reopenAssessment(db, tb.taskBookId, 'MA-9')).toBeNull();
  });
});
