/**
 * A Dexie DBCore middleware that seals every record of the listed tables on the way in and opens
 * it on the way out. Only the listed clear fields (ids, foreign keys, status flags, blind indexes)
 * stay readable in IndexedDB; everything else is inside the sealed field (`SEALED_FIELD`).
 */
import type {
  DBCore,
  DBCoreAddRequest,
  DBCoreCursor,
  DBCoreMutateResponse,
  DBCorePutRequest,
  DBCoreQueryRequest,
  DBCoreQueryResponse,
  DBCoreTable,
  Middleware,
} from 'dexie';
import type { Sealed } from './aead';
import { openValues, sealValues, SealError, type SealedRecord, type SealKeys } from './seal';
import { dbText } from '../i18n/db';

/**
 * The field holding a row's sealed record, by format (seal.ts `sealValues`): `$s2` for format 2
 * (plaintext UTF-16LE, text records; the sealed bytes stored as a string of code units), `$s`
 * for format 1 (bytes) (plaintext UTF-8: records that carry
 * bytes, and every row written before format 2, which database.ts v8 seals again).
 */
export const SEALED_FIELD = { 1: '$s', 2: '$s2' } as const;
/** Where a text record is sealed. */
export const SEALED = SEALED_FIELD[2];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clearPart(
  table: string,
  clear: readonly string[],
  value: unknown,
  beside: readonly string[] = [],
) {
  if (!isRecord(value)) throw new SealError(dbText.notAnObject(table));
  const id = value['id'];
  if (typeof id !== 'string') throw new SealError(dbText.noStringId(table));
  const out: Record<string, unknown> = { id };
  for (const f of clear) if (f in value) out[f] = value[f];
  if (beside.length === 0) return { id, value, out };
  const sealed: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(value)) {
    if (beside.includes(f)) out[f] = v;
    else sealed[f] = v;
  }
  return { id, value: sealed, out };
}

/**
 * Seals a page of records in one call (bulk writes). `beside`: fields the repository sealed
 * itself (raw bytes: `gathered.bundle`), stored beside the sealed record rather than inside it.
 */
export function sealRecords(
  keys: SealKeys,
  table: string,
  clear: readonly string[],
  values: readonly unknown[],
  beside: readonly string[] = [],
): unknown[] {
  const parts = values.map((v) => clearPart(table, clear, v, beside));
  const sealed = sealValues(keys, table, parts);
  return parts.map((p, i) => {
    const s = sealed[i];
    if (!s) throw new SealError(dbText.badRecord(table));
    return { ...p.out, [SEALED_FIELD[s.format]]: s.bytes };
  });
}

/** Records sealed and handed to IndexedDB per step of a large write (`sealInPages`). */
export const WRITE_PAGE = 1000;

/**
 * A large add/put sealed and handed to IndexedDB a page at a time, in order, in the same
 * transaction: every record is checked first (`clearPart`: nothing is written when one is not a
 * record), then each page is sealed and its puts issued before the next page is sealed, so
 * IndexedDB stores one page while the next is encrypted, and only a page of JSON texts and sealed
 * records is alive at once (sealing 10,000 records at once spent half its time collecting
 * garbage; docs/bench.md). The answers are merged into the one answer of the whole request: the
 * same results, failures by their place in the request. A request carrying Dexie's modify
 * details (criteria, changeSpec, updates) stays one request.
 */
function sealInPages(
  table: DBCoreTable,
  req: DBCoreAddRequest | DBCorePutRequest,
  seal: (values: readonly unknown[]) => unknown[],
  check: (value: unknown) => void,
): Promise<DBCoreMutateResponse> {
  const { values, keys } = req;
  const whole =
    values.length <= WRITE_PAGE ||
    (req.type === 'put' &&
      (req.criteria !== undefined || req.changeSpec !== undefined || req.updates !== undefined));
  if (whole) return table.mutate({ ...req, values: seal(values) });
  values.forEach(check);
  const answers: Promise<DBCoreMutateResponse>[] = [];
  try {
    for (let at = 0; at < values.length; at += WRITE_PAGE) {
      const page = seal(values.slice(at, at + WRITE_PAGE));
      answers.push(table.mutate({ ...req, values: page, keys: keys?.slice(at, at + WRITE_PAGE) }));
    }
  } catch (error) {
    // A page could not be sealed after earlier pages were issued: none of the request may land.
    const abort: unknown = Reflect.get(req.trans, 'abort');
    if (typeof abort === 'function') Reflect.apply(abort, req.trans, []);
    throw error;
  }
  return Promise.all(answers).then((parts) => {
    const failures: Record<number, Error> = {};
    const results: unknown[] = [];
    let numFailures = 0;
    parts.forEach((part, p) => {
      numFailures += part.numFailures;
      for (const [i, error] of Object.entries(part.failures))
        failures[p * WRITE_PAGE + Number(i)] = error;
      for (const r of part.results ?? []) results.push(r);
    });
    return { numFailures, failures, results, lastResult: parts[parts.length - 1]?.lastResult };
  });
}

function sealedPart(table: string, value: unknown): { id: string; sealed: SealedRecord } {
  if (!isRecord(value)) throw new SealError(dbText.badRecord(table));
  const id = value['id'];
  const two = value[SEALED_FIELD[2]];
  const one = value[SEALED_FIELD[1]];
  const sealed: SealedRecord | null =
    typeof two === 'string'
      ? { format: 2, bytes: two }
      : one instanceof Uint8Array
        ? { format: 1, bytes: one }
        : null;
  if (!sealed || typeof id !== 'string') throw new SealError(dbText.notSealed(table, String(id)));
  return { id, sealed };
}

/** `opened` with the `beside` fields the stored `row` holds (none: `opened` as it is). */
function withBeside(opened: unknown, row: unknown, beside: readonly string[]): unknown {
  if (beside.length === 0 || !isRecord(opened) || !isRecord(row)) return opened;
  const out: Record<string, unknown> = { ...opened };
  for (const f of beside) if (f in row) out[f] = row[f];
  return out;
}

export const openRecord = (
  keys: SealKeys,
  table: string,
  value: unknown,
  beside: readonly string[] = [],
): unknown => openRecords(keys, table, [value], beside)[0];

/**
 * Opens a page of rows (missing rows of getMany stay undefined): one call per format present,
 * usually one. The `beside` fields a row holds (sealRecords) join its opened record.
 */
export function openRecords(
  keys: SealKeys,
  table: string,
  values: readonly unknown[],
  beside: readonly string[] = [],
): unknown[] {
  const out = [...values];
  const pages = new Map<
    SealedRecord['format'],
    { at: number[]; ids: string[]; sealed: Sealed[] }
  >();
  values.forEach((v, i) => {
    if (v === undefined || v === null) return;
    const { id, sealed } = sealedPart(table, v);
    const page = pages.get(sealed.format) ?? { at: [], ids: [], sealed: [] };
    pages.set(sealed.format, page);
    page.at.push(i);
    page.ids.push(id);
    page.sealed.push(sealed.bytes);
  });
  for (const [format, page] of pages) {
    const opened = openValues(keys, table, page.ids, page.sealed, format);
    page.at.forEach((i, k) => (out[i] = withBeside(opened[k], values[i], beside)));
  }
  return out;
}

/** Rows per IndexedDB request when a large read by primary key is fetched in pages. */
export const READ_PAGE = 1000;

/** Below this many rows a read is fetched in one request. */
const SPLIT_MIN = 64;

// Dexie's DBCoreRangeType is a const enum (not importable here): its values, from dexie.d.ts.
const RANGE = 2;
const ANY = 3;

/** Whether IndexedDB reads a range backwards in one request (getAll with a direction, IDB 3). */
const getAllHasDirection = (): boolean =>
  typeof IDBObjectStore !== 'undefined' && 'getAllRecords' in IDBObjectStore.prototype;

/**
 * How a large read is fetched in several requests, or null for one request. Only in read-only
 * transactions: in a read-write one a write queued between the requests would be seen by some
 * and not by others, where one request sees the table as it is at one point of the queue.
 * By primary key (`toArray()` of a table, `between` on the id), each end is read in pages, a
 * page's successor known from its last id; by a secondary index a page cannot resume in the
 * middle of equal index keys, so each end is one request.
 */
function paging(req: DBCoreQueryRequest): number | null {
  const { index, range } = req.query;
  if (
    req.values !== true ||
    Reflect.get(req.trans, 'mode') !== 'readonly' ||
    !(req.direction === undefined || req.direction === 'next' || req.direction === 'prev') ||
    !(req.limit === undefined || req.limit > SPLIT_MIN) ||
    !getAllHasDirection()
  )
    return null;
  if (!index.isPrimaryKey) return Infinity;
  return index.keyPath === 'id' && (range.type === RANGE || range.type === ANY) ? READ_PAGE : null;
}

/**
 * Reads up to `want` rows of the query's range in `direction`, `page` rows a request, sending the
 * request for the next page before this page is opened: IndexedDB reads the next page while this
 * one is decrypted.
 */
async function readEnd(
  table: DBCoreTable,
  req: DBCoreQueryRequest,
  end: { direction: 'next' | 'prev'; want: number; page: number },
  open: (rows: readonly unknown[]) => unknown[],
  idOf: (row: unknown) => string,
): Promise<unknown[]> {
  const { direction, want, page } = end;
  const out: unknown[] = [];
  let range = req.query.range;
  let asked = Math.min(page, want);
  const fetch = () =>
    table.query({ ...req, direction, limit: asked, query: { ...req.query, range } });
  let pending: Promise<DBCoreQueryResponse> | null = asked > 0 ? fetch() : null;
  while (pending) {
    const rows = (await pending).result;
    pending = null;
    const fetched = out.length + rows.length;
    const last = rows[rows.length - 1];
    if (rows.length === asked && fetched < want && last !== undefined) {
      const id = idOf(last);
      range =
        direction === 'prev'
          ? { ...range, type: RANGE, upper: id, upperOpen: true }
          : { ...range, type: RANGE, lower: id, lowerOpen: true };
      asked = Math.min(page, want - fetched);
      pending = fetch();
    }
    let opened: unknown[];
    try {
      opened = open(rows);
    } catch (error) {
      // The next page's answer no longer matters; do not leave its failure unhandled.
      pending?.catch(() => undefined);
      throw error;
    }
    for (const v of opened) out.push(v);
  }
  return out;
}

/**
 * Fetches a large read from both ends of its range at once, once its rows are counted: the first
 * half forwards, the second backwards, so IndexedDB always has a request waiting while a page is
 * decrypted. Same rows, same order, same limit as the query itself.
 */
async function readBothEnds(
  table: DBCoreTable,
  req: DBCoreQueryRequest,
  page: number,
  open: (rows: readonly unknown[]) => unknown[],
  idOf: (row: unknown) => string,
): Promise<DBCoreQueryResponse> {
  const total = await table.count({ trans: req.trans, query: req.query });
  const limit = req.limit ?? Infinity;
  const want = Math.min(limit, total);
  const forwards = req.direction === 'prev' ? 'prev' : 'next';
  // From the far end only when the limit reaches it.
  const head = limit >= total && want >= SPLIT_MIN ? Math.ceil(want / 2) : want;
  const [front, back] = await Promise.all([
    readEnd(table, req, { direction: forwards, want: head, page }, open, idOf),
    readEnd(
      table,
      req,
      { direction: forwards === 'next' ? 'prev' : 'next', want: want - head, page },
      open,
      idOf,
    ),
  ]);
  return { result: front.concat(back.reverse()) };
}

function wrapCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => open(cursor.value) },
  });
}

export function sealingMiddleware(
  keys: SealKeys,
  clearFields: Readonly<Record<string, readonly string[]>>,
  besideFields: Readonly<Record<string, readonly string[]>> = {},
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'jiebang-sealing',
    create: (down) => ({
      ...down,
      table: (name): DBCoreTable => {
        const table = down.table(name);
        const clear = clearFields[name];
        if (!clear) return table;
        const beside = besideFields[name] ?? [];
        const open = (v: unknown) => openRecord(keys, name, v, beside);
        const openAll = (rows: readonly unknown[]) => openRecords(keys, name, rows, beside);
        return {
          ...table,
          mutate: (req) => {
            if (req.type === 'add' || req.type === 'put')
              return sealInPages(
                table,
                req,
                (values) => sealRecords(keys, name, clear, values, beside),
                (value) => clearPart(name, clear, value, beside),
              );
            return table.mutate(req);
          },
          get: async (req) => open(await table.get(req)),
          getMany: async (req) => openAll(await table.getMany(req)),
          query: async (req) => {
            const page = paging(req);
            if (page !== null)
              return readBothEnds(table, req, page, openAll, (row) => sealedPart(name, row).id);
            const res = await table.query(req);
            return req.values ? { ...res, result: openAll(res.result) } : res;
          },
          openCursor: async (req) => {
            const cursor = await table.openCursor(req);
            return cursor && req.values ? wrapCursor(cursor, open) : cursor;
          },
        };
      },
    }),
  };
}
