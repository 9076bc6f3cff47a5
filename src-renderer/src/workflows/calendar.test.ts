import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import calendarJson from '../../../test/fixtures/calendar/2028-test.json';
import { EMPTY_HEAD } from '../../../src-shared/audit/head';
import {
  applyImport,
  buildBundle,
  checkImport,
  emptyTrust,
  openBundle,
  type OpenedBundle,
} from '../../../src-shared/bundle';
import { crypto, sampleBundle } from '../../../src-shared/bundle/test-helpers';
import { CalendarFileSchema } from '../../../src-shared/calendar';
import { generateSigningKey, type SigningKeyPair } from '../../../src-shared/crypto/keys';
import { JiebangDB } from '../db/database';
import { auditLog, commitChange } from '../db/repo';
import { importCalendar, importedCalendars, publicityOnDevice } from './calendar';

const dbs: JiebangDB[] = [];
let n = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** An installation that imported the bureau's review package (so its key is pinned). */
async function pinnedInstallation(bureau: SigningKeyPair): Promise<JiebangDB> {
  const db = new JiebangDB(
    `jb-calendar-${n++}`,
    globalThis.crypto.getRandomValues(new Uint8Array(32)),
  );
  dbs.push(db);
  await db.open();
  const opened = await openBundle((await sampleBundle(bureau)).bytes, { crypto });
  if (!opened.ok) throw new Error(opened.error.message);
  const verdict = checkImport(opened.bundle, emptyTrust());
  await commitChange(
    db,
    { meta: { trust: applyImport(emptyTrust(), opened.bundle, verdict) } },
    null,
  );
  return db;
}

async function calendarBundle(key: SigningKeyPair, counter = 2): Promise<OpenedBundle> {
  const file = CalendarFileSchema.parse(calendarJson);
  const bytes = await buildBundle({
    crypto,
    kind: 'calendar',
    bundleId: `CAL-2028-${counter}`,
    subject: { type: 'year', id: '2028' },
    signers: [
      {
        role: 'bureau',
        id: 'bureau',
        name: '市科学技术局',
        secretKey: key.secretKey,
        counter,
        audit: EMPTY_HEAD,
      },
    ],
    document: file,
  });
  const opened = await openBundle(bytes, { crypto });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.bundle;
}

describe('the bureau’s calendar on an expert’s installation', () => {
  it('accepts a calendar for a year the app lacks from the pinned bureau key; the publicity window then counts its make-up day', async () => {
    const bureau = generateSigningKey();
    const db = await pinnedInstallation(bureau);
    const before = await publicityOnDevice(db, '2028-01-20');
    expect(before).toEqual({
      ok: false,
      reason:
        '日历数据不含 2028 年的法定节假日安排，无法计算工作日；请导入包含 2028 年的日历文件。',
    });

    // A start the date field refuses is refused in the same words, not counted (before: a year
    // 0202 was looked up in the calendar, 「日历数据不含 202 年…」).
    expect(await publicityOnDevice(db, '0202-09-29')).toEqual({
      ok: false,
      reason: '年份 0202 不在 1900—2199 年之间，请检查是否输错',
    });
    expect(await publicityOnDevice(db, 'abc')).toEqual({
      ok: false,
      reason: '“abc”不是日期，请按年、月、日填写，如 2026-12-01 或 2026年12月1日',
    });

    const bundle = await calendarBundle(bureau);
    const result = await importCalendar(db, '张志远', bundle);
    expect(result).toMatchObject({ ok: true, year: 2028, isDuplicate: false });
    expect(result.ok && result.notes).toContain(
      '注意：这是测试数据，不是国务院办公厅的放假安排通知',
    );
    const after = await publicityOnDevice(db, '2028-01-20');
    expect(after).toEqual({
      ok: true,
      start: '2028-01-20',
      end: '2028-02-02',
      days: [
        { date: '2028-01-20', isMakeUp: false },
        { date: '2028-01-21', isMakeUp: false },
        { date: '2028-01-22', isMakeUp: true },
        { date: '2028-01-24', isMakeUp: false },
        { date: '2028-02-02', isMakeUp: false },
      ],
    });
    expect((await auditLog(db)).at(-1)).toMatchObject({
      action: 'calendar.import',
      target: '2028',
    });

    // The same bundle again changes nothing; another one with the same counter is a replay.
    expect(await importCalendar(db, '张志远', bundle)).toMatchObject({
      ok: true,
      isDuplicate: true,
    });
    const replay = await importCalendar(db, '张志远', await calendarBundle(bureau, 2));
    expect(!replay.ok && replay.reason).toContain('计数');
    expect(await importedCalendars(db)).toHaveLength(1);
  });

  it('refuses a calendar signed by another key, and writes nothing', async () => {
    const db = await pinnedInstallation(generateSigningKey());
    const entries = (await auditLog(db)).length;
    const result = await importCalendar(db, '张志远', await calendarBundle(generateSigningKey()));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('市科技局签名密钥与首次导入时固定的密钥不一致');
    expect(await importedCalendars(db)).toEqual([]);
    expect(await auditLog(db)).toHaveLength(entries);
    expect((await publicityOnDevice(db, '2028-01-20')).ok).toBe(false);
  });

  it('refuses a calendar where no bureau key is pinned yet (a calendar never pins a key by itself)', async () => {
    const db = new JiebangDB(
      `jb-calendar-${n++}`,
      globalThis.crypto.getRandomValues(new Uint8Array(32)),
    );
    dbs.push(db);
    await db.open();
    const result = await importCalendar(db, '张志远', await calendarBundle(generateSigningKey()));
    expect(!result.ok && result.reason).toContain('本机尚未固定市科技局签名密钥');
  });

  it('refuses a bundle that is not a calendar', async () => {
    const bureau = generateSigningKey();
    const db = await pinnedInstallation(bureau);
    const opened = await openBundle((await sampleBundle(bureau, 3)).bytes, { crypto });
    if (!opened.ok) throw new Error(opened.error.message);
    const result = await importCalendar(db, '张志远', opened.bundle);
    // Both kinds by their labels (before: 「（是review-package）」, the raw id).
    expect(!result.ok && result.reason).toBe('这不是工作日日历文件包，而是评审包文件包');
  });
});
