import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { JiebangDB } from '../db/database';
import { auditLog, recordAudit } from '../db/repo';
import { auditForSigning } from './signing';

const dbs: JiebangDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function deviceWith(entries: number): Promise<JiebangDB> {
  const db = new JiebangDB(
    `jb-signing-${dbs.length}-${Date.now()}`,
    crypto.getRandomValues(new Uint8Array(32)),
  );
  dbs.push(db);
  for (let i = 0; i < entries; i++)
    await recordAudit(db, { actor: 'E02', action: 'score.edit', target: `A0${(i % 4) + 1}` });
  return db;
}

/** Removes the last `n` audit rows, as someone with the unlocked profile could. */
async function cutLast(db: JiebangDB, n: number): Promise<void> {
  const ids = (await db.audit.orderBy('id').primaryKeys()).slice(-n);
  await db.audit.bulkDelete(ids);
}

describe('the audit head at signing, on the device', () => {
  it('records the head it signs, and refuses to sign after the log was cut short or rewritten', async () => {
    const db = await deviceWith(5);
    const first = await auditForSigning(db);
    expect(first.head.length).toBe(5);
    expect(JSON.parse(new TextDecoder().decode(first.bytes))).toEqual(await auditLog(db));
    await recordAudit(db, { actor: 'E02', action: 'sheet.export', target: 'P' });
    expect((await auditForSigning(db)).head.length).toBe(6);

    await cutLast(db, 3);
    await expect(auditForSigning(db)).rejects.toThrow(
      '审计日志被截短：上次导出时有 6 条记录，现在只有 3 条，未签名',
    );
    // Rewritten to the same length again (the chain itself verifies): still refused.
    for (let i = 0; i < 3; i++)
      await recordAudit(db, { actor: 'E02', action: 'score.edit', target: 'A09' });
    await expect(auditForSigning(db)).rejects.toThrow('审计日志被改写');
  });
});
