/**
 * A Dexie DBCore middleware that seals every record of the listed tables on the way in and opens
 * it on the way out. Only the listed clear fields (ids, foreign keys, status flags, blind indexes)
 * stay readable in IndexedDB; everything else is inside `$s`.
 */
import type {
  DBCore,
  DBCoreCursor,
  DBCoreKeyRange,
  DBCoreQueryRequest,
  DBCoreQueryResponse,
  DBCoreTable,
  Middleware,
} from 'dexie';
import { openValue, openValues, sealValues, SealError, type SealKeys } from './seal';

export const SEALED = '$s';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clearPart(table: string, clear: readonly string[], value: unknown) {
  if (!isRecord(value)) throw new SealError(`${table}: 只能保存对象`);
  const id = value['id'];
  if (typeof id !== 'string') throw new SealError(`${table}: 记录缺少字符串主键 id`);
  const out: Record<string, unknown> = { id };
  for (const f of clear) if (f in value) out[f] = value[f];
  return { id, value, out };
}

/** Seals a page of records in one call (bulk writes). */
export function sealRecords(
  keys: SealKeys,
  table: string,
  clear: readonly string[],
  values: readonly unknown[],
): unknown[] {
  const parts = values.map((v) => clearPart(table, clear, v));
  const sealed = sealValues(keys, table, parts);
  return parts.map((p, i) => ({ ...p.out, [SEALED]: sealed[i] }));
}

function sealedPart(table: string, value: unknown): { id: string; sealed: Uint8Array } {
  if (!isRecord(value)) throw new SealError(`${table}: 记录格式错误`);
  const sealed = value[SEALED];
  const id = value['id'];
  if (!(sealed instanceof Uint8Array) || typeof id !== 'string')
    throw new SealError(`${table}/${String(id)}: 记录未加密或已损坏`);
  return { id, sealed };
}

export function openRecord(keys: SealKeys, table: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  const { id, sealed } = sealedPart(table, value);
  return openValue(keys, table, id, sealed);
}

/** Opens a page of rows in one call (missing rows of getMany stay undefined). */
export function openRecords(keys: SealKeys, table: string, values: readonly unknown[]): unknown[] {
  const at: number[] = [];
  const ids: string[] = [];
  const sealed: Uint8Array[] = [];
  values.forEach((v, i) => {
    if (v === undefined || v === null) return;
    const part = sealedPart(table, v);
    at.push(i);
    ids.push(part.id);
    sealed.push(part.sealed);
  });
  const out = [...values];
  if (ids.length === 0) return out;
  const opened = openValues(keys, table, ids, sealed);
  at.forEach((i, k) => (out[i] = opened[k]));
  return out;
}

/** Rows per IndexedDB request when a large read by primary key is fetched in pages. */
export const READ_PAGE = 1000;

// Dexie's DBCoreRangeType is a const enum (not importable here): its values, from dexie.d.ts.
const RANGE = 2;
const ANY = 3;

/**
 * Whether the query runs in a read-only transaction. Reads in several requests are only made
 * there: in a read-write transaction a write queued between them would be seen by some and not
 * by others, where one request sees the table as it is at one point of the queue.
 */
const readOnly = (req: DBCoreQueryRequest): boolean =>
  Reflect.get(req.trans, 'mode') === 'readonly';

/**
 * Whether a query is a read of many rows by primary key (`toArray()` of a table, `between` on
 * the id, …). Those are fetched in pages; a page's successor is known from its last key.
 */
function pageable(req: DBCoreQueryRequest): boolean {
  const { index, range } = req.query;
  return (
    req.values === true &&
    readOnly(req) &&
    index.isPrimaryKey === true &&
    index.keyPath === 'id' &&
    (range.type === RANGE || range.type === ANY) &&
    (req.limit === undefined || req.limit > READ_PAGE)
  );
}

/**
 * Fetches a pageable query a page at a time, sending the request for the next page before this
 * page is opened: IndexedDB reads the next page while this one is decrypted, where one getAll
 * would leave the two in sequence. Same rows, same order, same limit as the query itself.
 */
async function pagedQuery(
  table: DBCoreTable,
  req: DBCoreQueryRequest,
  open: (rows: readonly unknown[]) => unknown[],
  keyOf: (row: unknown) => string,
): Promise<DBCoreQueryResponse> {
  const limit = req.limit ?? Infinity;
  const backwards = req.direction === 'prev';
  const fetch = (range: DBCoreKeyRange, count: number) =>
    table.query({ ...req, limit: count, query: { ...req.query, range } });
  let range = req.query.range;
  let pending: Promise<DBCoreQueryResponse> | null = fetch(range, READ_PAGE);
  const out: unknown[] = [];
  while (pending) {
    const rows = (await pending).result;
    pending = null;
    const fetched = out.length + rows.length;
    const last = rows[rows.length - 1];
    if (rows.length === READ_PAGE && fetched < limit && last !== undefined) {
      const key = keyOf(last);
      range = backwards
        ? { ...range, type: RANGE, upper: key, upperOpen: true }
        : { ...range, type: RANGE, lower: key, lowerOpen: true };
      pending = fetch(range, Math.min(READ_PAGE, limit - fetched));
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
  return { result: out };
}

/** Below this many rows a query is fetched in one request. */
const SPLIT_MIN = 64;

/** Whether IndexedDB reads a range backwards in one request (getAll with a direction, IDB 3). */
const getAllHasDirection = (): boolean =>
  typeof IDBObjectStore !== 'undefined' && 'getAllRecords' in IDBObjectStore.prototype;

/** Whether a query reads every row of a range by a secondary index (`where(…).equals(…)`). */
function splittable(req: DBCoreQueryRequest): boolean {
  return (
    req.values === true &&
    readOnly(req) &&
    (req.limit === undefined || req.limit === Infinity) &&
    !req.query.index.isPrimaryKey &&
    getAllHasDirection()
  );
}

/**
 * Fetches a read by a secondary index from both ends. A page cannot resume in the middle of
 * equal index keys, but the two halves are known once the rows are counted: the first half
 * forwards, the second backwards, both requested at once, so the first half is decrypted while
 * IndexedDB reads the second. Same rows, same order as the query itself.
 */
async function splitQuery(
  table: DBCoreTable,
  req: DBCoreQueryRequest,
  open: (rows: readonly unknown[]) => unknown[],
): Promise<DBCoreQueryResponse> {
  const total = await table.count({ trans: req.trans, query: req.query });
  const head = total < SPLIT_MIN ? total : Math.ceil(total / 2);
  const first = table.query({ ...req, limit: head });
  const second =
    head < total
      ? table.query({
          ...req,
          limit: total - head,
          direction: req.direction === 'prev' ? 'next' : 'prev',
        })
      : null;
  let opened: unknown[];
  try {
    opened = open((await first).result);
  } catch (error) {
    second?.catch(() => undefined);
    throw error;
  }
  if (second) opened = opened.concat(open((await second).result).reverse());
  return { result: opened };
}

function wrapCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => open(cursor.value) },
  });
}

export function sealingMiddleware(
  keys: SealKeys,
  clearFields: Readonly<Record<string, readonly string[]>>,
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
        const open = (v: unknown) => openRecord(keys, name, v);
        return {
          ...table,
          mutate: (req) => {
            if (req.type === 'add' || req.type === 'put') {
              return table.mutate({
                ...req,
                values: sealRecords(keys, name, clear, req.values),
              });
            }
            return table.mutate(req);
          },
          get: async (req) => open(await table.get(req)),
          getMany: async (req) => openRecords(keys, name, await table.getMany(req)),
          query: async (req) => {
            if (pageable(req))
              return pagedQuery(
                table,
                req,
                (rows) => openRecords(keys, name, rows),
                (row) => sealedPart(name, row).id,
              );
            if (splittable(req))
              return splitQuery(table, req, (rows) => openRecords(keys, name, rows));
            const res = await table.query(req);
            return req.values ? { ...res, result: openRecords(keys, name, res.result) } : res;
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
