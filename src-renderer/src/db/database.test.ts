import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { encodeWire } from '../../../src-shared/wire';
import { ReviewPackageSchema, ScoreSheetSchema, type ScoreSheet } from '../../../src-shared/model';
import samplePackage from '../../../resources/sample/review-package.json';
import e01 from '../../../resources/sample/sheets/E01.json';
import { CLEAR_FIELDS, gatheredRowId, JiebangDB, STORES } from './database';
import { deriveKeys, sealReady } from './seal';
import { READ_PAGE, SEALED, SEALED_FIELD, sealingMiddleware, WRITE_PAGE } from './middleware';
import {
  auditLog,
  commitChange,
  gatheredOfPackage,
  getAttachment,
  getDecision,
  getEnrolment,
  getPackage,
  getSheet,
  putAttachment,
  recordAudit,
  saveSheet,
  taskBooksOfPackage,
  verifyAudit,
  type GatheredSheet,
} from './repo';
import type { AuditRecord } from './audit-actions';
import { generateSigningKey, sha256Hex } from '../../../src-shared/crypto/keys';
import { buildSheetBundle } from '../../../src-shared/bundle';
import { EMPTY_HEAD } from '../../../src-shared/audit/head';
import { nobleCrypto } from '../../../src-shared/crypto/noble';

// The cipher loaded before any test seals a row itself (a test run alone, `-t gathered`, too).
beforeAll(() => sealReady());

const sheet = () => ScoreSheetSchema.parse(structuredClone(e01));
const key = () => crypto.getRandomValues(new Uint8Array(32));
let n = 0;
const names: string[] = [];
const fresh = (k: Uint8Array | null) => {
  const name = `jb-test-${n++}`;
  names.push(name);
  return { db: new JiebangDB(name, k), name };
};

/** The database as an attacker with the laptop sees it: no middleware, raw rows. */
async function rawRows(name: string, table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return await raw.table(table).toArray();
  } finally {
    raw.close();
  }
}

async function rawPut(name: string, table: string, row: unknown): Promise<void> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    await raw.table(table).put(row);
  } finally {
    raw.close();
  }
}

/** A sheet's row as earlier versions wrote it (before v2 without a last-edit time). */
const storedSheet = (s: ScoreSheet) => ({
  id: `${s.packageId}/${s.expertId}`,
  packageId: s.packageId,
  expertId: s.expertId,
  status: s.status,
  sheet: s,
});

/** What a sealed sheet row shows an attacker: its sealed content, ids and status. */
const SHEET_CLEAR = [SEALED, 'expertId', 'id', 'packageId', 'status'].sort();
const clearFieldsOfSheets = async (name: string) =>
  (await rawRows(name, 'sheets')).map((r) => Object.keys(r).sort());

/** Flips one byte of a stored row's sealed content, as someone with the laptop could. */
async function flipSealedByte(name: string, table: string, id: string): Promise<void> {
  const row = (await rawRows(name, table)).find((r) => r['id'] === id);
  const sealed = row?.[SEALED];
  if (typeof sealed !== 'string') throw new Error(`no sealed row ${table}/${id}`);
  await rawPut(name, table, { ...row, [SEALED]: flipUnit(sealed, 15) });
}

/** A format 2 record (a string of code units, two bytes each) with one bit of unit `at` flipped. */
const flipUnit = (sealed: string, at: number) =>
  sealed.slice(0, at) + String.fromCharCode(sealed.charCodeAt(at) ^ 1) + sealed.slice(at + 1);

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('sealing middleware', () => {
  it('round-trips a record, leaving only ids, foreign keys and status in clear', async () => {
    const k = key();
    const { db, name } = fresh(k);
    await saveSheet(db, sheet(), null);
    expect(await getSheet(db, 'KLMY-2026-JB-001', 'E01')).toEqual(sheet());
    db.close();
    const [row] = await rawRows(name, 'sheets');
    expect(Object.keys(row ?? {}).sort()).toEqual(SHEET_CLEAR);
    expect(JSON.stringify(row)).not.toContain('方案先进可行');
  });

  it('a flipped byte, a moved record and a wrong key all fail to open', async () => {
    const k = key();
    const { db, name } = fresh(k);
    await saveSheet(db, sheet(), null);
    await saveSheet(db, { ...sheet(), expertId: 'E02' }, null);
    db.close();
    const rows = await rawRows(name, 'sheets');
    const e01Row = rows.find((r) => r['expertId'] === 'E01');
    const e02Row = rows.find((r) => r['expertId'] === 'E02');
    const sealed = e01Row?.[SEALED];
    if (typeof sealed !== 'string' || !e02Row) throw new Error('raw rows');
    // Moved: E01's ciphertext under E02's key.
    await rawPut(name, 'sheets', { ...e02Row, [SEALED]: sealed });
    const moved = new JiebangDB(name, k);
    await expect(getSheet(moved, 'KLMY-2026-JB-001', 'E02')).rejects.toThrow('记录无法解密');
    // Flipped byte in E01's own row.
    const flipped = flipUnit(sealed, 20);
    moved.close();
    await rawPut(name, 'sheets', { ...e01Row, [SEALED]: flipped });
    const again = new JiebangDB(name, k);
    await expect(getSheet(again, 'KLMY-2026-JB-001', 'E01')).rejects.toThrow('记录无法解密');
    again.close();
    // Wrong key.
    await rawPut(name, 'sheets', e01Row);
    const wrong = new JiebangDB(name, key());
    await expect(getSheet(wrong, 'KLMY-2026-JB-001', 'E01')).rejects.toThrow('记录无法解密');
    wrong.close();
    const good = new JiebangDB(name, k);
    expect((await getSheet(good, 'KLMY-2026-JB-001', 'E01'))?.expertId).toBe('E01');
    good.close();
  });

  it('never writes the data key into the database', async () => {
    const k = key();
    const { db, name } = fresh(k);
    await saveSheet(db, sheet(), { actor: 'E01', action: 'score.edit', target: 'A01' });
    await putAttachment(
      db,
      { id: 'F1', packageId: 'P', name: 'x.pdf', mediaType: 'application/pdf' },
      new Uint8Array(3 * 1024 * 1024 + 5).fill(7),
    );
    db.close();
    const needles = [bytesToHex(k), base64.encode(k)];
    for (const table of ['sheets', 'audit', 'attachments', 'chunks', 'meta']) {
      for (const row of await rawRows(name, table)) {
        const text = JSON.stringify(row, (_k, v: unknown) =>
          v instanceof Uint8Array ? bytesToHex(v) : v,
        );
        for (const needle of needles) expect(text).not.toContain(needle);
        for (const v of Object.values(row)) {
          if (v instanceof Uint8Array) expect(bytesToHex(v)).not.toContain(bytesToHex(k));
        }
      }
    }
  });
});

const pkg = () => ReviewPackageSchema.parse(structuredClone(samplePackage));
const enrolment = () => ({
  packageId: 'KLMY-2026-JB-001',
  expertId: 'E01',
  pledgeAt: '2026-11-29T09:00:00.000Z',
  secretKey: new Uint8Array(32).fill(5),
  fingerprint: 'ABCD EFGH',
  counter: 0,
});

/**
 * The database as earlier versions of the app left it: their schemas, frozen here, and the same
 * sealing. Version 2 stored a package whole, applicants included.
 */
class EarlierDB extends Dexie {
  constructor(name: string, dataKey: Uint8Array, version: 1 | 2 | 3 | 4 | 5) {
    super(name);
    this.version(1).stores(STORES.v1);
    if (version >= 2) this.version(2).stores(STORES.v2);
    if (version >= 3) this.version(3).stores(STORES.v3);
    if (version >= 4) this.version(4).stores({});
    if (version >= 5) this.version(5).stores(STORES.v5);
    if (version >= 6) this.version(6).stores(STORES.v6);
    // v2 to v4 left a sheet's last-edit time in clear.
    const clear =
      version >= 2 && version < 5
        ? { ...CLEAR_FIELDS, sheets: ['packageId', 'expertId', 'status', 'updatedAt'] }
        : CLEAR_FIELDS;
    this.use(sealingMiddleware(deriveKeys(dataKey), clear));
  }
}

/** A database as version `version` of the app left it, open for writing its rows. */
async function earlier(version: 1 | 2 | 3 | 4 | 5, dataKey: Uint8Array) {
  const name = `jb-test-${n++}`;
  names.push(name);
  const old = new EarlierDB(name, dataKey, version);
  await old.open();
  return { name, old };
}

describe('review packages: the package row and one row per applicant', () => {
  it('stores each applicant in its own sealed row and gives the package back exactly', async () => {
    const { db, name } = fresh(key());
    const audit: AuditRecord = { actor: 'E01', action: 'package.import', target: pkg().packageId };
    await commitChange(db, { pkg: { pkg: pkg(), manifestSha256: 'ab'.repeat(32) } }, audit);
    expect(await getPackage(db, pkg().packageId)).toEqual({
      pkg: pkg(),
      manifestSha256: 'ab'.repeat(32),
    });
    // A new import with fewer applicants replaces the list.
    const fewer = { ...pkg(), applicants: pkg().applicants.slice(1) };
    await commitChange(db, { pkg: { pkg: fewer, manifestSha256: 'cd'.repeat(32) } }, audit);
    expect((await getPackage(db, pkg().packageId))?.pkg).toEqual(fewer);
    expect(await getPackage(db, 'NO-SUCH')).toBeUndefined();
    expect((await auditLog(db)).map((e) => e.action)).toEqual(['package.import', 'package.import']);
    db.close();
    const rows = await rawRows(name, 'applicants');
    expect(rows.map((r) => r['id'])).toEqual(
      fewer.applicants.map((a) => `${pkg().packageId}/${a.id}`).sort(),
    );
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([SEALED, 'id', 'packageId'].sort());
      const name0 = fewer.applicants[0]?.name ?? '';
      expect(JSON.stringify(row)).not.toContain(name0);
    }
    const [packageRow] = await rawRows(name, 'packages');
    expect(JSON.stringify(packageRow)).not.toContain(pkg().title);
  });

  it('writes a change and its audit entry together, or neither', async () => {
    const { db } = fresh(key());
    const audit: AuditRecord = { actor: 'E01', action: 'package.import', target: pkg().packageId };
    // A value that cannot be stored (a sheet that holds itself), written after the package in
    // the same transaction: the whole change is refused.
    const cyclic = sheet();
    Reflect.set(cyclic, 'self', cyclic);
    await expect(
      commitChange(
        db,
        { pkg: { pkg: pkg(), manifestSha256: 'ab'.repeat(32) }, sheet: { sheet: cyclic } },
        audit,
      ),
    ).rejects.toThrow();
    expect(await getPackage(db, pkg().packageId)).toBeUndefined();
    expect(await auditLog(db)).toEqual([]);
    db.close();
  });
});

describe("the expert's enrolment and its signing key", () => {
  it('keeps the signing key in the keys table and the enrolment in meta, and reads them back', async () => {
    const { db, name } = fresh(null);
    await commitChange(db, { enrolment: enrolment() }, null);
    expect(await getEnrolment(db)).toEqual(enrolment());
    const later = { ...enrolment(), counter: 3, exportedAt: '2026-11-29T10:00:00.000Z' };
    await commitChange(db, { enrolment: later }, { actor: 'E01', action: 'enrol', target: 'y' });
    expect(await getEnrolment(db)).toEqual(later);
    db.close();
    const [meta] = await rawRows(name, 'meta');
    expect(meta?.['value']).toEqual({
      ...later,
      secretKey: undefined,
      keyId: 'signing/KLMY-2026-JB-001/E01',
    });
    expect(await rawRows(name, 'keys')).toEqual([
      {
        id: 'signing/KLMY-2026-JB-001/E01',
        secretKey: later.secretKey,
        fingerprint: later.fingerprint,
      },
    ]);
  });

  it('refuses an enrolment whose key is missing, rather than sign with nothing', async () => {
    const { db, name } = fresh(null);
    await commitChange(db, { enrolment: enrolment() }, null);
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    await raw.table('keys').clear();
    raw.close();
    const again = new JiebangDB(name, null);
    await expect(getEnrolment(again)).rejects.toThrow('签名密钥 signing/KLMY-2026-JB-001/E01 缺失');
    again.close();
  });
});

describe('upgrades from earlier versions of the database', () => {
  it('v1 → now: sheets get their last-edit field, sealed; a stored package is split into applicant rows', async () => {
    const k = key();
    const { name, old } = await earlier(1, k);
    const s = sheet();
    await old.table('sheets').put(storedSheet(s));
    await old
      .table('packages')
      .put({ id: pkg().packageId, manifestSha256: 'ef'.repeat(32), pkg: pkg() });
    old.close();

    const db = new JiebangDB(name, k);
    expect(await getPackage(db, pkg().packageId)).toEqual({
      pkg: pkg(),
      manifestSha256: 'ef'.repeat(32),
    });
    expect(await getSheet(db, s.packageId, s.expertId)).toEqual(s);
    expect((await db.sheets.get(`${s.packageId}/${s.expertId}`))?.updatedAt).toBe(
      new Date(0).toISOString(),
    );
    expect(await db.applicants.where('packageId').equals(pkg().packageId).count()).toBe(
      pkg().applicants.length,
    );
    db.close();
    // v5: the last-edit time is sealed with the rest, not left in clear.
    expect(await clearFieldsOfSheets(name)).toEqual([SHEET_CLEAR]);
  });

  it('v4 → v5 seals the last-edit time of a sheet that earlier versions left in clear', async () => {
    const k = key();
    const { name, old } = await earlier(4, k);
    const row = { ...storedSheet(sheet()), updatedAt: '2026-11-28T08:00:00.000Z' };
    await old.table('sheets').put(row);
    old.close();
    expect(Object.keys((await rawRows(name, 'sheets'))[0] ?? {})).toContain('updatedAt');
    const db = new JiebangDB(name, k);
    expect(await db.sheets.get(row.id)).toEqual(row);
    db.close();
    expect(await clearFieldsOfSheets(name)).toEqual([SHEET_CLEAR]);
  });

  it('v3 → v4 moves the signing key of an enrolment into the keys table', async () => {
    const k = key();
    const { name, old } = await earlier(3, k);
    await old.table('meta').put({ id: 'enrolment', value: enrolment() });
    old.close();
    const db = new JiebangDB(name, k);
    expect(await getEnrolment(db)).toEqual(enrolment());
    const meta = await db.meta.get('enrolment');
    expect(meta?.['value']).not.toHaveProperty('secretKey');
    expect(await db.keys.get('signing/KLMY-2026-JB-001/E01')).toMatchObject({
      secretKey: enrolment().secretKey,
    });
    db.close();
  });

  it('v5 → v7 moves the chair’s gathered list out of meta into rows of their own', async () => {
    const k = key();
    const { name, old } = await earlier(5, k);
    const entry = (expertId: string) => ({
      expertId,
      name: expertId,
      fingerprint: 'ab'.repeat(32),
      manifestSha256: 'cd'.repeat(32),
      bytes: new Uint8Array([1, 2, 3]),
      sheet: { ...sheet(), expertId, status: 'submitted' },
    });
    await old.table('meta').put({ id: 'gathered', value: [entry('E02'), entry('E03')] });
    old.close();
    const db = new JiebangDB(name, k);
    const rows = await gatheredOfPackage(db, sheet().packageId);
    expect(rows.map((r) => r.expertId)).toEqual(['E02', 'E03']);
    expect(rows[0]?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(await db.meta.get('gathered')).toBeUndefined();
    db.close();
  });

  it('v7 → v8 reads every row sealed in format 1 (UTF-8) back and seals the text records again in format 2', async () => {
    const k = key();
    const name = `jb-test-${n++}`;
    names.push(name);
    // Written as version 7 left them: format 1, sealed here by @noble/ciphers, not by our code.
    const seal1 = (table: string, id: string, value: unknown) => {
      const nonce = crypto.getRandomValues(new Uint8Array(24));
      const ad = new TextEncoder().encode(`${table}\u0000${id}`);
      const plain = new TextEncoder().encode(encodeWire(value));
      const box = xchacha20poly1305(deriveKeys(k).seal, nonce, ad).encrypt(plain);
      return new Uint8Array([...nonce, ...box]);
    };
    const v7 = new Dexie(name);
    for (const [v, stores] of [
      [1, STORES.v1],
      [2, STORES.v2],
      [3, STORES.v3],
      [4, {}],
      [5, STORES.v5],
      [6, STORES.v6],
      [7, STORES.v7],
    ] as const)
      v7.version(v).stores(stores);
    const sheets = Array.from({ length: 1200 }, (_, i) => ({
      ...storedSheet({ ...sheet(), expertId: `E${i}` }),
      updatedAt: '2026-11-28T08:00:00.000Z',
    }));
    const key1 = { id: 'signing/P/E01', secretKey: new Uint8Array([1, 2, 3]), fingerprint: 'AB' };
    const meta = { id: 'notes', value: '评审笔记：方案先进可行。' };
    await v7.open();
    await v7.table('sheets').bulkPut(
      sheets.map((r) => ({
        id: r.id,
        packageId: r.packageId,
        expertId: r.expertId,
        status: r.status,
        $s: seal1('sheets', r.id, r),
      })),
    );
    await v7.table('keys').put({ id: key1.id, $s: seal1('keys', key1.id, key1) });
    await v7.table('meta').put({ id: meta.id, $s: seal1('meta', meta.id, meta) });
    v7.close();

    const db = new JiebangDB(name, k);
    const back = await db.sheets.toArray();
    expect(back).toEqual([...sheets].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.keys.get(key1.id)).toEqual(key1);
    expect(await db.meta.get(meta.id)).toEqual(meta);
    db.close();
    // Text records now in format 2; the record with bytes stays in format 1.
    const fields = new Set((await clearFieldsOfSheets(name)).map((f) => f.join()));
    expect(fields).toEqual(new Set([SHEET_CLEAR.join()]));
    expect(Object.keys((await rawRows(name, 'meta'))[0] ?? {}).sort()).toEqual([SEALED, 'id']);
    expect(Object.keys((await rawRows(name, 'keys'))[0] ?? {}).sort()).toEqual([
      SEALED_FIELD[1],
      'id',
    ]);
    // A flipped byte of a record sealed again is refused, as before.
    await flipSealedByte(name, 'sheets', sheets[7]?.id ?? '');
    const again = new JiebangDB(name, k);
    await expect(again.sheets.toArray()).rejects.toThrow(`sheets/${sheets[7]?.id ?? ''}`);
    again.close();
  });

  it('v2 → v3 keeps a package that was stored whole, in its order', async () => {
    const k = key();
    const { name, old } = await earlier(2, k);
    const reversed = { ...pkg(), applicants: [...pkg().applicants].reverse() };
    await old
      .table('packages')
      .put({ id: pkg().packageId, manifestSha256: '12'.repeat(32), pkg: reversed });
    old.close();
    const db = new JiebangDB(name, k);
    expect((await getPackage(db, pkg().packageId))?.pkg).toEqual(reversed);
    db.close();
  });
});

describe('large reads by primary key, fetched in pages', () => {
  const count = 2 * READ_PAGE + 345;
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `P/E${String(i).padStart(5, '0')}`,
    packageId: 'P',
    expertId: `E${i}`,
    status: 'draft' as const,
    opinion: `意见 ${i}`,
  }));
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

  it('answer exactly as one read would: every row, in order, either way, with limits and ranges', async () => {
    const { db } = fresh(key());
    await db.sheets.bulkPut(rows);
    expect(await db.sheets.toArray()).toEqual(rows);
    expect(ids(await db.sheets.reverse().toArray())).toEqual(ids(rows).reverse());
    expect(await db.sheets.limit(READ_PAGE + 1).toArray()).toEqual(rows.slice(0, READ_PAGE + 1));
    expect(
      await db.sheets
        .offset(READ_PAGE - 5)
        .limit(READ_PAGE + 10)
        .toArray(),
    ).toEqual(rows.slice(READ_PAGE - 5, 2 * READ_PAGE + 5));
    const from = rows[10]?.id ?? '';
    const to = rows[count - 10]?.id ?? '';
    expect(await db.sheets.where('id').between(from, to).toArray()).toEqual(
      rows.slice(10, count - 10),
    );
    expect(ids(await db.sheets.where('id').above(from).reverse().toArray())).toEqual(
      ids(rows.slice(11)).reverse(),
    );
    expect(
      await db.sheets
        .where('id')
        .below(rows[READ_PAGE]?.id ?? '')
        .toArray(),
    ).toEqual(rows.slice(0, READ_PAGE));
    db.close();
  });

  it('leave the transaction usable, and name a row of a later page that does not open', async () => {
    const k = key();
    const { db, name } = fresh(k);
    await db.sheets.bulkPut(rows);
    // Several reads in one read-only transaction.
    await db.transaction('r', db.sheets, async () => {
      expect(await db.sheets.toArray()).toEqual(rows);
      expect(await db.sheets.reverse().limit(3).toArray()).toEqual(rows.slice(-3).reverse());
    });
    // In a read-write transaction a read is one request: a write queued after it is not seen.
    await db.transaction('rw', db.sheets, async () => {
      const [before] = await Promise.all([
        db.sheets.toArray(),
        db.sheets.put({ id: 'P/E99999', packageId: 'P', expertId: 'E', status: 'draft' }),
      ]);
      expect(before).toEqual(rows);
      await db.sheets.delete('P/E99999');
    });
    await db.transaction('rw', db.sheets, async () => {
      expect(await db.sheets.count()).toBe(count);
      const all = await db.sheets.toArray();
      await db.sheets.put({
        id: 'Q/E1',
        packageId: 'Q',
        expertId: 'E1',
        status: 'draft',
        opinion: `共 ${all.length}`,
      });
    });
    expect(await db.sheets.get('Q/E1')).toMatchObject({ opinion: `共 ${count}` });
    db.close();
    const victim = rows[READ_PAGE + 7]?.id ?? '';
    await flipSealedByte(name, 'sheets', victim);
    const again = new JiebangDB(name, k);
    await expect(again.sheets.toArray()).rejects.toThrow(`sheets/${victim}`);
    again.close();
  });
});

describe('large writes, sealed and stored a page at a time', () => {
  const count = 2 * WRITE_PAGE + 17;
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `W/E${String(i).padStart(5, '0')}`,
    packageId: 'W',
    expertId: `E${i}`,
    status: 'draft' as const,
    opinion: `意见 ${i}`,
    ...(i === WRITE_PAGE + 3 ? { scan: new Uint8Array([i % 256, 1, 2]) } : {}),
  }));

  it('store every record sealed, each in its format, and answer as one request would', async () => {
    const { db, name } = fresh(key());
    const keys = await db.sheets.bulkPut(rows, { allKeys: true });
    expect(keys).toEqual(rows.map((r) => r.id));
    expect(await db.sheets.toArray()).toEqual(rows);
    const raw = await rawRows(name, 'sheets');
    expect(raw).toHaveLength(count);
    for (const row of raw) {
      const carriesBytes = row['id'] === rows[WRITE_PAGE + 3]?.id;
      expect(Object.keys(row).sort()).toEqual(
        [SEALED_FIELD[carriesBytes ? 1 : 2], 'expertId', 'id', 'packageId', 'status'].sort(),
      );
    }
    db.close();
  });

  it('keep a text that reads like wire bytes as text (its form is chosen from the value)', async () => {
    const { db, name } = fresh(key());
    const row = { id: 'W/T', packageId: 'W', expertId: 'T', status: 'draft' as const };
    const looksLikeBytes = { ...row, note: { $bytes: 'AAEC' }, text: '"$bytes"' };
    await db.sheets.put(looksLikeBytes);
    expect(await db.sheets.get('W/T')).toEqual(looksLikeBytes);
    const [raw] = await rawRows(name, 'sheets');
    expect(raw && SEALED_FIELD[2] in raw).toBe(true);
    db.close();
  });

  it('name the failures by their place in the whole request', async () => {
    const { db } = fresh(key());
    const late = rows[2 * WRITE_PAGE + 5];
    if (!late) throw new Error('fixture');
    await db.sheets.add({ ...late, opinion: 'first' });
    const error: unknown = await db.sheets.bulkAdd(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Dexie.BulkError);
    const failures: unknown = Reflect.get(Object(error), 'failuresByPos');
    expect(Object.keys(Object(failures))).toEqual([String(2 * WRITE_PAGE + 5)]);
    // bulkAdd outside a transaction keeps the records that did not fail (Dexie's rule).
    expect(await db.sheets.count()).toBe(count);
    expect(await db.sheets.get(late.id)).toMatchObject({ opinion: 'first' });
    db.close();
  });

  it('write nothing when a record of a later page is not a record', async () => {
    const { db } = fresh(key());
    const bad: unknown[] = [...rows.slice(0, 2 * WRITE_PAGE), { packageId: 'W' }];
    await expect(
      db.transaction('rw', db.sheets, () => db.table('sheets').bulkPut(bad)),
    ).rejects.toThrow(/sheets/);
    expect(await db.sheets.count()).toBe(0);
    db.close();
  });
});

describe('large reads by a secondary index, fetched from both ends', () => {
  // Several packages with many sheets each, written out of order: the index orders them by
  // package, then by id.
  const rows = Array.from({ length: 1501 }, (_, i) => {
    const n = (i * 7919) % 1501;
    return {
      id: `S${String(n).padStart(5, '0')}`,
      packageId: `P${n % 3}`,
      expertId: `E${n % 11}`,
      status: n % 5 === 0 ? ('submitted' as const) : ('draft' as const),
      opinion: `意见 ${n}`,
    };
  });
  const byIndex = (
    field: 'packageId' | 'expertId' | 'status',
    keep: (r: (typeof rows)[0]) => boolean,
  ) =>
    rows
      .filter(keep)
      .sort((a, b) =>
        a[field] === b[field] ? (a.id < b.id ? -1 : 1) : a[field] < b[field] ? -1 : 1,
      );

  it('answer exactly as one read would, in index order, either way, large and small', async () => {
    const { db } = fresh(key());
    await db.sheets.bulkPut(rows);
    const p1 = byIndex('packageId', (r) => r.packageId === 'P1');
    expect(await db.sheets.where('packageId').equals('P1').toArray()).toEqual(p1);
    expect(await db.sheets.where('packageId').equals('P1').reverse().toArray()).toEqual(
      [...p1].reverse(),
    );
    expect(await db.sheets.where('packageId').anyOf('P0', 'P2').toArray()).toEqual(
      byIndex('packageId', (r) => r.packageId !== 'P1'),
    );
    expect(await db.sheets.where('expertId').between('E1', 'E3').toArray()).toEqual(
      byIndex('expertId', (r) => r.expertId >= 'E1' && r.expertId < 'E3'),
    );
    expect(await db.sheets.where('status').equals('submitted').toArray()).toEqual(
      byIndex('status', (r) => r.status === 'submitted'),
    );
    expect(await db.sheets.orderBy('packageId').limit(700).toArray()).toEqual(
      byIndex('packageId', () => true).slice(0, 700),
    );
    const few = await db.sheets.where('expertId').equals('E3').limit(5).toArray();
    expect(few).toEqual(byIndex('expertId', (r) => r.expertId === 'E3').slice(0, 5));
    expect(await db.sheets.where('packageId').equals('P9').toArray()).toEqual([]);
    db.close();
  });

  it('leave the transaction usable, and name a row of the second half that does not open', async () => {
    const k = key();
    const { db, name } = fresh(k);
    await db.sheets.bulkPut(rows);
    await db.transaction('r', db.sheets, async () => {
      expect(await db.sheets.where('packageId').equals('P1').count()).toBe(500);
      expect(await db.sheets.where('packageId').equals('P0').toArray()).toHaveLength(501);
    });
    await db.transaction('rw', db.sheets, async () => {
      const [before] = await Promise.all([
        db.sheets.where('packageId').equals('P0').toArray(),
        db.sheets.put({ id: 'S99999', packageId: 'P0', expertId: 'E', status: 'draft' }),
      ]);
      expect(before).toEqual(byIndex('packageId', (r) => r.packageId === 'P0'));
      await db.sheets.delete('S99999');
    });
    await db.transaction('rw', db.sheets, async () => {
      const p0 = await db.sheets.where('packageId').equals('P0').toArray();
      await db.sheets.put({
        id: 'X',
        packageId: 'Q',
        expertId: 'E',
        status: 'draft',
        n: p0.length,
      });
    });
    expect(await db.sheets.get('X')).toMatchObject({ n: 501 });
    db.close();
    const last = byIndex('packageId', (r) => r.packageId === 'P2').at(-1);
    await flipSealedByte(name, 'sheets', last?.id ?? '');
    const again = new JiebangDB(name, k);
    await expect(again.sheets.where('packageId').equals('P2').toArray()).rejects.toThrow(
      `sheets/${String(last?.id)}`,
    );
    again.close();
  });
});

describe('attachments in sealed chunks, blind index', () => {
  it('stores and reads back a multi-chunk attachment, its SHA-256 indexed blind', async () => {
    const { db, name } = fresh(key());
    const bytes = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => (i * 31) % 256);
    const progress: number[] = [];
    await putAttachment(
      db,
      { id: 'F-A01', packageId: 'P', name: '揭榜方案.pdf', mediaType: 'application/pdf' },
      bytes,
      (d) => progress.push(d),
    );
    expect(progress).toEqual([1048576, 2097152, bytes.length]);
    const back = await getAttachment(db, 'F-A01');
    expect(back?.bytes.length).toBe(bytes.length);
    expect(back && sha256Hex(back.bytes)).toBe(sha256Hex(bytes));
    db.close();
    const [att] = await rawRows(name, 'attachments');
    expect(att?.['sha256Hmac']).not.toBe(sha256Hex(bytes));
    expect(JSON.stringify(att)).not.toContain('揭榜方案');
    expect((await rawRows(name, 'chunks')).length).toBe(3);
  });
});

describe('audit log in the database', () => {
  it('chains entries written with changes, and verify names an edited entry', async () => {
    const { db, name } = fresh(null);
    for (let i = 0; i < 5; i++)
      await recordAudit(db, { actor: 'E01', action: 'score.edit', target: `A0${i}` });
    expect(await verifyAudit(db)).toMatchObject({ ok: true, length: 5 });
    expect((await auditLog(db)).map((e) => e.target)).toEqual(['A00', 'A01', 'A02', 'A03', 'A04']);
    db.close();
    const rows = await rawRows(name, 'audit');
    const third = rows[2];
    if (!third) throw new Error('row');
    const entry = third['entry'];
    await rawPut(name, 'audit', {
      ...third,
      entry: { ...(typeof entry === 'object' ? entry : {}), target: 'A99' },
    });
    const again = new JiebangDB(name, null);
    expect(await verifyAudit(again)).toMatchObject({ ok: false, brokenAt: 2 });
    again.close();
  });
});

describe('decisions, task books and gathered sheets are sealed too', () => {
  it('round-trip through the repositories, with an audit entry, and nothing readable at rest', async () => {
    const { readFile } = await import('node:fs/promises');
    const { TaskBookSchema } = await import('../../../src-shared/model');
    const tb = TaskBookSchema.parse(
      JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')),
    );
    const { db, name } = fresh(key());
    const decision = {
      formatVersion: 2 as const,
      packageId: tb.packageId,
      chairExpertId: 'E01',
      ranking: [],
      tieBreaks: [],
      recommendedIds: ['A01'],
      approvedFunding: [{ applicantId: 'A01', amount: '800' }],
      approvedTotal: '800',
      opinion: '同意推荐新疆水处理技术研究院',
      dissent: [],
      deviationReasons: [],
      absences: [],
      decidedAt: '2026-12-08T12:00:00+08:00',
    };
    await commitChange(db, { decision }, { actor: 'E01', action: 'decision.sign', target: 'P' });
    await commitChange(db, { taskBook: tb }, null);
    expect(await getDecision(db, tb.packageId)).toEqual(decision);
    expect(await taskBooksOfPackage(db, tb.packageId)).toEqual([tb]);
    expect((await auditLog(db)).map((e) => e.action)).toEqual(['decision.sign']);
    db.close();
    for (const table of ['decisions', 'taskbooks']) {
      const text = JSON.stringify(await rawRows(name, table));
      expect(text).not.toMatch(/同意推荐|知识产权/);
    }
  });

  it('keeps an inspection report sealed, by its subject, with its audit entry', async () => {
    const { saveInspection, inspectionsOfSubject } = await import('./repo');
    const { db, name } = fresh(key());
    const report = {
      formatVersion: 2 as const,
      reportId: 'IR-1',
      assignmentId: 'ASG-7',
      subject: { type: 'task-book' as const, id: 'TB-KLMY-2026-JB-001' },
      date: '2027-05-01',
      site: '克拉玛依中试基地',
      inspectors: [{ id: 'I07', name: '孙昇' }],
      checklist: [{ item: '里程碑任务完成情况', result: 'met' as const, note: '' }],
      notes: '',
      photos: [],
      conclusion: '中试装置运行正常',
    };
    await saveInspection(db, report, {
      actor: '孙昇',
      action: 'inspection.report.start',
      target: report.reportId,
    });
    expect((await inspectionsOfSubject(db, report.subject))[0]?.conclusion).toBe(
      '中试装置运行正常',
    );
    expect((await auditLog(db)).map((e) => e.action)).toEqual(['inspection.report.start']);
    db.close();
    expect(JSON.stringify(await rawRows(name, 'inspections'))).not.toContain('中试装置运行正常');
  });

  /** A sheet bundle signed for `sheet` (its bytes, as the chair's import keeps them). */
  const bundleOf = (s: ScoreSheet): Promise<Uint8Array> =>
    buildSheetBundle({
      crypto: nobleCrypto,
      sheet: s,
      signer: {
        name: s.expertId,
        secretKey: generateSigningKey().secretKey,
        counter: 1,
        audit: EMPTY_HEAD,
      },
    });

  it('keeps each gathered sheet bundle in its own sealed row, its bytes exact, its sheet read back from them', async () => {
    const { db, name } = fresh(key());
    const e02 = { ...sheet(), expertId: 'E02', status: 'submitted' as const };
    const gathered = async (expertId: string, opinion: string): Promise<GatheredSheet> => {
      const s = {
        ...e02,
        expertId,
        scores: e02.scores.map((x) => ({ ...x, overallOpinion: opinion })),
      };
      return {
        expertId,
        name: '刘珺',
        fingerprint: 'ab'.repeat(32),
        manifestSha256: 'cd'.repeat(32),
        bytes: await bundleOf(s),
        sheet: s,
      };
    };
    const [e03, e02a, e02b] = await Promise.all([
      gathered('E03', '方案先进可行'),
      gathered('E02', '方案先进可行'),
      gathered('E02', '方案可行，建议立项'),
    ]);
    await commitChange(db, { gathered: [e03, e02a] }, null);
    // A later bundle of an expert replaces the earlier one.
    await commitChange(db, { gathered: [e02b] }, null);
    const back = await gatheredOfPackage(db, e02.packageId);
    expect(back).toStrictEqual([e02b, e03]);
    // The row holds the bytes, not the sheet a second time (the sheet is inside them), sealed
    // raw beside the sealed record (not base64 inside it), bound to the row.
    const stored = await db.gathered.get(gatheredRowId(e02.packageId, 'E02'));
    expect(stored).not.toHaveProperty('sheet');
    expect(stored).not.toHaveProperty('bytes');
    const bundle = stored?.['bundle'];
    expect(bundle).toBeInstanceOf(Uint8Array);
    expect(bundle instanceof Uint8Array && bundle.length).toBe(e02b.bytes.length + 24 + 16);
    // A row's sealed bundle moved to another row does not open there.
    const e03Row = await db.gathered.get(gatheredRowId(e02.packageId, 'E03'));
    await db.gathered.put({
      ...e03Row,
      id: gatheredRowId(e02.packageId, 'E03'),
      bundle,
      expertId: 'E03',
      packageId: e02.packageId,
    });
    await expect(gatheredOfPackage(db, e02.packageId)).rejects.toThrow(/gathered\.bundle|E03/);
    db.close();
    const rows = await rawRows(name, 'gathered');
    // The record without the bytes is text: sealed in format 2 (middleware.ts).
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual([
        SEALED_FIELD[2],
        'bundle',
        'expertId',
        'id',
        'packageId',
      ]);
    expect(JSON.stringify(rows)).not.toContain('方案先进可行');
    for (const row of rows) {
      const raw: unknown = row['bundle'];
      expect(raw instanceof Uint8Array && new TextDecoder().decode(raw)).not.toContain(
        'sheet.json',
      );
    }
  });

  it.each([
    ['with the bytes inside the sealed record (before the raw bundle)', false],
    ['with their sheet beside the bytes (before issue 22)', true],
  ])('reads gathered rows stored %s as they were', async (_form, withSheet) => {
    const { db } = fresh(key());
    const e02 = { ...sheet(), expertId: 'E02', status: 'submitted' as const };
    const old = {
      id: gatheredRowId(e02.packageId, 'E02'),
      packageId: e02.packageId,
      expertId: 'E02',
      name: '刘珺',
      fingerprint: 'ab'.repeat(32),
      manifestSha256: 'cd'.repeat(32),
      bytes: await bundleOf(e02),
    };
    await db.gathered.put(withSheet ? { ...old, sheet: e02 } : old);
    const { id: _id, packageId: _p, ...kept } = old;
    expect(await gatheredOfPackage(db, e02.packageId)).toStrictEqual([{ ...kept, sheet: e02 }]);
    db.close();
  });

  it('refuses a gathered row whose bytes are no sheet bundle of its expert, naming the row', async () => {
    const { db } = fresh(key());
    const e02 = { ...sheet(), expertId: 'E02', status: 'submitted' as const };
    const row = (expertId: string, bytes: Uint8Array) => ({
      id: gatheredRowId(e02.packageId, expertId),
      packageId: e02.packageId,
      expertId,
      name: '刘珺',
      fingerprint: 'ab'.repeat(32),
      manifestSha256: 'cd'.repeat(32),
      bytes,
    });
    await db.gathered.put(row('E02', new Uint8Array(1000).fill(9)));
    await expect(gatheredOfPackage(db, e02.packageId)).rejects.toThrow(
      `已导入的评分表文件包无法读取（${e02.packageId}/E02）`,
    );
    await db.gathered.clear();
    await db.gathered.put(row('E03', await bundleOf(e02)));
    await expect(gatheredOfPackage(db, e02.packageId)).rejects.toThrow(
      `（${e02.packageId}/E03）：${e02.packageId}/E02`,
    );
    db.close();
  });
});
